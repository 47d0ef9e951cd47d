// Text made by a built-in method (`upper`, `lower`, `trim`, `replace`, `to_upper`, `to_lower`) is
// an owned String on `str` and `String` alike: one heap block of its exact UTF-8 size, freed when
// it is dropped — also when it is only read as a `str` (an argument, a Vec<str> element, `==`),
// where the temporary String used to leak (issue 14, root cause 5: every resource is charged).
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';
import type { TraceEvent } from '../../runtime/api';

type Alloc = Extract<TraceEvent, { t: 'alloc' }>;
const allocs = (trace: TraceEvent[]) => trace.filter((e): e is Alloc => e.t === 'alloc');

describe('strings made by built-in methods are charged like other Strings', () => {
  it('a str method result is one block of its exact UTF-8 size, freed at its drop', () => {
    const r = runVex(`fn main() {
    let s = "héllo wörld";
    let u = s.upper();
    println("{} {}", u, runtime_stats().live_bytes);
}
`);
    expect(r.stdout).toBe('HÉLLO WÖRLD 13\n');
    expect(allocs(r.trace).map((a) => a.size)).toEqual([13]);
    expect(r.stats.liveBytes).toBe(0);
  });

  it('every method, on str and String, used every way, leaves nothing live at exit', () => {
    const r = runVex(`fn takes(s: str): i64 { return s.len(); }
fn owned(s: String): i64 { return s.len(); }
fn main() {
    let line = "  Hello World  ";
    let s = String.from(line);
    let a = line.trim(); let b = line.upper(); let c = line.lower(); let d = line.replace("l", "L");
    let e = line.to_upper(); let f = line.to_lower();
    let g = s.trim(); let h = s.upper(); let i = s.replace("o", "0"); let j = s.to_lower();
    println("[{}][{}][{}][{}][{}][{}]", a, b, c, d, e, f);
    println("[{}][{}][{}][{}]", g, h, i, j);
    println("{} {} {}", takes(line.upper()), owned(line.lower()), takes(s.trim()));
    if line.trim() == "Hello World" && s.trim() == "Hello World" && "HELLO WORLD" == s.trim().upper() { println("equal"); }
    println("{}", line.trim() + "!" + s.trim());
    let! v = Vec<str>();
    let! w = Vec<String>();
    for k in 0..3 { v.push(line.trim()); w.push(s.upper()); }
    println("{} {} {}", v.len(), w.len(), f"{line.trim()}|{s.lower()}");
}
`);
    expect(r.stdout).toBe([
      '[Hello World][  HELLO WORLD  ][  hello world  ][  HeLLo WorLd  ][  HELLO WORLD  ][  hello world  ]',
      '[Hello World][  HELLO WORLD  ][  Hell0 W0rld  ][  hello world  ]',
      '15 15 11', 'equal', 'Hello World!Hello World', '3 3 Hello World|  hello world  ', '',
    ].join('\n'));
    expect(r.stats.liveBytes).toBe(0);
  });

  it('keeping method results without end fails as a clean allocation, not host growth', () => {
    const r = runVex(`fn main() {
    let! big = String.new();
    for i in 0..4096 { big.push("abcdefghijklmnop"); }
    let text = big.text();
    let! kept = Vec<String>();
    loop { kept.push(text.upper()); }
}
`, { heapLimit: 1 << 20 });
    expect(r.stderr).toBe('memory allocation of 65536 bytes failed\n');
    expect(r.outcome).toMatchObject({ code: 134 });
  });

  it('a replace that multiplies the text past the longest string fails as an allocation of its size', () => {
    const r = runVex(`fn main() {
    let! s: String = String.from("a");
    loop { s = s.text().replace("a", "aaaa"); }
}
`, { heapLimit: 1 << 20 });
    expect(r.stderr).toMatch(/^memory allocation of \d+ bytes failed\n$/);
  });
});
