// An owned operand made before a later one that may panic or leave (`?`) is held as a statement
// temporary until the consumer has them all (expr.ts takeOperand); a later operand that cannot
// (arithmetic on numbers, a local, a literal: cannotLeave) needs no hold.
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';

const HEAD = `struct D impl Drop {
    n: i32,
    fn drop()! { println("drop {}", self.n); }
}
fn mk(n: i32): D { return D { n: n }; }
fn take2(a: D, b: i32): i32 { return a.n + b; }
fn boom(): i32 { panic("boom"); }
`;
const run = (body: string) => runVex(`${HEAD}fn main() {\n${body}\n}\n`);
/** take2's argument list in the emitted main. */
const argsOf = (js: string) => /take2\w*\((.*)\);?$/m.exec(js)![1];

describe('operands in flight', () => {
  it('a later operand that may panic: the earlier owned one is held, and dropped by the unwind', () => {
    const r = run('    println("{:?}", catch_panic(|| take2(mk(1), boom())));');
    expect(r.stdout).toBe('drop 1\nErr("boom")\n');
    expect(argsOf(r.js)).toMatch(/^\(\$t\d+ = /);
  });
  it('a later operand that cannot leave (numbers, a local, a literal): no hold', () => {
    const r = run('    let k = 4;\n    println("{}", take2(mk(1), k * 2 + 1));');
    expect(r.stdout).toBe('drop 1\n10\n');
    expect(argsOf(r.js)).not.toMatch(/\$t\d+ = /);
  });
  it('division may panic (by zero): held', () => {
    const r = run('    let z = 0;\n    println("{:?}", catch_panic(|| take2(mk(1), 5 / z)));');
    expect(r.stdout).toBe('drop 1\nErr("division by zero")\n');
  });
});
