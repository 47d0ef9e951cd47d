// The scope table (scopes.ts) is exhaustive: every block, statement list and body that a parsed
// program holds is reached by forEachScope as some scope's block, statements or value, over every
// conformance program and a sample of every construct. A new node kind holding a block fails here
// (and its kind fails `tsc` until the table lists it).
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../syntax/parser';
import { forEachScope, type Scope } from './scopes';

/** Every Block (an object with `stmts`), every statement list under `body`, and every other
 *  `body` (a closure's or arm's value, a `go f(x)`, a `defer x = e;`) in the tree. */
function holders(n: unknown, out: Set<unknown> = new Set()): Set<unknown> {
  if (!n || typeof n !== 'object') return out;
  if (Array.isArray(n)) { for (const y of n) holders(y, out); return out; }
  const o = n as Record<string, unknown>;
  if (Array.isArray(o.stmts)) out.add(o);
  if ('body' in o && o.body) out.add(o.body);
  for (const k in o) if (k !== 'span' && k !== 'nameSpan') holders(o[k], out);
  return out;
}
function reached(root: unknown): { seen: Set<unknown>; scopes: Scope[] } {
  const seen = new Set<unknown>(), scopes: Scope[] = [];
  forEachScope(root, (s) => {
    scopes.push(s);
    seen.add(s.block); seen.add(s.value); seen.add(s.stmts);
    if (s.block) seen.add(s.block.stmts);
    if (s.stmts.length === 1 && !s.block) seen.add(s.stmts[0]);
  }, undefined, null, (x) => x);
  return { seen, scopes };
}
const missed = (file: string, text: string): string[] => {
  const p = parse(file, text).program;
  const { seen } = reached(p.items);
  return [...holders(p.items)].filter((h) => !seen.has(h)).map((h) => `${file}: ${JSON.stringify((h as { span?: unknown }).span ?? (h as unknown[])[0])}`);
};

const SAMPLE = `
struct D { n: i32 }
fn f(o: Option<i32>, c: bool) {
    let g = |x: i32| x + 1;
    let h = || { let y = 1; y };
    if c { let a = 1; } else if !c { let b = 2; } else { let e = 3; }
    let v = if c { 1 } else { 2 };
    while c { break; }
    loop { break; }
    for i in 0..3 { continue; }
    for (let! j = 0; j < 3; j++) { let k = j; }
    switch 3 { case 1: let q = 1; case 2, 3: println("x"); default: println("d"); }
    defer println("done");
    defer { let z = 1; }
    go { let t = 1; };
    go g(1);
    unsafe { let u = 1; }
    let fut = async { 5 };
    match o { Some(x) => println("{}", x), None => { let w = 0; } }
    let m = match o { Some(x) => x, None => return };
    { let inner = 1; }
}
fn main() {}
`;

describe('scopes.ts: one table of the scopes every node holds', () => {
  it('reaches every block, statement list and body of a sample of every construct', () => {
    expect(missed('sample.vx', SAMPLE)).toEqual([]);
    const kinds = new Set(reached(parse('s.vx', SAMPLE).program.items).scopes.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(['arm', 'async', 'block', 'branch', 'case', 'closure', 'defer', 'go', 'loop', 'unsafe']);
  });
  it('reaches every block, statement list and body of every conformance program', () => {
    const dir = join(__dirname, '../../../tests/conformance');
    const out: string[] = [];
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.vx'))) out.push(...missed(f, readFileSync(join(dir, f), 'utf8')));
    expect(out.slice(0, 5)).toEqual([]);
  });
});
