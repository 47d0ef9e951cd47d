// The functions the runtime's hot code and the programs' optimized code call through the heap
// hooks and rt.host's string builders are the same from one run to the next: a new closure each
// run made that code deoptimize every run (wrong call target). Behaviour per run is unchanged:
// the hooks charge the machine of the run being run.
import { describe, it, expect } from 'vitest';
import * as collections from './collections';
import { makeHost } from './host';
import type { Runtime } from './rt';
import { compile } from '../../lang/compile';
import { run } from '../run';

const SRC = `fn main() {
    let! s = String();
    for i in 0..3000 { s.push(f"{i},"); }
    let! v = Vec<i32>.new();
    for i in 0..3000 { v.push(i); }
    println("{} {} {}", s.len(), v.len(), runtime_stats());
}
`;

describe('stable runtime hooks', () => {
  it('every run installs the same heap hooks, each charging its own run', () => {
    const c = compile([{ name: 'main.vx', text: SRC }]);
    const first = run(c.program!);
    const hooks = collections.heap;
    const fns = { ...hooks };
    const second = run(c.program!);
    expect(collections.heap).toBe(hooks);
    expect({ ...collections.heap }).toEqual(fns);
    for (const k of Object.keys(fns) as (keyof typeof fns)[]) expect(collections.heap[k], k).toBe(fns[k]);
    // the second run's statistics are its own (not the first run's added up)
    expect(second.output).toEqual(first.output);
    expect(second.stats).toEqual(first.stats);
    expect(first.output.map((o) => o.text).join('')).toMatch(/^13890 3000 .*allocs/);
  });

  it("rt.host's string builders are the same functions for every runtime", () => {
    const a = makeHost({} as Runtime), b = makeHost({} as Runtime);
    for (const k of ['cat', 'tmpCat2', 'tmpStr'] as const) expect(a[k], k).toBe(b[k]);
  });
});
