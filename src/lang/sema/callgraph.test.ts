// mayBlock: direct blocking operations, transitive calls, async functions, closures and go bodies.
import { describe, it, expect } from 'vitest';
import { checkSource } from './check';
import type * as ast from '../syntax/ast';
import { exprInfo, goInfoOf, useTables } from './tables';

function blocking(src: string) {
  const r = checkSource('t.vx', src);
  if (r.program) useTables(r.program.tables);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return Object.fromEntries(r.program!.fns.map((f) => [f.name, f.mayBlock]));
}

describe('mayBlock', () => {
  it('channel ops, sleep and block_on block; callers of blocking functions block; pure code does not', () => {
    const m = blocking(`
fn producer(ch: Channel<i32>) { ch.send(1); }
fn consumer(ch: Channel<i32>): i32 { return <-ch; }
fn relay(ch: Channel<i32>) { producer(ch); }
fn pure(x: i32): i32 { return x * 2; }
fn waits() { let r = block_on(later()); }
async fn later(): i32 { return 1; }
async fn idle() { }
fn starts() { let f = later(); }
fn main() { let ch: Channel<i32> = Channel(1); relay(ch); println("{}", pure(consumer(ch))); }
`);
    expect(m).toMatchObject({ producer: true, consumer: true, relay: true, pure: false, waits: true, later: true, idle: true, starts: false, main: true });
  });
  it('closures and go bodies get their own flag; calling fn values blocks only if a blocking fn value exists', () => {
    const src = `
fn apply(f: fn(): i32): i32 { return f(); }
fn main() {
    let ch: Channel<i32> = Channel(1);
    go { ch.send(2); };
    let quick = || 5;
    println("{}", apply(quick));
}`;
    const r = checkSource('t.vx', src);
    if (r.program) useTables(r.program.tables);
    const fns = Object.fromEntries(r.program!.fns.map((f) => [f.name, f.mayBlock]));
    expect(fns).toMatchObject({ apply: false, main: false });
    const body = r.program!.main!.decl!.body!;
    const go = body.stmts[1] as Extract<ast.Stmt, { kind: 'go' }>;
    expect(goInfoOf(go)!.mayBlock).toBe(true);
    expect(goInfoOf(go)!.captures.map((l) => l.name)).toEqual(['ch']);
    const quick = (body.stmts[2] as Extract<ast.Stmt, { kind: 'let' }>).init;
    expect(exprInfo(quick)!.closure!.mayBlock).toBe(false);

    const m2 = blocking(src.replace('let quick = || 5;', 'let quick = || <-ch;'));
    expect(m2).toMatchObject({ apply: true, main: true });
  });
});
