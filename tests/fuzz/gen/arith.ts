// Integer arithmetic on every width against a BigInt model (wrapping, truncating division, masked
// shifts, casts), and f32/f64 arithmetic against JS IEEE (bit patterns through a union, `{}` as C %g).
import type { Rng } from './rng';
import type { FuzzCase } from './types';
import { formatG } from './oracles';

const INTS = ['i8', 'i16', 'i32', 'i64', 'i128', 'u8', 'u16', 'u32', 'u64', 'u128'] as const;
type IntT = (typeof INTS)[number];
const width = (t: IntT) => Number(t.slice(1));
const signed = (t: IntT) => t[0] === 'i';
const wrap = (t: IntT, x: bigint) => (signed(t) ? BigInt.asIntN(width(t), x) : BigInt.asUintN(width(t), x));
const lit = (v: bigint) => (v < 0n ? `(0 - ${-v - 1n} - 1)` : `${v}`); // (0 - 128) would not fit an i8

function randInt(r: Rng, t: IntT): bigint {
  const w = width(t);
  const lo = signed(t) ? -(2n ** BigInt(w - 1)) + 1n : 0n;
  const hi = signed(t) ? 2n ** BigInt(w - 1) - 1n : 2n ** BigInt(w) - 1n;
  if (r.bool(0.3)) return r.pick([lo, hi, 0n, 1n, lo + 1n, hi - 1n, signed(t) ? -1n : 2n, 7n]);
  const small = r.bool(0.5);
  let v = wrap(t, r.bits(small ? Math.min(w, r.int(1, 12)) : w));
  if (v < lo) v = lo;
  return v;
}

interface Ex { src: string; val: bigint }
const OPS = ['+', '-', '*', '/', '%', '&', '|', '^', '<<', '>>'] as const;

function apply(t: IntT, op: string, a: bigint, b: bigint): bigint {
  const m = BigInt(width(t) - 1);
  switch (op) {
    case '+': return wrap(t, a + b);
    case '-': return wrap(t, a - b);
    case '*': return wrap(t, a * b);
    case '/': return wrap(t, a / b);
    case '%': return wrap(t, a % b);
    case '&': return wrap(t, a & b);
    case '|': return wrap(t, a | b);
    case '^': return wrap(t, a ^ b);
    case '<<': return wrap(t, a << (b & m));
    default: return wrap(t, a >> (b & m)); // BigInt >> on the signed/unsigned value = arithmetic/logical
  }
}

function expr(r: Rng, t: IntT, vars: Map<string, bigint>, depth: number): Ex {
  if (depth <= 0 || r.bool(0.3)) {
    const names = [...vars.keys()];
    const n = r.pick(names);
    return { src: n, val: vars.get(n)! };
  }
  const op = r.pick(OPS);
  const a = expr(r, t, vars, depth - 1);
  let b = expr(r, t, vars, depth - 1);
  if ((op === '/' || op === '%') && b.val === 0n) b = { src: `(${b.src} | 1)`, val: wrap(t, b.val | 1n) };
  return { src: `(${a.src} ${op} ${b.src})`, val: apply(t, op, a.val, b.val) };
}

export function genInt(r: Rng): FuzzCase {
  const t = r.pick(INTS);
  const vars = new Map<string, bigint>();
  const lines: string[] = [];
  const out: string[] = [];
  for (const n of ['a', 'b', 'c']) {
    const v = randInt(r, t);
    vars.set(n, v);
    lines.push(`    let ${n}: ${t} = ${lit(v)};`);
  }
  const stmts = r.int(1, 6);
  for (let i = 0; i < stmts; i++) {
    const e = expr(r, t, vars, r.int(1, 4));
    const k = r.int(0, 3);
    if (k === 0) {
      const u = r.pick(INTS);
      lines.push(`    println("{}", ${e.src} as ${u});`);
      out.push(String(wrap(u, e.val)));
    } else if (k === 1) {
      // compound assignment on a mutable accumulator
      const op = r.pick(['+', '-', '*', '^', '|', '&'] as const);
      const start = randInt(r, t);
      lines.push(`    let! acc${i}: ${t} = ${lit(start)};`, `    acc${i} ${op}= ${e.src};`, `    println("{}", acc${i});`);
      out.push(String(apply(t, op, start, e.val)));
    } else if (k === 2 && !signed(t)) {
      lines.push(`    println("{:x}", ${e.src});`);
      out.push(e.val.toString(16));
    } else {
      lines.push(`    println("{}", ${e.src});`);
      out.push(String(e.val));
    }
  }
  if (r.bool(0.2)) {
    // division by a zero that only exists at run time panics
    lines.push(`    let z: ${t} = a - a;`, `    println("{}", b / z);`);
    return { category: 'int', text: `fn main() {\n${lines.join('\n')}\n}\n`, expect: { stdout: out.map((l) => l + '\n').join(''), exit: 134 } };
  }
  return { category: 'int', text: `fn main() {\n${lines.join('\n')}\n}\n`, expect: { stdout: out.map((l) => l + '\n').join(''), exit: 0 } };
}

/** Exact decimal source for a double that the lexer reads back to the same value. */
export function floatLit(x: number): string {
  if (Object.is(x, -0)) return '(0.0 * -1.0)';
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '(0.0 / 0.0)' : x > 0 ? '(1.0 / 0.0)' : '(-1.0 / 0.0)';
  const s = String(Math.abs(x));
  const body = /[.e]/.test(s) ? (s.includes('e') && !s.includes('.') ? s.replace('e', '.0e') : s) : s + '.0';
  return x < 0 ? `(0.0 - ${body})` : body;
}

export function genFloat(r: Rng): FuzzCase {
  const f32 = r.bool(0.3);
  const t = f32 ? 'f32' : 'f64';
  const round = f32 ? Math.fround : (x: number) => x;
  const vals = [r.f64(), r.f64(), r.f64()].map(round);
  const lines = [f32 ? 'union Bits { f: f32, b: u32 }' : 'union Bits { f: f64, b: u64 }', 'fn main() {'];
  const names = ['x', 'y', 'z'];
  vals.forEach((v, i) => lines.push(`    let ${names[i]}: ${t} = ${floatLit(v)};`));
  const out: string[] = [];
  const n = r.int(1, 5);
  for (let i = 0; i < n; i++) {
    let src = r.pick(names), val = vals[names.indexOf(src)];
    for (let d = r.int(1, 3); d > 0; d--) {
      const j = r.int(0, 2), op = r.pick(['+', '-', '*', '/']);
      const bv = vals[j];
      const res = op === '+' ? val + bv : op === '-' ? val - bv : op === '*' ? val * bv : val / bv;
      src = `(${src} ${op} ${names[j]})`;
      val = round(res);
    }
    if (Number.isNaN(val)) { // any NaN bit pattern is IEEE; compare the text only
      lines.push(`    println("{}", ${src});`);
      out.push('nan');
      continue;
    }
    lines.push(`    let v${i} = ${src};`, `    let w${i} = Bits { f: v${i} };`, `    unsafe { println("{} {:x}", v${i}, w${i}.b); }`);
    const buf = new DataView(new ArrayBuffer(8));
    let bits: string;
    if (f32) { buf.setFloat32(0, val); bits = buf.getUint32(0).toString(16); } else { buf.setFloat64(0, val); bits = buf.getBigUint64(0).toString(16); }
    out.push(`${formatG(val)} ${bits}`);
  }
  lines.push('}');
  return { category: 'float', text: lines.join('\n') + '\n', expect: { stdout: out.map((l) => l + '\n').join(''), exit: 0 } };
}
