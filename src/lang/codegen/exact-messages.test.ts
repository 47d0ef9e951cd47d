// Numbers in messages are exact (issue 14.7): a 64/128-bit value above 2^53 is printed from its
// BigInt, never through a double (`9007199254740993`, not `9007199254740992`). One program per
// message that formats an integer, each given a value that a double cannot hold.
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';
import { compile } from '../compile';

const BIG = '9007199254740993'; // 2^53 + 1: the nearest double is 2^53
const U64MAX = '18446744073709551615';

function stderrOf(body: string): string {
  return runVex(`fn main() {\n${body}\n}\n`).stderr;
}

describe('numbers in run-time messages are exact', () => {
  const cases: [string, string, string][] = [
    ['array index', `let a = [1, 2, 3]; let i: u64 = ${U64MAX}; println("{}", a[i]);`, `panic: index out of bounds: index ${U64MAX}, len 3`],
    ['Vec index', `let! v = Vec<i32>(); v.push(1); let i: u64 = ${BIG}; println("{}", v[i]);`, `panic: index out of bounds: index ${BIG}, len 1`],
    ['Vec.set', `let! v = Vec<i32>(); v.push(1); let i: u64 = ${BIG}; v.set(i, 3);`, `panic: index out of bounds: index ${BIG}, len 1`],
    ['Vec.insert', `let! v = Vec<i32>(); v.push(1); let i: u64 = ${BIG}; v.insert(i, 5);`, `panic: insertion index (is ${BIG}) should be <= len (is 1)`],
    ['Vec.remove', `let! v = Vec<i32>(); v.push(1); let i: u64 = ${BIG}; let _x = v.remove(i);`, `panic: removal index (is ${BIG}) should be < len (is 1)`],
    ['negative i64 index', `let a = [1u64, 2u64]; let i: i64 = -${BIG}; println("{}", a[i]);`, `panic: index out of bounds: index -${BIG}, len 2`],
    ['slice index', `let a = [1, 2, 3]; let s = &a[..]; let i: u64 = ${BIG}; println("{}", s[i]);`, `panic: index out of bounds: index ${BIG}, len 3`],
    ['str index', `let s = "abc"; let i: u64 = ${BIG}; println("{}", s[i]);`, `panic: index out of bounds: index ${BIG}, len 3`],
    ['slice range', `let s = "héllo"; let i: u64 = ${BIG}; println("{}", s[1..i]);`, `panic: slice index out of bounds: 1..${BIG}, len 6`],
    ['alloc size', `let n: u64 = ${BIG}; let _p = alloc(n);`, `memory allocation of ${BIG} bytes failed`],
    ['realloc size', `let n: u64 = ${BIG}; let p = alloc(8); let _q = realloc(p, n);`, `memory allocation of ${BIG} bytes failed`],
    ['Vec.reserve', `let! v = Vec<u8>(); let n: u64 = ${BIG}; v.reserve(n);`, `memory allocation of ${BIG} bytes failed`],
    ['by-value array', `let _b = [0u8; 9007199254740991];`, `memory allocation of 9007199254740991 bytes failed`],
    ['panic text', `let n: u64 = ${U64MAX}; panic(f"big {n}");`, `panic: big ${U64MAX}`],
    ['assert_eq', `let x: u64 = ${U64MAX}; assert_eq(x, ${U64MAX.slice(0, -1)}4);`, `panic: assertion failed: left == right (left: ${U64MAX}, right: ${U64MAX.slice(0, -1)}4)`],
  ];
  for (const [name, body, want] of cases) {
    it(name, () => {
      expect(stderrOf(body).split('\n')).toContain(want);
    });
  }

  it('Vec.reserve charges its buffer (and a later push fits in it)', () => {
    const r = runVex(`fn main() {
    let! v = Vec<u8>();
    v.reserve(100);
    println("{}", v.capacity());
    let! i = 0;
    while i < 100 { v.push(1u8); i += 1; }
    println("{} {}", v.len(), v.capacity());
}
`);
    expect(r.stdout).toBe('100\n100 100\n');
  });
});

describe('numbers in compile-time messages are exact', () => {
  for (const [ty, lit] of [['u64', '18446744073709551616'], ['i128', '170141183460469231731687303715884105728'], ['u8', BIG]]) {
    it(`literal out of range for ${ty}`, () => {
      const c = compile([{ name: 'main.vx', text: `fn main() { let _x: ${ty} = ${lit}; }\n` }]);
      expect(c.diagnostics.map((d) => d.message)).toContain(`literal \`${lit}\` out of range for \`${ty}\``);
    });
  }
});

// Array sizes (issue 14, precision): a length or a total size that a double cannot hold exactly
// (above 2^53 - 1 bytes, the playground's limit for one object) is a compile error naming the
// exact numbers; below it `sizeof` is exact.
describe('array sizes are exact or a compile error', () => {
  const errs = (src: string) => compile([{ name: 'main.vx', text: src }]).diagnostics.filter((d) => d.severity === 'error');
  const cases: [string, string, string][] = [
    ['[u8; 1 << 62] through a const', 'const N: u64 = 1 << 62;\nfn main() { println("{}", sizeof<[u8; N]>()); }\n', 'array `[u8; 4611686018427387904]` is too large: 4611686018427387904 bytes'],
    ['a length above 2^53', 'fn main() { println("{}", sizeof<[u8; 9007199254740993]>()); }\n', 'array `[u8; 9007199254740993]` is too large: 9007199254740993 bytes'],
    ['nested arrays overflowing u64', 'fn main() { println("{}", sizeof<[[u64; 1152921504606846976]; 8]>()); }\n', 'array `[u64; 1152921504606846976]` is too large: 9223372036854775808 bytes'],
    ['nested arrays whose product is too large', 'fn main() { println("{}", sizeof<[[u8; 1073741824]; 1073741824]>()); }\n', 'array `[[u8; 1073741824]; 1073741824]` is too large: 1152921504606846976 bytes'],
    ['a repeat expression', 'fn main() { let _b = [0u8; 9007199254740993]; }\n', 'array `[u8; 9007199254740993]` is too large: 9007199254740993 bytes'],
    ['a struct whose fields add up past the limit', 'struct S { a: [u8; 9007199254740000], b: [u8; 9007199254740000] }\nfn main() { println("{}", sizeof<S>()); }\n', 'type `S` is too large: more than 9007199254740991 bytes'],
  ];
  for (const [name, src, want] of cases) {
    it(name, () => {
      const e = errs(src);
      expect(e.map((d) => d.code)).toContain('E0169');
      expect(e.map((d) => d.message).join('\n')).toContain(want);
    });
  }
  it('the largest exact size still compiles and prints exactly', () => {
    const r = runVex('fn main() { println("{} {}", sizeof<[u8; 9007199254740991]>(), sizeof<[[u64; 1125899906842623]; 1]>()); }\n');
    expect(r.stdout).toBe('9007199254740991 9007199254740984\n');
  });
});
