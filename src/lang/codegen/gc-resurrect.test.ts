// A drop run by gc_collect that stores a handle to an object the same collection freed, where the
// program reaches it, would leave the program reading a dropped value: the collection marks again
// after drops and aborts as a use-after-free (runtime/core/gc.ts noneResurrected). Before, the
// freed object was read silently.
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';

const NODE = `struct Node impl Drop {
    id: i32,
    peer: Option<Gc<Node>>,
    reg: Gc<Option<Gc<Node>>>,
    fn drop()! {
        println("drop {}", self.id);
        match self.peer { Some(p) => { self.reg.set(Some(p)); }, None => {} }
    }
}
`;

describe('gc_collect and drops that store handles', () => {
  it('a drop storing a handle to an object of the same collection where the program reaches it aborts as a use-after-free', () => {
    const r = runVex(`${NODE}fn main() {
    let reg: Gc<Option<Gc<Node>>> = Gc(None);
    {
        let a = Gc(Node { id: 1, peer: None, reg: reg });
        let b = Gc(Node { id: 2, peer: Some(a), reg: reg });
    }
    println("freed {}", gc_collect());
    match reg.get() { Some(n) => println(n.get().id), None => println("none") }
}`);
    expect(r.exitCode).toBe(134);
    expect(r.stdout).toBe('drop 1\ndrop 2\n');
    expect(r.stderr).toContain('error: use-after-free: a drop() run by gc_collect stored a handle to an object that collection freed');
    expect(r.stderr).toMatch(/accessed at main \(test\.vx:16:25\)/);
    expect(r.stderr).toMatch(/allocated at main \(test\.vx:13:17\)/);
  });

  it('a drop storing a handle to a live object, or to another freed object nobody reaches, is fine', () => {
    const r = runVex(`${NODE}fn main() {
    let reg: Gc<Option<Gc<Node>>> = Gc(None);
    let live = Gc(Node { id: 9, peer: None, reg: reg });
    {
        let a = Gc(Node { id: 1, peer: Some(live), reg: reg });
    }
    println("freed {}", gc_collect());
    match reg.get() { Some(n) => println("peer", n.get().id), None => println("none") }
    {
        let reg2: Gc<Option<Gc<Node>>> = Gc(None);
        let inner = Gc(Node { id: 3, peer: None, reg: reg2 });
        let b = Gc(Node { id: 4, peer: Some(inner), reg: reg2 });
    }
    println("freed {}", gc_collect());
}`);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('drop 1\nfreed 1\npeer 9\ndrop 3\ndrop 4\nfreed 3\n');
  });
});
