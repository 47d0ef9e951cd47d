// Typed access to the message templates of ./messages.ts: `MSG.E0103.assertEqCompares({ a, b })`
// gives a `Message` (its code and its text with the holes filled); `NOTE.E0118.helpSynchronousCodeUse()` the
// text of a fixed note or help line of that code. Every emitter (cx.error,
// the parser's error, the lexer's report, diag) takes a Message, never a code and a string, so a
// wrong code or template name, a missing hole or an extra one fails `tsc`.
// Holes are written `{$name}` (like Fluent's `{ $name }`): the texts themselves contain `{`/`}`.
import type { DiagnosticCode } from './codes';
import { MESSAGES, NOTES } from './messages';
import { displayName } from './sema/module-names';

declare const fromTable: unique symbol;

/** A diagnostic's code with its finished text, made only by the functions of `MSG` (the brand
 *  keeps an object literal `{ code, text }` from passing for one). */
export interface Message<C extends string = DiagnosticCode> {
  readonly code: C;
  readonly text: string;
  readonly [fromTable]: true;
}

/** What a hole takes: the value is written as a template literal would (`String(v)`). */
export type HoleValue = string | number | bigint | boolean;

/** The hole names of a template type: 'a {$x} b {$y}' -> 'x' | 'y'. */
export type Holes<S extends string> = S extends `${string}{$${infer H}}${infer R}` ? H | Holes<R> : never;

type TemplateFn<C extends string, S extends string> = [Holes<S>] extends [never]
  ? () => Message<C>
  : (args: { readonly [K in Holes<S>]: HoleValue }) => Message<C>;

type Table = typeof MESSAGES;
export type MessageCode = keyof Table & DiagnosticCode;

/** The codes that have a template named N (for emitters shared by several codes, like the parser's `expected X, found Y`). */
export type CodesWith<N extends string> = { [C in MessageCode]: N extends keyof Table[C] ? C : never }[MessageCode];

export type Messages = {
  readonly [C in MessageCode]: { readonly [N in keyof Table[C]]: Table[C][N] extends string ? TemplateFn<C, Table[C][N]> : never };
};

type NoteTable = typeof NOTES;
type NoteFn<S extends string> = [Holes<S>] extends [never] ? () => string : (args: { readonly [K in Holes<S>]: HoleValue }) => string;
export type Notes = {
  readonly [C in keyof NoteTable]: { readonly [N in keyof NoteTable[C]]: NoteTable[C][N] extends string ? NoteFn<NoteTable[C][N]> : never };
};

const HOLE = /\{\$(\w+)\}/g;

/** The hole names of a template, in order of first appearance. */
export function templateHoles(template: string): string[] {
  return [...new Set([...template.matchAll(HOLE)].map((m) => m[1]))];
}

/** Fills a template's holes; a hole without a value is a bug of ours, so it throws. */
export function formatMessage(template: string, args: Readonly<Record<string, HoleValue>> = {}): string {
  return template.replace(HOLE, (_, name: string) => {
    if (!Object.hasOwn(args, name)) throw new Error(`message hole {$${name}} has no value`);
    // a standard module's item is `conv·strlen` inside the checker; the program wrote `strlen`
    return displayName(String(args[name]));
  });
}

function build(): Messages {
  const out: Record<string, Record<string, (args?: Record<string, HoleValue>) => Message<string>>> = {};
  for (const [code, templates] of Object.entries(MESSAGES as Record<string, Record<string, string>>)) {
    out[code] = {};
    for (const [name, template] of Object.entries(templates)) out[code][name] = (args) => ({ code, text: formatMessage(template, args) }) as unknown as Message<string>;
  }
  return out as unknown as Messages;
}

export const MSG: Messages = build();

function buildNotes(): Notes {
  const out: Record<string, Record<string, (args?: Record<string, HoleValue>) => string>> = {};
  for (const [code, templates] of Object.entries(NOTES as Record<string, Record<string, string>>)) {
    out[code] = {};
    for (const [name, template] of Object.entries(templates)) out[code][name] = (args) => formatMessage(template, args);
  }
  return out as unknown as Notes;
}

export const NOTE: Notes = buildNotes();
