// `v.iter(): VecIter<T>` (chapter 2 §5.2): when the std VecIter is linked, what the checker and the
// editor say about it, and what a run of it prints (conformance: tests/conformance/lang_vec_iter*).
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';
import { completionsAt, typeAt } from './query';
import { parse } from '../syntax/parser';
import { expandStdImports } from './std-modules';
import { runVex } from '../codegen/run-helpers.test-util';

const diags = (src: string) => checkSource('t.vx', src).diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.code} ${d.message}`);
const linked = (src: string) => expandStdImports(parse('t.vx', src).program).program.items.some((i) => i.span.file === '<std>/vec.vx');
const VEC = 'fn main() {\n    let! v = Vec<i32>();\n    v.push(1); v.push(2);\n';

describe('VecIter: linking', () => {
  it('is linked only for a program that calls a method iter or names VecIter', () => {
    expect(linked(`${VEC}    for x in v.iter() { println("{}", x); }\n}\n`)).toBe(true);
    expect(linked('fn f(it: VecIter<i32>) {}\nfn main() {}\n')).toBe(true);
    expect(linked(`${VEC}    println("{}", v.len());\n}\n`)).toBe(false);
    expect(linked(`${VEC}    let iterate = 1;\n}\n`)).toBe(false);
  });
  it('is not linked when the program has its own VecIter or its own iter on Vec', () => {
    const ownType = 'struct VecIter { n: i32 }\nfn main() { let v = Vec<i32>(); let x = v.iter(); }\n';
    expect(linked(ownType)).toBe(false);
    expect(diags(ownType)).toEqual(['E0108 no method named `iter` found for type `Vec<i32>`']);
    const ownMethod = 'fn (v: &Vec<i32>) iter(): i64 { return v.len() * 10; }\nfn main() { let! v = Vec<i32>(); v.push(4); println("{}", v.iter()); }\n';
    expect(linked(ownMethod)).toBe(false);
    expect(runVex(ownMethod).stdout).toBe('10\n');
  });
  it('does not claim to implement a program\'s own contract Iterator', () => {
    const src = 'contract Iterator { fn step()!: i32; }\nfn main() {\n    let! v = Vec<i32>();\n    v.push(7);\n    for x in v.iter() { println("{}", x); }\n}\n';
    expect(diags(src)).toEqual([]);
    expect(runVex(src).stdout).toBe('7\n');
  });
});

describe('VecIter: checking', () => {
  it('iter() is a VecIter<T> whose next()! gives Option<T>, usable through an Iterator bound', () => {
    const src = `fn count<I: Iterator>(it: I): i32 where I.Item: Display { let! n = 0; let! j = it; for x in j { n += 1; } return n; }\n${VEC}    let! it = v.iter();\n    let n: Option<i32> = it.next();\n    let c: i32 = count(v.iter());\n    let s: VecIter<String> = Vec<String>().iter();\n}\n`;
    expect(diags(src)).toEqual([]);
  });
  it('a wrong item type names VecIter as the program writes it', () => {
    expect(diags(`${VEC}    let t: VecIter<bool> = v.iter();\n}\n`)).toEqual(['E0103 mismatched types: expected `VecIter<bool>`, found `VecIter<i32>`']);
  });
  it('an Item bound the elements do not meet is E0128 at the generic call', () => {
    const src = 'struct Blob { n: i32 }\nfn show<I: Iterator>(it: I) where I.Item: Display { let! j = it; for x in j { println("{}", x.to_string()); } }\nfn main() { let! v = Vec<Blob>(); show(v.iter()); }\n';
    expect(diags(src).some((d) => d.startsWith('E0128') && d.includes('`Blob` does not implement contract `Display`'))).toBe(true);
  });
});

describe('VecIter: editor', () => {
  it('completion after `v.` offers iter before the program calls it, once after', () => {
    const before = `${VEC}    v.\n}\n`;
    const at = (src: string) => completionsAt('main.vx', src, src.indexOf('v.\n') + 2).filter((c) => c.label === 'iter');
    expect(at(before)).toEqual([{ label: 'iter', kind: 'method', detail: 'fn iter(): VecIter<T>' }]);
    const after = `${VEC}    let! it = v.iter();\n    v.\n}\n`;
    expect(at(after).map((c) => c.detail)).toEqual(['fn iter(): VecIter<T>']);
  });
  it('hover shows VecIter<i32> for the iterator and the signature of iter', () => {
    const src = `${VEC}    let! it = v.iter();\n    let n = it.next();\n}\n`;
    expect(typeAt('main.vx', src, src.indexOf('it =') + 1)).toBe('let! it: VecIter<i32>');
    expect(typeAt('main.vx', src, src.indexOf('iter()') + 1)).toBe('fn iter(): VecIter<T>');
    expect(typeAt('main.vx', src, src.indexOf('next') + 1)).toBe('fn next(): Option<T>');
  });
});

describe('VecIter: running', () => {
  it('iterates over copies: the Vec stays usable and later changes do not reach the iterator', () => {
    const src = `${VEC}    let! it = v.iter();\n    v.push(3);\n    v[0] = 10;\n    println("{:?}", it.next());\n    println("{:?} {:?} {}", it, v, it.len());\n}\n`;
    expect(runVex(src).stdout).toBe('Some(1)\nVecIter { items: [2] } [10, 2, 3] 1\n');
  });
  it('String elements are cloned once each and all freed', () => {
    const src = 'fn work() {\n    let! v = Vec<String>();\n    v.push(String.from("a")); v.push(String.from("b"));\n    let! it = v.iter();\n    let a = it.next();\n    for s in v.iter() { print("{}", s); }\n    println(" {:?} {:?}", a, it);\n}\nfn main() { let b = runtime_stats(); work(); let e = runtime_stats(); println("{} {}", (e.allocs - b.allocs) - (e.frees - b.frees), e.live_bytes - b.live_bytes); }\n';
    expect(runVex(src).stdout).toBe('ab Some("a") VecIter { items: ["b"] }\n0 0\n');
  });
});

describe('arrays and slices: map and filter (§5.2)', () => {
  it('give a Vec of the closure\'s result or of the kept Copy elements, and are offered after `a.`', () => {
    const src = 'fn main() {\n    let a = [1, 2, 3];\n    let m: Vec<string> = a.map(|x| f"{x}");\n    let s = &a[0..2];\n    let f: Vec<i32> = s.filter(|x| x > 1);\n    a.\n}\n';
    expect(diags(src.replace('    a.\n', ''))).toEqual([]);
    const labels = completionsAt('main.vx', src, src.indexOf('a.\n') + 2).map((c) => `${c.label} ${c.detail}`);
    expect(labels).toEqual(expect.arrayContaining(['map map(fn(i32): U): Vec<U>', 'filter filter(fn(i32): bool): Vec<i32>', 'get get(int): i32', 'len len(): i32']));
  });
  it('take non-Copy elements too: filter keeps clones (codegen/array-noncopy-methods.test.ts)', () => {
    expect(diags('fn main() { let a = [String.from("x")]; let n = a.filter(|s: String| true); }\n')).toEqual([]);
  });
  it('filter makes a working Vec of the array\'s element type and nothing leaks', () => {
    const src = 'fn work() {\n    let b: [u8; 3] = [1, 200, 3];\n    let! k = b.filter(|x| x > 1);\n    k.push(255);\n    let s = &b[0..2];\n    println("{:?} {:?}", k, s.map(|x| (x as i32) * 2));\n}\nfn main() { let b = runtime_stats(); work(); let e = runtime_stats(); println("{} {}", (e.allocs - b.allocs) - (e.frees - b.frees), e.live_bytes - b.live_bytes); }\n';
    expect(runVex(src).stdout).toBe('[200, 3, 255] [2, 400]\n0 0\n');
  });
});

describe('arrays and slices: iter (§5.2)', () => {
  it('is a VecIter of the element type, offered after `a.`; non-Copy elements are cloned into it', () => {
    const src = 'fn main() {\n    let a = [1, 2];\n    let! it: VecIter<i32> = a.iter();\n    let s = &a[0..1];\n    let n: Option<i32> = s.iter().next();\n    a.\n}\n';
    expect(diags(src.replace('    a.\n', ''))).toEqual([]);
    expect(completionsAt('main.vx', src, src.indexOf('a.\n') + 2).filter((c) => c.label === 'iter').map((c) => c.detail)).toEqual(['fn iter(): VecIter<T>']);
    expect(diags('fn main() { let a = [String.from("x")]; for s in a.iter() { } }\n')).toEqual([]);
  });
  it('iterates over copies in order and frees them', () => {
    const src = 'fn work() {\n    let a = [5, 6, 7];\n    let! it = a.iter();\n    let x = it.next();\n    for y in (&a[1..3]).iter() { print("{} ", y); }\n    println("{:?} {:?} {:?}", x, it, a);\n}\nfn main() { let b = runtime_stats(); work(); let e = runtime_stats(); println("{} {}", (e.allocs - b.allocs) - (e.frees - b.frees), e.live_bytes - b.live_bytes); }\n';
    expect(runVex(src).stdout).toBe('6 7 Some(5) VecIter { items: [6, 7] } [5, 6, 7]\n0 0\n');
  });
});
