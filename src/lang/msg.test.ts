// The message table (messages.ts) and its typed access (msg.ts): holes are filled exactly as a
// template literal would, every template belongs to a code of the table, and the codes that
// are only ever emitted with a message are all there.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MSG, NOTE, formatMessage, templateHoles } from './msg';
import { MESSAGES, NOTES } from './messages';
import { DIAGNOSTICS, codeInfo } from './codes';
import { diag } from './diagnostics';
import { checkSource } from './sema/check';

const table = MESSAGES as Record<string, Record<string, string>>;
const notes = NOTES as Record<string, Record<string, string>>;
const span = { file: 'a.vx', start: 0, end: 1, line: 1, col: 1, endLine: 1, endCol: 2 };

describe('message templates', () => {
  it('fill their holes as `String(v)` does, keep other braces, and refuse a missing hole', () => {
    expect(formatMessage('expected {$what}, found {$found}', { what: '`;`', found: 'end of file' })).toBe('expected `;`, found end of file');
    expect(formatMessage('{$n} of {$n}: {$big} {$ok}', { n: 3, big: 12n, ok: false })).toBe('3 of 3: 12 false');
    expect(formatMessage('unknown spec `{{$spec}}`; write `{{` or `{}`', { spec: ':q' })).toBe('unknown spec `{:q}`; write `{{` or `{}`');
    expect(() => formatMessage('a {$x}', {})).toThrow(/\{\$x\} has no value/);
    expect(templateHoles('{$a} {$b} {$a}')).toEqual(['a', 'b']);
  });

  it('MSG gives the code and the finished text', () => {
    const m = MSG.E0161.mutableTwice({ name: 'v' });
    expect(m).toEqual({ code: 'E0161', text: 'cannot borrow `v` as mutable more than once at a time' });
    expect(diag(m, span)).toMatchObject({ code: 'E0161', severity: 'error', message: m.text });
    expect(MSG.E0010.expected({ what: 'type', found: '`)`' }).text).toBe('expected type, found `)`');
  });

  it('NOTE gives the text of a fixed note line', () => {
    expect(NOTE.E0161.helpBothReferencesWould()).toBe('help: both references would be live for the whole call; pass one of them, or copy the value out first');
    const [name, t] = Object.entries(notes.E0100).find(([, x]) => templateHoles(x).length === 1)!;
    const fn = (NOTE.E0100 as unknown as Record<string, (a: Record<string, string>) => string>)[name];
    expect(fn({ [templateHoles(t)[0]]: 'XYZ' })).toBe(t.replace(/\{\$\w+\}/, 'XYZ'));
  });

  it('belong to codes of the table, with names and holes that are identifiers', () => {
    for (const [code, templates] of [...Object.entries(table), ...Object.entries(notes)]) {
      expect(Object.hasOwn(DIAGNOSTICS, code), code).toBe(true);
      expect(Object.keys(templates).length, code).toBeGreaterThan(0);
      for (const [name, t] of Object.entries(templates)) {
        expect(name, code).toMatch(/^[a-z][A-Za-z0-9]*$/);
        for (const h of templateHoles(t)) expect(h, `${code}.${name}`).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
        expect(t.replace(/\{\$\w+\}/g, ''), `${code}.${name}: '{$' only opens a hole`).not.toContain('{$');
      }
    }
  });

  it('every code with an example program has its templates, and the example gets one of them', () => {
    const without = Object.keys(DIAGNOSTICS).filter((c) => !Object.hasOwn(table, c));
    // codes no stage emits any more keep their table entry (a code keeps its meaning forever)
    expect(without.filter((c) => DIAGNOSTICS[c as keyof typeof DIAGNOSTICS].bad !== null && !c.startsWith('E00') && !c.startsWith('E09'))).toEqual([]);
    // one checker code end to end: the text it gives is its template with the holes filled
    const d = checkSource('a.vx', 'fn main() {\n    let v = Vec<i32>.new();\n    let w = v;\n    println("{}", v.len());\n}\n').diagnostics.find((x) => x.code === 'E0113')!;
    const patterns = Object.values(table.E0113).map((t) => new RegExp(`^${t.replace(/[.*+?^()|[\]\\]/g, '\\$&').replace(/\{\$\w+\}/g, '.*?').replace(/[{}]/g, '\\$&')}$`));
    expect(patterns.some((p) => p.test(d.message)), d.message).toBe(true);
  });

  it('codeInfo lists them (vex explain and the Explain dialog show them)', () => {
    expect(codeInfo('e0161')!.messages.mutableTwice).toBe('cannot borrow `{$name}` as mutable more than once at a time');
    expect(codeInfo('E0999')!.messages).toEqual(table.E0999 ?? {});
    expect(codeInfo('E0161')!.notes.helpBothReferencesWould).toMatch(/^help: both references/);
  });

  it('E0142 is only "unsupported language feature": internal errors are E0099 (parser) and E0999', () => {
    for (const t of Object.values(table.E0142)) expect(t).not.toMatch(/internal/i);
    expect(Object.values(table.E0999).join('\n')).toMatch(/internal compiler error/);
    expect(Object.values(table.E0099).join('\n')).toMatch(/internal parser error/);
  });

  it('every `MSG.CODE.name` / `NOTE.CODE.name` in the sources names a template of the table', () => {
    const root = join(__dirname, '..');
    const bad: string[] = [];
    let seen = 0;
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(name)) {
          for (const m of readFileSync(p, 'utf8').matchAll(/\b(MSG|NOTE)\.([EW]\d{4})\.(\w+)/g)) {
            seen++;
            if (!Object.hasOwn((m[1] === 'MSG' ? table : notes)[m[2]] ?? {}, m[3])) bad.push(`${p.slice(root.length + 1)}: ${m[0]}`);
          }
        }
      }
    };
    walk(root);
    expect(seen).toBeGreaterThan(200);
    expect(bad).toEqual([]);
  });
});
