// f16 in simulated memory (chapter 2 §7.5): binary16 storage, 2 bytes aligned to 2 — fields of
// memory-backed structs, `*f16` reads and writes, arrays behind pointers — and the C layout view.
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';
import { checkSource } from '../sema/check';
import { describeLayouts } from '../sema/layout-report';

describe('f16 in memory', () => {
  it('fields of an address-taken struct and *f16 stores keep binary16 bits', () => {
    const r = runVex(`struct S { a: u8, h: f16, b: f16 }
fn main() {
    let! s = S { a: 7, h: 3.14, b: -0.5 };
    let p = &s! as *S!;
    let raw = &s as *u8;
    unsafe {
        (*p).h = 1.0 / 3.0;
        println("{} {} {} {}", s.a, s.h, s.b, sizeof(s));
        println("{} {} {} {}", *(raw + 2), *(raw + 3), *(raw + 4), *(raw + 5));
    }
    let! v: [f16; 3] = [0.0, 0.0, 0.0];
    let pv = &v! as *f16!;
    let! i = 0;
    while i < 3 { unsafe { *(pv + i) = (i as f16) * 1.25 + 0.1; } i += 1; }
    println("{} {} {}", v[0], v[1], v[2]);
}`);
    // 1/3 -> 0x3555 (85, 53); -0.5 -> 0xb800 (0, 184)
    expect(r.stdout).toBe('7 0.333252 -0.5 6\n85 53 0 184\n0.0999756 1.34961 2.59961\n');
  });
  it('the C layout view shows f16 fields at 2-byte offsets', () => {
    const c = checkSource('t.vx', '#[repr(C)]\nstruct H { a: u8, h: f16, n: i32, w: f16 }\nfn main() { }\n');
    const l = describeLayouts(c.structs).find((x) => x.name === 'H')!;
    expect([l.size, l.align]).toEqual([12, 4]);
    expect(l.fields.map((f) => `${f.name}:${f.type}@${f.offset}+${f.size}`)).toEqual(['a:u8@0+1', 'h:f16@2+2', 'n:i32@4+4', 'w:f16@8+2']);
  });
});
