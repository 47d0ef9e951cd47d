// Address-taken locals live in the task's stack region (memory/stacks.ts) and raw pointers can
// point at parts of them: fields, nested fields and array elements (C layout offsets).
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { runVex } from './run-helpers.test-util';

const PROG = readFileSync(new URL('./testdata/part-pointers.vx', import.meta.url), 'utf8');

describe('pointers into memory-backed locals', () => {
  it('reads and writes through field, nested-field and element pointers; arithmetic over an array', () => {
    const r = runVex(PROG.replace('PAST', '4'));
    expect(r.stdout).toBe('77 77 99 20\nsum 151 arr1 21\npast 50\n');
    expect(r.exitCode).toBe(0);
  });

  it('reports a read past the array with the access site and the stack slot owner', () => {
    const r = runVex(PROG.replace('PAST', '5'));
    expect(r.exitCode).toBe(134);
    expect(r.outcome.kind).toBe('aborted');
    expect(r.stderr).toMatch(/^error: out-of-bounds read of 4 bytes at 0x[0-9a-f]+: offset 20 of block 0x[0-9a-f]+\.\.0x[0-9a-f]+ \(20 bytes, stack\)\n/);
    expect(r.stderr).toContain('note: accessed at main (test.vx:18:28)');
    expect(r.stderr).toContain('note: allocated at main (test.vx:5:10)'); // `arr`'s declaration
  });

  it('a pointer to a local of a returned frame is a dead stack slot', () => {
    const r = runVex(`fn leak(): *i32 {
    let! x = 5;
    return &x as *i32;
}
fn main() {
    let p = leak();
    unsafe { println("{}", *p); }
}
`);
    expect(r.exitCode).toBe(134);
    expect(r.stderr).toMatch(/use of a dead stack slot: read of 4 bytes/);
  });

  it('address-taken locals take constant memory across many calls', () => {
    const r = runVex(`fn f(n: i32): i32 {
    let! x = n;
    let p = &x as *i32;
    unsafe { return *p + 1; }
}
fn main() {
    let! s = 0;
    for i in 0..60000 { s = f(i); }
    println("{}", s);
}
`, { heapLimit: 1 << 20, keepTrace: false });
    expect(r.stdout).toBe('60000\n');
    expect(r.exitCode).toBe(0);
  });

  it('index out of range when taking an element address panics like indexing', () => {
    const r = runVex(`fn main() {
    let! a = [1, 2, 3];
    let i = 3;
    let p = &a[i] as *i32;
    println("{}", p.is_null());
}
`);
    expect(r.exitCode).toBe(134);
    expect(r.stderr).toMatch(/^panic: index out of bounds: index 3, len 3\n/);
  });
});
