// rt.host's string builders (f-strings, prints) are the same functions from one run to the next:
// a new closure each run made a program's optimized main deoptimize every run at its first print
// (wrong call target).
import { describe, it, expect } from 'vitest';
import { makeHost } from './host';
import type { Runtime } from './rt';
import { compile } from '../../lang/compile';
import { run } from '../run';

describe('stable string builders', () => {
  it("rt.host's string builders are the same functions for every runtime", () => {
    const a = makeHost({} as Runtime), b = makeHost({} as Runtime);
    for (const k of ['cat', 'tmpCat2', 'tmpStr'] as const) expect(a[k], k).toBe(b[k]);
  });

  it('each run still charges its own heap for the temporaries', () => {
    const c = compile([{ name: 'main.vx', text: `fn main() {
    let! s = String();
    for i in 0..3000 { s.push(f"{i},"); }
    println("{} {}", s.len(), runtime_stats());
}
` }]);
    const first = run(c.program!);
    const second = run(c.program!);
    expect(second.output).toEqual(first.output);
    expect(second.stats).toEqual(first.stats);
    expect(first.output.map((o) => o.text).join('')).toMatch(/^13890 .*allocs/);
  });
});
