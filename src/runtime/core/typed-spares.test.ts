// Typed Vec storage kept between runs (collections.ts RetiredTyped, Machine.release): a run's
// outgrown and dropped typed arrays serve later runs' Vecs, never the same run's, zeroed past
// the elements copied in, each array to one Vec.
import { describe, it, expect, afterEach } from 'vitest';
import { VVec, VEC_TYPED_AT, RetiredTyped, SPARE_TYPED_MAX, setHeapHooks, noHeap } from './collections';
import { VEC_KIND } from '../../common/vec-kinds';
import { compile } from '../../lang/compile';
import { run } from '../run';

const I32 = VEC_KIND.i32;
function hooks(r: RetiredTyped) { setHeapHooks({ ...noHeap, retire: (t) => r.add(t) }); }
function grown(kind: number, n: number): VVec<number> {
  const v = new VVec<number>(4, 4, undefined, kind);
  for (let i = 0; i < n; i++) v.push(i + 1);
  return v;
}
/** Takes every spare of `kind` up to `len` elements out of the pool (Vecs grown and kept). */
function drain(kind: number, len: number): void { for (let i = 0; i < 64; i++) grown(kind, len); }

afterEach(() => setHeapHooks(noHeap));

describe('typed Vec spares', () => {
  it('storage retired in a run is not reused before the run is over', () => {
    const r = new RetiredTyped();
    hooks(r);
    drain(I32, VEC_TYPED_AT * 4);
    const a = grown(I32, VEC_TYPED_AT * 4); // outgrew VEC_TYPED_AT and 2x: two arrays retired
    const seen = a.b;
    a.release();
    const b = grown(I32, VEC_TYPED_AT * 4);
    expect(b.b).not.toBe(seen);
    r.donate();
    const c = grown(I32, VEC_TYPED_AT * 4);
    expect(c.b).toBe(seen); // the dropped Vec's storage, now that its run is over
  });

  it('a spare is zeroed past the elements copied in, as a fresh array is', () => {
    const r = new RetiredTyped();
    hooks(r);
    drain(I32, VEC_TYPED_AT * 2);
    const a = grown(I32, VEC_TYPED_AT * 2);
    const old = a.b as Int32Array;
    old.fill(-5);
    a.release();
    r.donate();
    const b = grown(I32, VEC_TYPED_AT + 1); // grows from VEC_TYPED_AT to 2x: takes the spare
    expect(b.b).toBe(old);
    expect(Array.from(b.a)).toEqual(Array.from({ length: VEC_TYPED_AT + 1 }, (_, i) => i + 1));
    expect(old.subarray(b.n).every((x) => x === 0)).toBe(true);
  });

  it('storage retired twice goes to one Vec only', () => {
    const r = new RetiredTyped();
    hooks(r);
    drain(I32, VEC_TYPED_AT * 2);
    const a = grown(I32, VEC_TYPED_AT * 2);
    const t = a.b as Int32Array;
    r.add(t); r.add(t);
    r.donate();
    const b = grown(I32, VEC_TYPED_AT * 2), c = grown(I32, VEC_TYPED_AT * 2);
    expect(b.b === t && c.b === t).toBe(false);
  });

  it('a run keeps at most SPARE_TYPED_MAX bytes of retired storage', () => {
    const r = new RetiredTyped();
    const big = new Float64Array(SPARE_TYPED_MAX / 8 - VEC_TYPED_AT); // room left: VEC_TYPED_AT f64
    r.add(big);
    r.add(new Float64Array(VEC_TYPED_AT * 2)); // over the cap: not kept
    r.add(new Float64Array(VEC_TYPED_AT));
    expect(r.bytes).toBe(SPARE_TYPED_MAX);
  });

  it('runs of a program that grows and drops typed Vecs give the same output and trace each time', () => {
    const src = `fn fill(k: i32) -> i64 {
    let! v = Vec<i32>.new();
    for i in 0..5000 { v.push(i * k); }
    let! s = 0 as i64;
    for x in v { s += x as i64; }
    let! w = Vec<f64>.new();
    w.reserve(3000);
    for i in 0..2500 { w.push(i as f64 * 0.5); }
    while w.len() > 1200 { w.pop(); }
    for i in 0..1800 { w.push(-1.0); }
    return s + w.len() + w[1500] as i64 + w[1100] as i64;
}
fn main() {
    println("{} {}", fill(3), fill(-7));
    println("{}", runtime_stats());
}
`;
    const c = compile([{ name: 'main.vx', text: src }]);
    expect(c.program).toBeTruthy();
    const first = run(c.program!, { keepTrace: true });
    expect(first.outcome.kind).toBe('exited');
    for (let i = 0; i < 3; i++) {
      const again = run(c.program!, { keepTrace: true });
      expect(again.output).toEqual(first.output);
      expect(JSON.stringify(again.trace)).toBe(JSON.stringify(first.trace));
    }
  });
});
