// sizeof<T>() / alignof<T>() take T from the checker (ExprInfo.typeArgs), substituted per instance.
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';

describe('sizeof<T>()', () => {
  it('uses the resolved type, including a generic parameter in each instance', () => {
    const r = runVex(`struct P { a: u8, b: i64 }
fn sz<T>(): u64 { return sizeof<T>(); }
fn al<T>(): u64 { return alignof<T>(); }
fn main() {
    println("{} {} {} {} {}", sizeof<P>(), sz<P>(), sz<i16>(), sz<[i32; 5]>(), al<P>());
}
`);
    expect(r.stdout).toBe('16 16 2 20 8\n');
  });
});
