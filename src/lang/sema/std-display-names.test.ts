// Inside the checker a standard module's items have program-wide names (`collections·HashMap`,
// `conv·map_len`, std-modules.ts); a program never sees them. Every surface names them as the
// program writes them or as the prelude binds them: diagnostics (messages, notes, labels), hover,
// signature help, completion, document symbols, `typeof`, `{:?}`, panic backtraces and the REPL.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';
import { compile } from '../compile';
import { typeAt, completionsAt } from './query';
import { signatureAt } from './signature';
import { documentSymbols } from './symbols';
import { execute } from '../../pipeline/execute';
import { displayName } from './module-names';

const INNER = /[·ː]/; // the separators of program-wide names

const SRC = `import { HashMap } from "collections";
import * as m from "math";
fn total(h: &HashMap<String, i32>): i64 { return h.len(); }
fn main() {
    let! h = HashMap<String, i32>.new();
    h.insert(String.from("a"), 1);
    let! mm = Map<String, i32>();
    let n = map_len(&mm);
    let r = m.sqrt(2.0);
    let t = total(&h);
    h.
}
`;
const at = (src: string, mark: string, d = 0) => src.indexOf(mark) + d;

describe('standard module items as the program names them', () => {
  it('displayName strips standard and tab prefixes alike, inside longer text too', () => {
    expect(displayName('collections·HashMap.insert')).toBe('HashMap.insert');
    expect(displayName('fn conv·map_len<K, V>(map: &Map<K, V>): i64')).toBe('fn map_len<K, V>(map: &Map<K, V>): i64');
    expect(displayName('Option<collections·HashSet<utilːPoint>>')).toBe('Option<HashSet<Point>>');
    expect(displayName('a.b · c')).toBe('a.b · c'); // a lone `·` with no name before it is text
  });

  it('diagnostics: messages, notes and labels (checker and compile paths)', () => {
    const src = `import { HashMap } from "collections";
import { sqrt } from "math";
fn main() {
    let! h = HashMap<String, i32>.new();
    h.insert(1, 2);
    h.insert(String.from("a"));
    let x: i32 = h;
    h.nothing();
    let y = sqrt(1.0, 2.0);
    let z = map_len(&Map<i32, i32>(), 1);
    let w: bool = HashMap<i32, i32>.new();
}
`;
    for (const ds of [checkSource('main.vx', src).diagnostics, compile([{ name: 'main.vx', text: src }], { entry: 'main.vx' }).diagnostics]) {
      const texts = ds.flatMap((d) => [d.message, ...d.notes, ...d.labels.map((l) => l.message)]);
      expect(texts.filter((t) => INNER.test(t))).toEqual([]);
      const msgs = ds.map((d) => d.message);
      expect(msgs).toContain('mismatched types: expected `String`, found `i32` (argument 1 of `HashMap.insert`)');
      expect(msgs).toContain('`HashMap.insert` takes 2 arguments but 1 was supplied');
      expect(msgs).toContain('`sqrt` takes 1 argument but 2 were supplied');
      expect(msgs).toContain('`map_len` takes 1 argument but 2 were supplied');
      expect(msgs).toContain('mismatched types: expected `bool`, found `HashMap<i32, i32>`');
    }
  });

  it('a name a namespace does not export: one error, naming the module by its path', () => {
    const src = 'import * as st from "string";\nfn main() {\n    let x = st.bogus(1) + 2;\n    println("{}", st.nope);\n}\n';
    expect(checkSource('main.vx', src).diagnostics.map((d) => d.message)).toEqual(['`bogus` is not exported by "string"', '`nope` is not exported by "string"']);
  });
  it('hover names the function and the types without their module', () => {
    expect(typeAt('main.vx', SRC, at(SRC, 'map_len', 2))).toBe('fn map_len<K, V>(map: &Map<K, V>): i64');
    expect(typeAt('main.vx', SRC, at(SRC, 'let! h', 5))).toBe('let! h: HashMap<String, i32>');
    expect(typeAt('main.vx', SRC, at(SRC, 'm.sqrt', 3))).toBe('fn sqrt(x: f64): f64');
    expect(typeAt('main.vx', SRC, at(SRC, 'HashMap<String, i32>.new', 2))).toBe('HashMap<String, i32>');
    expect(typeAt('main.vx', SRC, at(SRC, 'fn total', 4))).toBe('fn total(h: &HashMap<String, i32>): i64');
  });

  it('hover on the names of an import says what each standard item is; time\'s sleep is `sleep`', () => {
    const src = 'import { HashMap } from "collections";\nimport { PI, sqrt } from "math";\nimport { sleep } from "time";\nfn main() {\n    sleep(5);\n}\n';
    expect(typeAt('main.vx', src, at(src, 'HashMap }', 2))).toBe('struct HashMap<K, V>'); // not its inner field
    expect(typeAt('main.vx', src, at(src, 'PI,', 1))).toBe('const PI: f64');
    expect(typeAt('main.vx', src, at(src, 'sqrt }', 1))).toBe('fn sqrt(x: f64): f64');
    expect(typeAt('main.vx', src, at(src, 'sleep }', 1))).toBe('fn sleep(ns: i64)');
    expect(typeAt('main.vx', src, at(src, 'sleep(5', 1))).toBe('fn sleep(ns: i64)');
    const bad = checkSource('main.vx', src.replace('sleep(5)', 'sleep("x")')).diagnostics.map((d) => d.message);
    expect(bad).toContain('mismatched types: expected `i64`, found `str` (argument 1 of `sleep`)');
  });

  it('signature help: labels and the parameter ranges inside them', () => {
    const sig = (mark: string) => {
      const s = signatureAt('main.vx', SRC, at(SRC, mark, mark.indexOf('(') + 1))!;
      return { label: s.label, params: s.params.map(([a, b]) => s.label.slice(a, b)) };
    };
    expect(sig('map_len(')).toEqual({ label: 'fn map_len<K, V>(map: &Map<K, V>): i64', params: ['map: &Map<K, V>'] });
    expect(sig('HashMap<String, i32>.new(')).toEqual({ label: 'fn HashMap.new(): HashMap<K, V>', params: [] });
    expect(sig('h.insert(')).toEqual({ label: 'fn insert(key: K, value: V): Option<V>', params: ['key: K', 'value: V'] });
    expect(sig('total(&h')).toEqual({ label: 'fn total(h: &HashMap<String, i32>): i64', params: ['h: &HashMap<String, i32>'] });
  });

  it('completion after a HashMap lists its methods (not its inner field), described without modules', () => {
    const items = completionsAt('main.vx', SRC, at(SRC, 'h.\n', 2));
    expect(items.map((c) => c.label)).toEqual(['insert', 'get', 'remove', 'contains_key', 'len', 'is_empty', 'clear', 'keys', 'values', 'debug']);
    expect(items.filter((c) => INNER.test(c.detail ?? ''))).toEqual([]);
  });

  it('document symbols describe a function taking a HashMap as written', () => {
    const total = documentSymbols('main.vx', SRC).find((s) => s.name === 'total');
    expect(total?.detail).toBe('fn total(h: &HashMap<String, i32>): i64');
  });

  it('at run time: typeof, {:?}, a C function of a module as a value, and a panic backtrace inside a standard function', () => {
    const src = `import { HashMap } from "collections";
import { sin } from "math";
fn name_of<T>(x: &T): str { return typeof(*x); }
fn main() {
    let! h = HashMap<String, i32>.new();
    h.insert(String.from("a"), 1);
    println("{} / {}", typeof(h), name_of(&h));
    println("{:?}", h);
    let f = sin;
    println("{}", f(0.0));
    let g = map_get(&Map<i32, i32>(), 3);
}
`;
    const e = execute([{ name: 'main.vx', text: src }], {}, 'main.vx');
    expect(e.compile.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const out = (e.result?.output ?? []).map((c) => c.text).join('');
    expect(out).toContain('HashMap<String, i32> / HashMap<String, i32>\n{"a": 1}\n0\n');
    expect(out).not.toMatch(INNER);
    const bt = e.result!.panic!.backtrace.map((f) => f.fn);
    expect(bt).toEqual(['map_get', 'main']);
  });

  it('the FFI event names the Vex types of a C call as written (a struct of another tab)', () => {
    const files = [
      { name: 'main.vx', text: 'import { P } from "./util";\nextern "C" { fn memset(p: *P, c: i32, n: usize): *P; }\nfn main() {\n    let! p = P { x: 1, y: 2 };\n    memset(&p!, 0, 8);\n    println("{}", p.x);\n}\n' },
      { name: 'util.vx', text: 'export struct P { x: i32, y: i32 }\n' },
    ];
    const e = execute(files, { keepTrace: true }, 'main.vx');
    const ffi = e.result!.trace.find((t) => t.t === 'ffi') as { types: { vex: string[]; retVex: string } } | undefined;
    expect(ffi?.types.vex).toEqual(['*P', 'i32', 'u64']);
    expect(ffi?.types.retVex).toBe('*P');
  });

  it('nothing a run reports (trace with calls, program tables for the panels) holds an inner name', () => {
    const files = [
      { name: 'main.vx', text: 'import { HashMap } from "collections";\nimport { sqrt } from "math";\nimport { twice } from "./util";\nfn main() {\n    let! h = HashMap<String, f64>.new();\n    h.insert(String.from("a"), sqrt(twice(8.0)));\n    println("{:?} {}", h, map_len(&Map<i32, i32>()));\n}\n' },
      { name: 'util.vx', text: 'export fn twice(x: f64): f64 { return x * 2.0; }\n' },
    ];
    const e = execute(files, { keepTrace: true, traceCalls: true }, 'main.vx');
    expect((e.result?.output ?? []).map((c) => c.text).join('')).toBe('{"a": 4} 0\n');
    const seen = JSON.stringify(e.result) + JSON.stringify(e.compile.program?.meta);
    expect(seen.match(/.{0,30}[·ː].{0,30}/g)).toBeNull();
  });
});
