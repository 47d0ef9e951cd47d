// `--fuel N` is exact: a run stops at the step after the N-th and reports N steps (the fuel
// counter used to be checked once per 65,536-step chunk, so `--fuel 1` reported 131,074 steps).
import { describe, it, expect } from 'vitest';
import { runVex } from '../../lang/codegen/run-helpers.test-util';

const LOOP = `fn main() {
    let! i = 0;
    while true { i += 1; }
}
`;
const COUNTED = `fn main() {
    let! s = 0;
    for i in 0..1000 { s += i; }
    println("{}", s);
}
`;

describe('fuel', () => {
  for (const n of [1, 2, 1000, 65_536, 65_537, 200_000]) {
    it(`an endless loop with fuel ${n} stops after exactly ${n} steps`, () => {
      const r = runVex(LOOP, { fuel: n });
      expect(r.outcome).toEqual({ kind: 'limit', code: 137, limit: 'fuel' });
      expect(r.steps).toBe(n);
      expect(r.stderr).toBe(`fatal: fuel limit of ${n} steps reached\n`);
    });
  }

  it('a program that needs exactly its fuel finishes; one step less stops it', () => {
    const free = runVex(COUNTED, { fuel: 0 });
    expect(free.outcome).toEqual({ kind: 'exited', code: 0 });
    const need = free.steps;
    expect(runVex(COUNTED, { fuel: need })).toMatchObject({ outcome: { kind: 'exited' }, steps: need, stdout: '499500\n' });
    const short = runVex(COUNTED, { fuel: need - 1 });
    expect(short.outcome).toMatchObject({ kind: 'limit', limit: 'fuel' });
    expect(short.steps).toBe(need - 1);
  });
});
