// Chapter 2 §3.7 Shadowing: a program's own `enum Option` or `enum Result` with other variants
// than the prelude's replaces the prelude type in that program — the type name, `Option.X`/
// `Result.X` paths and the unqualified `Some`/`None`/`Ok`/`Err` when it has such variants. Values
// the prelude makes (`v.get(i)`, `s.parse()`) stay prelude values, so a context that is a prelude
// Option/Result (an expected type, a match subject) keeps the prelude's variants.
import type { Ctx } from './context';
import type { EnumInfo, Type } from './types';
import type { Span } from '../span';
import { OPTION, RESULT } from './prelude';
import { MSG, NOTE } from '../msg';

const FAMILY: Record<string, 'Option' | 'Result'> = { Some: 'Option', None: 'Option', Ok: 'Result', Err: 'Result' };

/** The program's own enum that shadows the prelude `Option`/`Result` in `file`, or null. The
 *  standard modules (`<std>/…`) are written against the prelude: a program's enum is not theirs. */
export function shadowing(cx: Ctx, name: 'Option' | 'Result', file: string): EnumInfo | null {
  const e = cx.enums.get(name);
  if (!e || !e.decl) return null;
  return file.startsWith('<std>') && !(e.decl as { span: Span }).span.file.startsWith('<std>') ? null : e;
}

/** What an unqualified `Some`/`None`/`Ok`/`Err` means here: the prelude variant, the shadowing
 *  enum's variant, or `missing` (the shadowing enum has no such variant). */
export function bareVariant(cx: Ctx, name: string, context: Type | null, file: string): { info: EnumInfo; index: number } | { missing: EnumInfo } | null {
  const fam = Object.hasOwn(FAMILY, name) ? FAMILY[name] : null; // (not an Object.prototype name: `constructor()`)
  if (!fam) return null;
  const prelude = fam === 'Option' ? OPTION : RESULT;
  const own = shadowing(cx, fam, file);
  if (!own || (context?.k === 'enum' && context.info === prelude)) return { info: prelude, index: prelude.variants.findIndex((v) => v.name === name) };
  const i = own.variants.findIndex((v) => v.name === name);
  return i >= 0 ? { info: own, index: i } : { missing: own };
}

/** E0173 for a prelude variant name the shadowing enum does not have. */
export function missingVariant(cx: Ctx, name: string, own: EnumInfo, span: import('../span').Span): void {
  cx.error(MSG.E0173.notVariantProgramS({ name, ownName: own.name }), span, {
    notes: [NOTE.E0173.noteVariants({ variants: own.variants.map((v) => `\`${v.name}\``).join(', ') }), NOTE.E0173.helpWriteOneThem({ ownName: own.name })],
  });
}

/** A note for a prelude method (or `?`) used on the shadowing enum. */
export function shadowNote(t: Type, forTry = false): string | null {
  if (t.k !== 'enum' || t.info.decl === null || (t.info.name !== 'Option' && t.info.name !== 'Result')) return null;
  return (forTry ? NOTE.E0117 : NOTE.E0108).noteOwnEnumReplacesPrelude({ name: t.info.name });
}
