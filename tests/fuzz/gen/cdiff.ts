// Differential programs against committed C references: printf rows of the glibc table
// (src/runtime/format/testdata/glibc-printf.json), struct layouts against the System V model and
// the GCC-checked bitfield table (the cases of src/lang/sema/layout.test.ts and
// tests/conformance/layout_gcc_table.vx), and libm/libc calls through the shims.
import { readFileSync } from 'node:fs';
import type { Rng } from './rng';
import type { FuzzCase } from './types';
import { floatLit } from './arith';
import { C_PRIMS, hexFloatBits, sysvStruct, formatG, type CType } from './oracles';

interface Row { kind: 'f64' | 'i32' | 'i64' | 'str'; value: string; fmt: string; n: number; out: string }
const ROWS: Row[] = (JSON.parse(readFileSync(new URL('../../../src/runtime/format/testdata/glibc-printf.json', import.meta.url), 'utf8')) as Row[])
  // printable rows only: the program text and stdout are compared as UTF-8 text; and rows whose
  // recorded text holds every byte printf counted (`%c` of 0 writes a NUL the table could not keep)
  .filter((r) => /^[\x20-\x7e]*$/.test(r.fmt + r.out + r.value) && r.out.length === r.n && !(r.kind === 'f64' && /inf|nan/.test(r.value)));

const vexStr = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export function genPrintf(r: Rng): FuzzCase {
  const lines = ['extern "C" { fn printf(fmt: *u8, ...): i32; }', 'union Bits { d: f64, b: u64 }', 'fn main() {'];
  let out = '';
  for (let i = r.int(1, 6); i > 0; i--) {
    const row = r.pick(ROWS);
    let arg: string;
    if (row.kind === 'f64') { lines.push(`    let v${i} = Bits { b: 0x${hexFloatBits(row.value).toString(16)} };`, `    let! d${i}: f64 = 0.0;`, `    unsafe { d${i} = v${i}.d; }`); arg = `d${i}`; }
    else if (row.kind === 'str') arg = vexStr(row.value);
    else { const v = BigInt(row.value); lines.push(`    let v${i}: ${row.kind} = ${v < 0n ? `(0 - ${-v - 1n} - 1)` : v};`); arg = `v${i}`; }
    lines.push(`    let n${i} = printf(${vexStr(row.fmt + '|\n')}, ${arg});`, `    println("n={}", n${i});`);
    out += `${row.out}|\nn=${row.n + 2}\n`;
  }
  lines.push('}');
  return { category: 'printf', text: lines.join('\n') + '\n', expect: { stdout: out, exit: 0 } };
}

// [declaration, size, align] checked against gcc 12 on x86-64 (committed in the tests named above).
const GCC_TABLE: [string, number, number][] = [
  ['struct S { a: u8, b: i32, c: u8 }', 12, 4], ['struct S { a: u8, b: f64, c: i16 }', 24, 8],
  ['union S { a: [u8; 5], b: i32, c: f64 }', 8, 8], ['union S { a: [u8; 9], b: i32 }', 12, 4],
  ['struct S { c: u8, x: i32 : 24 }', 4, 4], ['struct S { c: u8, x: i32 : 25 }', 8, 4],
  ['struct S { a: u32 : 3, b: u32 : 5, c: u32 : 24 }', 4, 4], ['struct S { a: u8, b: u8 : 4, c: u8 : 5 }', 3, 1],
  ['struct S { a: i64 : 40, b: i32 : 30 }', 16, 8], ['struct S { a: u16 : 4, c: u8 }', 2, 2],
  ['struct S { a: u8 : 3, _: u8 : 0, b: u8 : 2 }', 2, 1], ['struct S { c: u8, _: i32 : 0, d: u8 }', 5, 1],
  ['struct S { x: u32 : 5, _: u32 : 0, y: u32 : 5, z: u8 }', 8, 4], ['struct S { a: u8 : 4, _: u8 : 2, b: u8 : 2 }', 1, 1],
  ['struct S { a: u16 : 4, _: u64 : 0, b: u16 : 4 }', 10, 2], ['struct S { _: u8 : 0, a: u8 : 1 }', 1, 1],
  ['struct S { a: u8, _: u32 : 3, b: u8 }', 3, 1], ['struct S { a: u16 : 12, _: u8 : 0, b: u16 : 4 }', 4, 2],
  ['struct S { read: u16 : 1, write: u16 : 1, owner: u16 : 6, group: u16 : 8, extra: u16 : 4 }', 4, 2],
  ['struct S { ready: u8 : 1, mode: u8 : 3, level: u8 : 4 }', 1, 1],
];

function randomField(r: Rng, structs: { name: string; t: CType }[]): CType & { src: string } {
  const k = r.int(0, 9);
  if (k <= 5 || structs.length === 0) { const p = r.pick(C_PRIMS); return { ...p, src: p.name }; }
  if (k <= 7) { const p = r.pick(C_PRIMS), n = r.int(1, 9); return { name: '', size: p.size * n, align: p.align, src: `[${p.name}; ${n}]` }; }
  const s = r.pick(structs);
  return { ...s.t, src: s.name };
}

export function genLayout(r: Rng): FuzzCase {
  const decls: string[] = [], body: string[] = [];
  let out = '';
  const made: { name: string; t: CType }[] = [];
  for (let i = r.int(1, 5); i > 0; i--) {
    const name = `T${i}`;
    const union = r.bool(0.25);
    const fields = Array.from({ length: r.int(1, 6) }, () => randomField(r, made));
    const l = sysvStruct(fields, union);
    decls.push(`${union ? '' : '#[repr(C)]\n'}${union ? 'union' : 'struct'} ${name} { ${fields.map((f, j) => `f${j}: ${f.src}`).join(', ')} }`);
    made.push({ name, t: { name, ...l } });
    body.push(`    println("${name} {}/{}", sizeof<${name}>(), alignof<${name}>());`);
    out += `${name} ${l.size}/${l.align}\n`;
  }
  for (let i = r.int(0, 3); i > 0; i--) {
    const [decl, size, align] = r.pick(GCC_TABLE);
    decls.push(`#[repr(C)]\n${decl.replace(/^(struct|union) S/, `$1 G${i}`)}`);
    body.push(`    println("G${i} {}/{}", sizeof<G${i}>(), alignof<G${i}>());`);
    out += `G${i} ${size}/${align}\n`;
  }
  return { category: 'layout', text: `${decls.join('\n')}\nfn main() {\n${body.join('\n')}\n}\n`, expect: { stdout: out, exit: 0 } };
}

// libm functions whose IEEE result is exact (correctly rounded by definition), so JS is an oracle.
const EXACT1: [string, (x: number) => number][] = [
  ['sqrt', Math.sqrt], ['floor', Math.floor], ['ceil', Math.ceil], ['fabs', Math.abs], ['trunc', Math.trunc],
];

export function genFfi(r: Rng): FuzzCase {
  const lines = ['extern "C" {', '    fn sqrt(x: f64): f64;', '    fn floor(x: f64): f64;', '    fn ceil(x: f64): f64;', '    fn fabs(x: f64): f64;',
    '    fn trunc(x: f64): f64;', '    fn fmod(x: f64, y: f64): f64;', '    fn abs(x: i32): i32;', '    fn strlen(s: *u8): usize;', '    fn atoi(s: *u8): i32;', '}', 'fn main() {'];
  let out = '';
  for (let i = r.int(1, 8); i > 0; i--) {
    const k = r.int(0, 4);
    if (k <= 1) {
      const [f, m] = r.pick(EXACT1), x = r.f64();
      lines.push(`    let x${i}: f64 = ${floatLit(x)};`, `    println("{}", ${f}(x${i}));`);
      out += formatG(m(x)) + '\n';
    } else if (k === 2) {
      const a = r.int(-100000, 100000), b = r.int(1, 1000);
      lines.push(`    println("{}", fmod(${a}.0, ${b}.0));`);
      out += formatG(a % b) + '\n';
    } else if (k === 3) {
      const a = r.int(-2147483647, 2147483647);
      lines.push(`    println("{}", abs(${a < 0 ? `0 - ${-a}` : a}));`);
      out += Math.abs(a) + '\n';
    } else {
      const s = Array.from({ length: r.int(0, 9) }, () => r.pick(['a', 'b', '7', ' ', '-', '3'])).join('');
      lines.push(`    println("{} {}", strlen(${vexStr(s)}), atoi(${vexStr(s)}));`);
      const m = /^\s*([+-]?\d+)/.exec(s);
      out += `${s.length} ${m ? Number(BigInt.asIntN(32, BigInt(m[1]))) : 0}\n`;
    }
  }
  lines.push('}');
  return { category: 'ffi', text: lines.join('\n') + '\n', expect: { stdout: out, exit: 0 } };
}
