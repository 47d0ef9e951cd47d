// A formatted string is a temporary String (§6.18): one alloc and one free of its size. Two-piece
// f-strings and `str + str` build it without an array (rt.host.tmpCat2) and still fail past the
// longest string (collections.ts MAX_STRING_BYTES) with the exact size.
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';
import { MAX_STRING_BYTES } from '../../runtime/core/collections';

describe('two-piece f-strings and str + str (host tmpCat2, no array)', () => {
  it('build up to the longest string and fail one byte past it with the exact size', () => {
    const r = runVex(`fn main() {
    let! half = "x";
    for i in 0..26 { half = half + half; }
    let t = f"{half}{half}";
    println("{}", t.len());
    let u = f"{t}!";
    println("{}", u.len());
}
`, { heapLimit: 1 << 30 });
    expect(r.js).toContain('rt.host.tmpCat2(');
    expect(r.stdout).toBe(`${MAX_STRING_BYTES}\n`);
    expect(r.stderr).toContain(`memory allocation of ${MAX_STRING_BYTES + 1} bytes failed`);
  });
  it('the temporary is one alloc and one free of its size, as before', () => {
    const r = runVex(`fn main() { let! s = String(); for i in 0..3 { s.push(f"{i}ab"); } println("{}", s); }\n`);
    expect(r.stdout).toBe('0ab1ab2ab\n');
    const ev = r.trace.filter((e) => (e.t === 'alloc' || e.t === 'free') && e.size === 3).map((e) => e.t);
    expect(ev).toEqual(['alloc', 'free', 'alloc', 'free', 'alloc', 'free']);
  });
});
