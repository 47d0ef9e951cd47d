// Robustness: checkSource never throws, never reports an internal error, terminates quickly and
// keeps every diagnostic span inside the file — on random token soup and on mutated real programs.
// Uses the parser's generators (syntax/fuzz-gen.ts) plus our own fragment soup.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { checkSource } from './check';
import { typeAt, completionsAt } from './query';
import { extendsAliasProgramArb, mutatedProgramArb, tokenStreamArb } from '../syntax/fuzz-gen';
import { sharedPath } from '../../../tests/shared-suite';
import { compile } from '../compile';
import { checkAllFiles } from './check-files';
import { definitionAt } from './definition';

const DIR = sharedPath('conformance') + '/';
const OWN = `${__dirname}/../../../tests/conformance/`; // our own programs (closures, operators, contracts…)
const readVx = (d: string) => (existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.vx')).map((f) => readFileSync(d + f, 'utf8')) : []);
const SHARED = readVx(DIR);
const SEEDS = [...SHARED, ...readVx(OWN)];

const FRAGMENTS = [
  'fn', 'main', '(', ')', '{', '}', 'let', 'let!', 'x', 'y', '=', '1', '2.5', '"s"', ';', ':', 'i32', 'u8', 'struct', 'P',
  'enum', 'E', ',', '.', 'match', '=>', '_', 'if', 'else', 'elif', 'for', 'in', '..', 'return', '+', '*', '&', '!', '<', '>',
  'Vec', 'Option', 'Some', 'None', 'extern', '"C"', '...', 'union', 'unsafe', 'async', 'await', 'go', '<-', '?', '??',
  'impl', 'contract', 'self', 'Self', '[', ']', 'as', 'typeof', 'sizeof', 'println', '|', '#[no_main]', 'const', 'thread_local',
  '\n', ' ', '0xFF', '-', '/', '%', '**', '<<', '>>', 'defer', 'loop', 'while', 'break', 'continue', 'switch', 'case', 'default',
  '|x|', '|a, b|', '||', 'op+', 'op-', 'op[]', 'op[]=', 'op==', 'op<', 'op+=', 'Iterator', 'Ord', 'Display', 'Clone', 'next', '+=',
  // chapter 2 additions: policies, ++/-- methods, associated types, late type arguments, std modules
  'policy', 'with', '`json:"id"`', 'op++', 'op--', 'op..', 'op??', '++', 'type', 'Item', 'Self.Item', 'Vec()', 'Map.new()', '{}',
  'import', 'from', '"fmt"', '"collections"', '"fs"', '"process"', 'HashMap', 'from', 'default', 'From', 'Into', 'Hash', 'error',
  // closures without annotations, static contract methods, modules across tabs
  'move', '|n| n * 2', 'move |x| x + k', 'fn Self.', 'Self.make()', 'T.default()', 'T.from(1)', 'Default', 'where', 'T.Item',
  'export', 'import * as u from "./m";', 'u.', '"./m"', 'op*', 'op!=', 'op-=', 'compare',
  // §7.7 extends, aliases with where clauses, I.Item, late Ok/Err, a program's own Result
  'extends', 'i32 extends Show;', 'string extends Show, Clone;', 'type A<T> where T: Show = Vec<T>;', 'I.Item', '<I: Iterator>',
  'Ok(1)', 'Err("e")', 'enum Result { Ok(i32), Fail }', 'Fail',
];

function assertSane(text: string): void {
  const t0 = Date.now();
  const r = checkSource('f.vx', text);
  // a guard against blowups (a check that never ends), not a speed target: bench/check.ts
  // measures speed; the slowest seed checks in about 0.4 s, but the suite runs beside other work
  expect(Date.now() - t0).toBeLessThan(10_000);
  for (const d of r.diagnostics) {
    expect(d.message).not.toContain('internal compiler error');
    expect(d.span.start).toBeGreaterThanOrEqual(0);
    expect(d.span.end).toBeLessThanOrEqual(text.length);
    expect(d.span.start).toBeLessThanOrEqual(d.span.end);
    for (const l of d.labels) expect(l.span.end).toBeLessThanOrEqual(text.length);
  }
}

describe('checker fuzz', () => {
  it('seeds from the shared conformance programs', () => expect(SEEDS.length).toBeGreaterThan(40));
  it('token soup', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }), (toks) => assertSane(toks.join(' '))), { numRuns: 300, seed: 1 });
  });
  it('`T extends C;`, aliases with where clauses, I.Item, shadowing Result: checking never throws', () => {
    fc.assert(fc.property(extendsAliasProgramArb(), assertSane), { numRuns: 300, seed: 78 });
  });
  it('mutated conformance programs (delete / duplicate / insert)', () => {
    const mutation = fc.record({
      seed: fc.integer({ min: 0, max: SEEDS.length - 1 }),
      at: fc.nat(),
      len: fc.integer({ min: 0, max: 12 }),
      insert: fc.constantFrom('', ...FRAGMENTS),
    });
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
      let text = SEEDS[ms[0].seed];
      for (const m of ms) {
        const at = m.at % (text.length + 1);
        text = text.slice(0, at) + m.insert + text.slice(at + m.len);
      }
      assertSane(text);
    }), { numRuns: 300, seed: 2 });
  });
  it('parser generators: random token streams', () => {
    fc.assert(fc.property(tokenStreamArb(200), assertSane), { numRuns: 200, seed: 11 });
  });
  it('parser generators: mutated conformance programs', () => {
    fc.assert(fc.property(mutatedProgramArb(SEEDS, 6), assertSane), { numRuns: 300, seed: 12 });
  });
  it('branch-valued lets of Ok/Err/None (nested, diverging) with random later uses: checking and compiling never throw', () => {
    const leaf = fc.constantFrom('Ok(1)', 'Ok(x)', 'Err("e")', 'Err(false)', 'None', 'Some(2.5)', 'panic("p")', '7', 'Ok(None)');
    const value: fc.Memo<string> = fc.memo((n) => (n <= 1 ? leaf : fc.oneof(
      leaf,
      fc.tuple(value(n - 1), value(n - 1), value(n - 1)).map(([a, b, c]) => `if x > 1 { ${a} } elif x > 0 { ${b} } else { ${c} }`),
      fc.tuple(value(n - 1), value(n - 1)).map(([a, b]) => `match x { 0 => ${a}, _ => { let y = x; ${b} } }`),
      value(n - 1).map((a) => `if x > 2 { ${a} } else { return; }`),
    )));
    const use = fc.constantFrom('let s: Result<i32, str> = r;', 'take(r);', 'look(&r);', 'r = Err("z");', 'r = Some(true);', 'let o: Option<bool> = r;',
      'match r { Ok(v) => show(v), Err(e) => take_str(e) }', 'match r { Some(v) => take_str(v), None => {} }', 'println("{}", r.is_ok());', 'let r = 3;');
    const pre = 'fn take(r: Result<i32, String>) {}\nfn look(r: &Result<i64, bool>) {}\nfn show(v: i32) {}\nfn take_str(s: str) {}\n';
    fc.assert(fc.property(value(4), fc.array(use, { maxLength: 3 }), (v, uses) => {
      const text = `${pre}fn main() {\n    let x = 2;\n    let! r = ${v};\n    ${uses.join('\n    ')}\n}\n`;
      assertSane(text);
      for (const d of compile([{ name: 'f.vx', text }], { entry: 'f.vx' }).diagnostics) expect(d.message).not.toContain('internal compiler error');
    }), { numRuns: 200, seed: 31 });
  });
  it('editor queries never throw on broken text', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: SEEDS.length - 1 }), fc.nat(), fc.nat(), (s, a, b) => {
      const text = SEEDS[s].slice(0, a % (SEEDS[s].length + 1)) + '.';
      const off = b % (text.length + 1);
      typeAt('f.vx', text, off);
      expect(Array.isArray(completionsAt('f.vx', text, off))).toBe(true);
    }), { numRuns: 100, seed: 3 });
  });
  it('mutated tabs of a three-tab program (imports, operators, iterators): checking and editor queries never throw', () => {
    const dir = `${OWN}module_three_tabs/`;
    const base = ['main.vx', 'geometry.vx', 'seq.vx'].map((name) => ({ name, text: readFileSync(dir + name, 'utf8') }));
    const mutation = fc.record({ tab: fc.integer({ min: 0, max: 2 }), at: fc.nat(), len: fc.integer({ min: 0, max: 10 }), insert: fc.constantFrom('', ...FRAGMENTS), off: fc.nat() });
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
      const files = base.map((f) => ({ ...f }));
      for (const m of ms) {
        const f = files[m.tab], at = m.at % (f.text.length + 1);
        f.text = f.text.slice(0, at) + m.insert + f.text.slice(at + m.len);
      }
      const t0 = Date.now();
      const diags = [...compile(files, { entry: 'main.vx' }).diagnostics, ...checkAllFiles(files, 'main.vx').flatMap((r) => r.diagnostics)];
      expect(Date.now() - t0).toBeLessThan(4000);
      for (const d of diags) expect(d.message).not.toContain('internal compiler error');
      const f = files[ms[0].tab], off = ms[0].off % (f.text.length + 1);
      definitionAt(files, f.name, off);
      typeAt(f.name, f.text, off, files);
      expect(Array.isArray(completionsAt(f.name, f.text, off, files))).toBe(true);
    }), { numRuns: 120, seed: 21 });
  });
});
