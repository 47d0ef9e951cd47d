// Boxes in enum fields are stored flat (content + block slot in the enum object, DESIGN.md
// "Boxes in enum fields"), and heap events reach the kept trace through the heap log. These tests
// pin the behaviour a VBox per box had: one block per box, freed once, in the same trace order.
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';
import type { TraceEvent } from '../../runtime/api';

type HeapEv = Extract<TraceEvent, { t: 'alloc' | 'free' | 'realloc' }>;
const heapEvents = (trace: TraceEvent[]) => trace.filter((e): e is HeapEv => e.t === 'alloc' || e.t === 'free' || e.t === 'realloc');
const addrOf = (e: HeapEv) => (e.t === 'realloc' ? e.to : e.addr);

const LIST = `enum List {
    Nil,
    Cons(i32, Box<List>),
}
`;

describe('boxes in enum fields', () => {
  it('Box(x) written into a variant allocates a block but no VBox; *l frees it through the field', () => {
    const r = runVex(LIST + `fn sum(l: List): i32 {
    return match l {
        List.Nil => 0,
        List.Cons(v, next) => v + sum(*next),
    };
}
fn main() {
    let l = List.Cons(1, Box(List.Cons(2, Box(List.Nil))));
    println("{}", sum(l));
}
`);
    expect(r.stdout).toBe('3\n');
    expect(r.js).toContain('$bnew(');
    expect(r.js).not.toContain('$box(');
    expect(r.js).toMatch(/\$bfree\(v_\w+\.\$b[01]\), v_\w+\.\$b[01] = 0/); // `*l` moving out frees the block in place
    const ev = heapEvents(r.trace);
    expect(ev.map((e) => e.t)).toEqual(['alloc', 'alloc', 'free', 'free']);
    // each block is freed exactly once
    expect(new Set(ev.filter((e) => e.t === 'free').map(addrOf))).toEqual(new Set(ev.filter((e) => e.t === 'alloc').map(addrOf)));
    expect(r.stats).toMatchObject({ allocs: 2, frees: 2, liveBytes: 0 });
  });

  it('a field binding moved out of an owned enum takes its block along: freed once, by its new owner', () => {
    const r = runVex(LIST + `fn open(b: Box<List>): List { return *b; }
fn count(l: List): i32 {
    return match l {
        List.Nil => 0,
        List.Cons(_, next) => 1 + count(open(next)),
    };
}
fn main() {
    let l = List.Cons(1, Box(List.Cons(2, Box(List.Cons(3, Box(List.Nil))))));
    println("{}", count(l));
}
`);
    expect(r.outcome).toEqual({ kind: 'exited', code: 0 });
    expect(r.stdout).toBe('3\n');
    expect(r.js).toContain('$detach(');
    expect(r.stats).toMatchObject({ allocs: 3, frees: 3, liveBytes: 0 });
  });

  it('a field binding used by reference is a view on the enum\'s box', () => {
    const r = runVex(LIST + `fn head(b: &Box<List>): i32 {
    return match &*(*b) {
        List.Nil => -1,
        List.Cons(v, _) => v,
    };
}
fn second(l: &List): i32 {
    return match l {
        List.Nil => -1,
        List.Cons(_, next) => head(&next),
    };
}
fn main() {
    let l = List.Cons(1, Box(List.Cons(2, Box(List.Nil))));
    println("{}", second(&l));
}
`);
    expect(r.outcome).toEqual({ kind: 'exited', code: 0 });
    expect(r.stdout).toBe('2\n');
    expect(r.js).toContain('new $BV(');
    expect(r.stats).toMatchObject({ allocs: 2, frees: 2, liveBytes: 0 });
  });

  it('a subtree moved out of a matched tree outlives it; the rest is freed with the tree', () => {
    const r = runVex(`enum Tree {
    Leaf,
    Node(Box<Tree>, Box<Tree>),
}
fn size(t: &Tree): i32 {
    return match t {
        Tree.Leaf => 1,
        Tree.Node(l, r) => 1 + size(&*l) + size(&*r),
    };
}
fn left(t: Tree): Box<Tree> {
    return match t {
        Tree.Leaf => Box(Tree.Leaf),
        Tree.Node(l, r) => l,
    };
}
fn main() {
    let t = Tree.Node(Box(Tree.Node(Box(Tree.Leaf), Box(Tree.Leaf))), Box(Tree.Leaf));
    let l = left(t);
    let s = runtime_stats();
    println("{} {} {}", size(&*l), s.frees, s.live_bytes);
}
`);
    // 4 boxes: the right leaf's is freed with t; the left subtree (3 boxes) lives on in l
    expect(r.stdout).toBe('3 1 24\n');
    expect(r.stats).toMatchObject({ allocs: 4, frees: 4, liveBytes: 0 });
  });

  it('a Box value moved into a field leaves its VBox empty: the block is freed once, with the enum', () => {
    const r = runVex(LIST + `fn main() {
    let b = Box(List.Nil);
    let l = List.Cons(1, b);
    println("{}", l);
}
`);
    expect(r.outcome).toEqual({ kind: 'exited', code: 0 });
    expect(r.stdout).toBe('List.Cons(1, List.Nil)\n');
    expect(r.js).toContain('$bslot(');
    expect(r.stats).toMatchObject({ allocs: 1, frees: 1, liveBytes: 0 });
  });

  it('dropping an enum frees its boxes content first, then the block, depth first', () => {
    const r = runVex(LIST + `fn main() {
    let l = List.Cons(1, Box(List.Cons(2, Box(List.Nil))));
}
`);
    const ev = heapEvents(r.trace);
    // Box(List.Nil) is allocated first (the outer box's content is built before it), and the
    // outer box's drop drops its content (freeing that block) before freeing its own block
    const [nilBox, outerBox] = ev.filter((e) => e.t === 'alloc').map(addrOf);
    expect(nilBox).not.toBe(outerBox);
    expect(ev.filter((e) => e.t === 'free').map(addrOf)).toEqual([nilBox, outerBox]);
    expect(r.stats.liveBytes).toBe(0);
  });

  it('enums holding boxes compare and hash by contents, not by block addresses', () => {
    const r = runVex(LIST + `fn two(): List { return List.Cons(1, Box(List.Cons(2, Box(List.Nil)))); }
fn main() {
    println("{} {}", two() == two(), two() == List.Cons(1, Box(List.Nil)));
    println("{}", Box(5) == Box(5));
    let! m = Map<List, i32>.new();
    m.insert(two(), 7);
    println("{}", m.contains_key(two()));
}
`);
    expect(r.stdout).toBe('true false\ntrue\ntrue\n');
  });
});

describe('heap events in the kept trace', () => {
  it('sit between the output events where they happened', () => {
    const r = runVex(`fn main() {
    println("a");
    let b = Box(1);
    println("b");
}
`);
    const kinds = r.trace.filter((e) => e.t === 'output' || e.t === 'alloc' || e.t === 'free').map((e) => (e.t === 'output' ? e.text.trim() : e.t));
    expect(kinds).toEqual(['a', 'alloc', 'b', 'free']);
    const alloc = r.trace.find((e) => e.t === 'alloc') as Extract<TraceEvent, { t: 'alloc' }>;
    expect(alloc).toMatchObject({ size: 8, align: 8, allocator: 'system', task: 0, site: { file: 'test.vx', line: 3 } });
  });

  it('keeps the first 100,000; a listener sees every one; keepTrace false keeps none', () => {
    const src = `fn main() {
    for i in 0..60000 { let b = Box(i); }
    println("done");
}
`;
    const kept = runVex(src);
    expect(heapEvents(kept.trace).length).toBe(100_000);
    expect(kept.trace[kept.trace.length - 1].t).toBe('exit');
    expect(kept.trace.some((e) => e.t === 'output' && e.text === 'done\n')).toBe(true);
    let seen = 0;
    runVex(src, { onEvent: (e) => { if (e.t === 'alloc' || e.t === 'free') seen++; } });
    expect(seen).toBe(120_000);
    const none = runVex(src, { keepTrace: false });
    expect(heapEvents(none.trace).length).toBe(0);
  });
});

describe('moving pattern bindings out of an owned value', () => {
  it('a Drop value bound in a match and returned is dropped once, by its new owner', () => {
    const r = runVex(`struct Tag impl Drop {
    name: str,
    fn drop()! { println("drop {}", self.name); }
}
fn pick(o: Option<Tag>): Tag {
    return match o {
        Some(t) => t,
        None => Tag { name: "none" },
    };
}
fn main() {
    let t = pick(Some(Tag { name: "x" }));
    println("picked {}", t.name);
}
`);
    expect(r.stdout).toBe('picked x\ndrop x\n');
  });

  it('a String or Vec moved out of a matched Option keeps its heap block', () => {
    const r = runVex(`fn take_s(o: Option<String>): String {
    return match o { Some(s) => s, None => String.from("") };
}
fn take_v(o: Option<Vec<i32>>): Vec<i32> {
    return match o { Some(v) => v, None => Vec<i32>.new() };
}
fn main() {
    let s = take_s(Some(String.from("hello")));
    let! w = Vec<i32>.new();
    w.push(1);
    let! v = take_v(Some(w));
    for i in 0..10 { v.push(i); }
    let st = runtime_stats();
    println("{} {} {}", s, v.len(), st.live_bytes);
}
`);
    // "hello" (5 bytes) and 11 i32 in a Vec of capacity 16 (64 bytes) are live
    expect(r.stdout).toBe('hello 11 69\n');
    expect(r.stats.liveBytes).toBe(0);
  });

  it('a value moved by a match arm is not dropped again by its old owner', () => {
    const r = runVex(`struct Tag impl Drop {
    name: str,
    fn drop()! { println("drop {}", self.name); }
}
fn main() {
    let a = Tag { name: "a" };
    let c = true;
    let r = match c {
        true => a,
        false => Tag { name: "b" },
    };
    println("got {}", r.name);
}
`);
    expect(r.stdout).toBe('got a\ndrop a\n');
  });

  it('the parts not moved out are still dropped with their owner', () => {
    const r = runVex(`struct Tag impl Drop {
    name: str,
    fn drop()! { println("drop {}", self.name); }
}
enum Pair {
    Two(Tag, Tag),
}
fn first(p: Pair): Tag {
    return match p {
        Pair.Two(a, b) => a,
    };
}
fn main() {
    let t = first(Pair.Two(Tag { name: "a" }, Tag { name: "b" }));
    println("kept {}", t.name);
}
`);
    expect(r.stdout).toBe('drop b\nkept a\ndrop a\n');
  });

  it('a binding moved out takes its part when the arm is entered: reassigning the owner does not drop it', () => {
    const r = runVex(`struct Job impl Drop { id: i32, fn drop()! { println("drop job {}", self.id); } }
enum State { Idle, Running(Job), }
fn finish(j: Job) { println("finish {}", j.id); }
fn main() {
    let! state = State.Running(Job { id: 1 });
    match state {
        State.Running(job) => { state = State.Idle; finish(job); }
        State.Idle => {}
    }
    println("end");
}
`);
    expect(r.stdout).toBe('finish 1\ndrop job 1\nend\n');
  });

  it('a binding only read leaves its owner whole; one moved on no path is dropped at the end of its arm', () => {
    const r = runVex(`struct D impl Drop { n: i32, fn drop()! { println("drop {}", self.n); } }
fn take(d: D) { println("took {}", d.n); }
fn main() {
    let o = Some(D { n: 1 });
    match o { Some(d) => println("saw {}", d.n), None => {} }
    println("still {}", o);
    let p = Some(D { n: 2 });
    let c = false;
    match p {
        Some(d) => { if c { take(d); } println("arm end"); }
        None => {}
    }
    println("end");
}
`);
    expect(r.stdout).toBe('saw 1\nstill Some(D { n: 1 })\narm end\ndrop 2\nend\ndrop 1\n');
  });
});

describe('dropping long chains of boxes', () => {
  it('a 200,000-link list is dropped in a loop, not one host frame per link, in the recursive order', () => {
    const r = runVex(LIST + `fn main() {
    let! l = List.Nil;
    for i in 0..200000 { l = List.Cons(i, Box(l)); }
    println("built");
}
`);
    expect(r.outcome).toEqual({ kind: 'exited', code: 0 });
    expect(r.stdout).toBe('built\n');
    expect(r.stats).toMatchObject({ allocs: 200_000, frees: 200_000, liveBytes: 0 });
    const d = runVex(`struct D impl Drop { n: i32, fn drop()! { println("drop {}", self.n); } }
enum L {
    Nil,
    Cons(D, Box<L>),
}
fn main() {
    let l = L.Cons(D { n: 1 }, Box(L.Cons(D { n: 2 }, Box(L.Nil))));
}
`);
    expect(d.stdout).toBe('drop 1\ndrop 2\n');
    const ev = heapEvents(d.trace);
    const allocs = ev.filter((e) => e.t === 'alloc').map(addrOf); // Box(L.Nil) first, then the outer box
    expect(ev.filter((e) => e.t === 'free').map(addrOf)).toEqual(allocs);
  });
});

describe('assigning through a Box', () => {
  it('drops the old content; a box whose content was moved out gets a new block', () => {
    const r = runVex(`struct D impl Drop { n: i32, fn drop()! { println("drop {}", self.n); } }
fn main() {
    let! b = Box(D { n: 1 });
    *b = D { n: 2 };
    b.set(D { n: 3 });
    println("set");
    let y = *b;
    *b = D { n: 4 };
    println("took {} now {}", y.n, (*b).n);
    let! c = Box(5);
    *c += 1;
    println("c {}", *c);
}
`);
    expect(r.stdout).toBe('drop 1\ndrop 2\nset\ntook 3 now 4\nc 6\ndrop 3\ndrop 4\n');
    // b, its new block after the move, c: all freed at the end
    expect(r.stats).toMatchObject({ allocs: 3, frees: 3, liveBytes: 0 });
  });
});

describe('borrowed temporaries', () => {
  it('are dropped when their statement is done (a condition: once decided, each time it runs)', () => {
    const r = runVex(`struct D impl Drop { n: i32, fn drop()! { println("drop {}", self.n); } }
fn peek(d: &D): i32 { return d.n; }
fn mk(n: i32): D { return D { n: n }; }
fn get(n: i32): i32 { return peek(&mk(n)) + 1; }
fn main() {
    println("a {}", peek(&D { n: 1 }));
    println("g {}", get(2));
    if peek(&mk(3)) > 0 { println("in if"); }
    let! i = 4;
    while peek(&mk(i)) < 6 { println("loop {}", i); i += 1; }
    let r = &mk(7);
    println("r {}", r.n);
    let b = Box(D { n: 8 });
    println("b {}", peek(&b.get()));
    println("end");
}
`);
    // the temporary behind \`let r = &…\` lives on (not dropped with its statement) until the end of
    // r's block, after the later locals; \`b.get()\` is the box's own content, not a temporary:
    // dropped once, with b
    expect(r.stdout).toBe('a 1\ndrop 1\ndrop 2\ng 3\ndrop 3\nin if\ndrop 4\nloop 4\ndrop 5\nloop 5\ndrop 6\nr 7\nb 8\nend\ndrop 8\ndrop 7\n');
  });
});

describe('borrowed temporaries on the way out of a statement', () => {
  it('are dropped past a `?`, on break and continue, and once a guard is decided; a value that may hold a reference keeps them', () => {
    const r = runVex(`struct D impl Drop { n: i32, fn drop()! { println("drop {}", self.n); } }
fn mk(n: i32): D { return D { n: n }; }
fn peek(d: &D): i32 { return d.n; }
fn id(d: &D): &D { return d; }
fn q(n: i32): Result<i32, string> { if n > 0 { return Ok(n); } return Err("neg"); }
fn f(n: i32): Result<i32, string> {
    let v = q(peek(&mk(n)))?;
    println("got {}", v);
    return Ok(v);
}
fn main() {
    let a = f(1);
    let b = f(0);
    let! i = 0;
    loop {
        i += 1;
        let x = match peek(&mk(10 + i)) { 11 => continue, 13 => break, n => n };
        println("x {}", x);
    }
    match Some(5) {
        Some(v) if peek(&mk(20 + v)) > 0 => println("guard"),
        _ => {}
    }
    let r = id(&mk(30));
    println("r {}", r.n);
    println("end");
}
`);
    // the temporary r refers to lives until the end of r's block
    expect(r.stdout).toBe('drop 1\ngot 1\ndrop 0\ndrop 11\ndrop 12\nx 12\ndrop 13\ndrop 25\nguard\nr 30\nend\ndrop 30\n');
  });
});

describe('dropping deep values of other recursive types', () => {
  it('a 100,000-node list written as a struct with Option<Box<Node>> drops without host recursion, in order', () => {
    const r = runVex(`struct D impl Drop { n: i32, fn drop()! { if self.n % 25000 == 0 { println("drop {}", self.n); } } }
struct Node {
    d: D,
    next: Option<Box<Node>>,
}
fn main() {
    let! head: Option<Box<Node>> = None;
    for i in 0..100000 {
        head = Some(Box(Node { d: D { n: 100000 - i }, next: head }));
    }
    println("built");
}
`);
    expect(r.outcome).toEqual({ kind: 'exited', code: 0 });
    expect(r.stdout).toBe('built\ndrop 25000\ndrop 50000\ndrop 75000\ndrop 100000\n');
    expect(r.stats).toMatchObject({ allocs: 100_000, frees: 100_000, liveBytes: 0 });
    expect(r.js).toContain('rt.dropQueue.push(');
  });
});

describe('or-patterns', () => {
  it('bind one variable, whichever alternative matched (also for boxes in enum fields)', () => {
    const r = runVex(`enum E {
    A(i32),
    B(i32, i32),
}
enum F {
    P(Box<i32>),
    Q(i32, Box<i32>),
}
fn get(e: E): i32 {
    return match e {
        E.A(x) | E.B(_, x) => x,
    };
}
fn boxed(f: &F): i32 {
    return match f {
        F.P(b) | F.Q(_, b) => *b,
    };
}
fn main() {
    println("{} {} {} {}", get(E.A(1)), get(E.B(2, 3)), boxed(&F.P(Box(4))), boxed(&F.Q(5, Box(6))));
}
`);
    expect(r.stdout).toBe('1 3 4 6\n');
  });
});

describe('drop of a recursive enum that owns nothing', () => {
  it('returns before the deep-drop bookkeeping for a leaf or a node whose boxes were taken, and drops the rest as before', () => {
    const src = `enum T {
    Leaf,
    Tag(String),
    Node(Box<T>, Box<T>),
}
fn count(t: T): i32 {
    return match t {
        T.Leaf => 1,
        T.Tag(_) => 1,
        T.Node(l, r) => 1 + count(*l) + count(*r),
    };
}
fn main() {
    let a = T.Node(Box(T.Tag(String.from("x"))), Box(T.Node(Box(T.Leaf), Box(T.Leaf))));
    println("{}", count(a));
    let b = T.Node(Box(T.Tag(String.from("y"))), Box(T.Leaf)); // dropped whole at the end
}
`;
    const r = runVex(src);
    expect(r.stdout).toBe('5\n');
    // Leaf and an emptied Node return at once; Tag (a String to drop) does not qualify
    expect(r.js).toMatch(/if \(v\.t === 0 \|\| \(v\.t === 2 && v\.\$b0 === 0 && v\.\$b1 === 0\)\) return;/);
    const ev = heapEvents(r.trace);
    expect(ev.filter((e) => e.t === 'alloc').length).toBe(ev.filter((e) => e.t === 'free').length);
    expect(r.stats).toMatchObject({ liveBytes: 0 });
  });
});
