// `/` and `%` by a positive integer literal are emitted inline (no zero check, feedback of their
// own): every integer type gives what the checked helpers give for the same divisor in a variable.
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';

describe('division by a literal', () => {
  it('matches division by the same value held in a variable, for every small integer type', () => {
    for (const t of ['i8', 'u8', 'i16', 'u16', 'i32', 'u32', 'i64', 'u64']) {
      const signed = t.startsWith('i');
      const src = `fn main() {
    let d: ${t} = 7;
    let e: ${t} = 1;
    for k in ${signed ? -40 : 0}..40 {
        let x = k as ${t};
        println("{} {} {} {} {} {} {}", x / 7, x / d, x % 7, x % d, x % 1, (x % 1) as f64, (x % e) as f64);
    }
}
`;
      const r = runVex(src);
      if (!t.endsWith('64')) expect(r.js).toMatch(/ % 7\)/);
      for (const line of r.stdout.trim().split('\n')) {
        const [q, qd, m, md, m1, f1, fe] = line.split(' ');
        expect(q, `${t}: ${line}`).toBe(qd);
        expect(m, `${t}: ${line}`).toBe(md);
        expect(m1).toBe('0');
        expect(f1, `${t}: ${line}`).toBe(fe);
        expect(f1, `${t}: ${line}`).toBe('0'); // an integer has no -0 (JS's -5 % 1 is -0)
      }
    }
  });

  it('still panics on a zero divisor held in a variable', () => {
    const r = runVex('fn main() {\n    let z = 0;\n    println("{}", 7 % z);\n}\n');
    expect(r.stderr).toContain('division by zero');
  });
});
