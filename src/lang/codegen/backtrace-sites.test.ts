// Every frame of a backtrace names its function and the line of its call: a call that reaches user
// code through generated glue (`o.clone()` of an Option<P> whose P has its own clone()) records its
// call site as a plain call does, and a frame with none recorded is shown as `?`, never as the
// program's first site (`init (?:0:0)`, what an unwritten slot of the call-site stack held).
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';

const P = `struct P impl Clone {
    v: i32,
    fn clone(): P { if self.v == 3 { panic("clone boom"); } return P { v: self.v }; }
}
`;

describe('backtrace call sites', () => {
  it('a clone() of an Option, a struct or a Vec running a user clone() shows the frame that called it', () => {
    for (const [ty, val] of [['Option<P>', 'Some(P { v: 3 })'], ['Q', 'Q { p: P { v: 3 } }'], ['Vec<P>', '[P { v: 3 }]']]) {
      const line = `fn viaclone(o: ${ty}): i32 { let c = o.clone(); return 1; }`;
      const r = runVex(`${P}struct Q { p: P }
fn id(x: i32): i32 { return x; }
${line}
fn main() {
    let k = id(1);
    if k == 1 { viaclone(${val}); }
}
`);
      expect(r.stderr, ty).toBe(`panic: clone boom\n  at P.clone (test.vx:3:38)\n  at viaclone (test.vx:7:${line.indexOf('o.clone') + 1})\n  at main (test.vx:10:17)\n`);
    }
  });

  it('the host-overflow report of a recursive user clone() reached through the clone glue names its frames', () => {
    const r = runVex(`struct Node impl Clone {
    v: i32,
    next: Option<Box<Node>>,
    fn clone(): Node { return Node { v: self.v, next: self.next.clone() }; }
}
fn main() {
    let! head = Node { v: 0, next: None };
    for i in 1..200000 { head = Node { v: i, next: Some(Box(head)) }; }
    let c = head.clone();
    println("{}", c.v);
}
`, { stackSize: 1 << 30 });
    expect(r.stderr).toMatch(/^fatal: stack overflow/);
    expect(r.stderr).not.toContain('init');
    const frames = r.stderr.split('\n').filter((l) => l.startsWith('  at '));
    expect(frames.length).toBe(10);
    for (const f of frames) expect(f).toBe('  at Node.clone (test.vx:4:55)'); // self.next.clone()
  });
});

describe('a panic re-raised at an await', () => {
  it('goes on at the await or block_on, in the frame that awaits, not at that frame\'s last call', () => {
    const r = runVex(`async fn boom(): i32 { panic("eager boom"); }
fn wait(f: Future<i32>): i32 {
    return block_on(f);
}
fn main() {
    let f = boom();
    println("{}", wait(f));
}
`);
    expect(r.stderr).toBe('panic: eager boom\n  at boom (test.vx:1:24)\n  at wait (test.vx:3:12)\n  at main (test.vx:7:19)\n');
  });
});
