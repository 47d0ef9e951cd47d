// A formatted string is a temporary String (§6.18): one alloc and one free of its size. Two-piece
// f-strings and `str + str` build it without an array (rt.host.tmpCat2) and still fail past the
// longest string (collections.ts MAX_STRING_BYTES) with the exact size.
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';
import { MAX_STRING_BYTES } from '../../runtime/core/collections';
import type { TraceEvent } from '../../runtime/api';

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
  // A push loop's heap events and stats, as recorded before the temporary's alloc/free became
  // one step (SystemAllocator.tmpOwned, Runtime.heapTmp) and the pushed temporary's UTF-8 length
  // was reused (collections.ts noteTmpLen): the same blocks, addresses, sizes and sites, with
  // the run's trace and with a listener.
  it('a push loop of multibyte f-strings: lengths, heap events and stats as before', () => {
    const src = `fn main() {
    let! s = String();
    for let! i = 0; i < 12; i++ {
        s.push(f"{i}é,");
        if i % 4 == 3 { s.push("x"); }
    }
    let w = f"{s}😀";
    s.push(w);
    println("{} {}", s.len(), w.len());
    let st = runtime_stats();
    println("allocs={} frees={} live={} peak={}", st.allocs, st.frees, st.live_bytes, st.peak_bytes);
}
`;
    const want = [
      'alloc 266256 4 1 system @4',
      'free 266256 4 system @4',
      'alloc 266256 8 1 system @4',
      'alloc 266288 4 1 system @4',
      'free 266288 4 system @4',
      'alloc 266288 4 1 system @4',
      'free 266288 4 system @4',
      'realloc 266256>266256 8>16 @4',
      'alloc 266288 4 1 system @4',
      'free 266288 4 system @4',
      'realloc 266256>266320 16>32 @5',
      'alloc 266288 4 1 system @4',
      'free 266288 4 system @4',
      'alloc 266288 4 1 system @4',
      'free 266288 4 system @4',
      'alloc 266288 4 1 system @4',
      'free 266288 4 system @4',
      'alloc 266288 4 1 system @4',
      'free 266288 4 system @4',
      'realloc 266320>266320 32>64 @4',
      'alloc 266288 4 1 system @4',
      'free 266288 4 system @4',
      'alloc 266288 4 1 system @4',
      'free 266288 4 system @4',
      'alloc 266288 5 1 system @4',
      'free 266288 5 system @4',
      'alloc 266288 5 1 system @4',
      'free 266288 5 system @4',
      'alloc 266400 57 1 system @7',
      'free 266400 57 system @7',
      'realloc 266320>266320 64>128 @8',
      'free 266320 128 system @undefined',
    ];
    const show = (trace: TraceEvent[]) => trace.flatMap((e) => e.t === 'realloc' ? [`realloc ${e.from}>${e.to} ${e.oldSize}>${e.size} @${e.site?.line}`]
      : e.t === 'alloc' ? [`alloc ${e.addr} ${e.size} ${e.align} ${e.allocator} @${e.site?.line}`]
      : e.t === 'free' ? [`free ${e.addr} ${e.size} ${e.allocator} @${e.site?.line}`] : []);
    const r = runVex(src);
    expect(r.stdout).toBe('110 57\nallocs=18 frees=17 live=128 peak=128\n');
    expect(show(r.trace)).toEqual(want);
    const heard: TraceEvent[] = [];
    const l = runVex(src, { keepTrace: false, onEvent: (e) => heard.push(e) });
    expect(l.stdout).toBe(r.stdout);
    expect(show(heard)).toEqual(want);
  });
  it('s.push(f"…") of two pieces is one host call (pushCat2) with the same failures and order', () => {
    const big = runVex(`fn main() {
    let! half = "x";
    for i in 0..26 { half = half + half; }
    let! s = String();
    s.push(f"{half}{half}");
    println("{}", s.len());
    s.push(f"{half}!");
    println("unreachable");
}
`, { heapLimit: 1 << 30 });
    expect(big.js).toContain('rt.host.pushCat2(');
    expect(big.stdout).toBe(`${MAX_STRING_BYTES}\n`);
    // the String's own growth past the longest string fails as before (append's size: twice its buffer)
    expect(big.stderr).toContain(`memory allocation of ${2 * MAX_STRING_BYTES} bytes failed`);
    const huge = runVex(`fn main() {
    let! half = "x";
    for i in 0..26 { half = half + half; }
    let t = f"{half}{half}";
    let! s = String();
    s.push(f"{t}!");
}
`, { heapLimit: 1 << 30 });
    expect(huge.stderr).toContain(`memory allocation of ${MAX_STRING_BYTES + 1} bytes failed`);
    // holes left to right, a hoisting hole after another, a receiver and a cell reference; three pieces stay as before
    const r = runVex(`fn add(s: &String!, v: &Vec<i32>!) { s.push(f"{v.len()}{v.pop().unwrap()}"); }
fn main() {
    let! v = Vec<i32>.new();
    v.push(7); v.push(8);
    let! s = String();
    add(&s!, &v!);
    s.push(f"-{v.pop().unwrap()}");
    s.push(f"[{s.len()}]x");
    println("{}", s);
}
`);
    expect(r.stdout).toBe('28-7[4]x\n');
    expect(r.js.match(/rt\.host\.pushCat2\(/g)?.length).toBe(2);
  });
  it('the temporary counts in the peak, not in the live bytes', () => {
    const r = runVex(`fn main() {
    let! s = String();
    s.push("abcdefgh");
    let t = f"{s}{s}{s}";
    let st = runtime_stats();
    println("{} allocs={} frees={} live={} peak={}", t.len(), st.allocs, st.frees, st.live_bytes, st.peak_bytes);
}
`);
    expect(r.stdout).toBe('24 allocs=2 frees=1 live=8 peak=32\n');
  });
  it('a pushed string equal to the last f-string, or pushed after another one, has its own length', () => {
    const r = runVex(`fn main() {
    let! s = String();
    let a = f"{1}é";
    s.push("ab");
    s.push("1é");
    s.push(a);
    let b = f"{2}😀😀";
    s.push(b);
    s.push(a);
    println("{} {}", s.len(), s);
}
`);
    expect(r.stdout).toBe('20 ab1é1é2😀😀1é\n');
  });
});

describe('RunOptions.keepOutput', () => {
  it('false: the listener gets every output event (the worker streams them), the result keeps no copy', () => {
    const src = `fn main() { for i in 0..3 { println("line {}", i); } panic("oops"); }\n`;
    const heard: string[] = [];
    const r = runVex(src, { keepTrace: false, keepOutput: false, onEvent: (e) => { if (e.t === 'output') heard.push(`${e.stream}:${e.text}`); } });
    expect(r.output).toEqual([]);
    expect(heard.slice(0, 3)).toEqual(['stdout:line 0\n', 'stdout:line 1\n', 'stdout:line 2\n']);
    expect(heard.slice(3).join('')).toMatch(/^stderr:panic: oops/);
    const kept = runVex(src).output;
    expect(kept[0]).toEqual({ stream: 'stdout', text: 'line 0\nline 1\nline 2\n' });
    expect(kept.slice(1).map((c) => c.stream + ':' + c.text).join('')).toBe('stderr:' + heard.slice(3).map((h) => h.slice('stderr:'.length)).join(''));
  });
});
