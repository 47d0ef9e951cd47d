// Each execution of a `let` in a loop is its own binding (issue #14): closures, go and async blocks
// made in different iterations must not share one variable, whatever the captured value's type
// and whether the program uses Gc (Gc made fn values collector roots, declared per function).
// Also: a for-in over a temporary whose body moves the loop variable out drops every element and
// the buffer exactly once.
import { describe, it, expect } from 'vitest';
import { runVex } from './run-helpers.test-util';

// capture shapes: [declarations in the loop body (iteration `i`), the closure pushed]
const SHAPES: [string, string, string][] = [
  ['array', 'let a = [i as u8; 300];', '|| a[0] as i64'],
  ['fn value', 'let a = [i as u8; 300]; let f = || a[0] as i64;', '|| f()'],
  ['String', 'let s = i.to_string();', '|| s.parse<i64>().unwrap_or(-1)'],
  ['let! Vec', 'let! v = Vec<i64>(); v.push(i as i64);', '|| v[0]'],
  ['struct', 'let p = P { x: i as i64 };', '|| p.x'],
  ['Gc', 'let g = Gc(i as i64);', '|| g.get()'],
  ['fn over Gc', 'let g = Gc(i as i64); let f = || g.get();', '|| f()'],
];

const prog = (decl: string, clo: string, gc: boolean, loop: 'for' | 'while') => `struct P { x: i64 }
fn main() {
    ${gc ? 'let keep = Gc(1);' : ''}
    let! fs = Vec<fn(): i64>();
    ${loop === 'for' ? 'for i in 0..4 {' : 'let! i = 0; while i < 4 {'}
        ${decl}
        fs.push(${clo});
        ${loop === 'while' ? 'i += 1;' : ''}
    }
    ${gc ? 'gc_collect();' : ''}
    for g in fs { print("{} ", g()); }
}
`;

describe('closures made in a loop keep their own iteration\'s bindings', () => {
  for (const [name, decl, clo] of SHAPES) {
    for (const gc of [false, true]) {
      for (const loop of ['for', 'while'] as const) {
        it(`${name}, ${loop} loop, ${gc ? 'with' : 'without'} Gc`, () => {
          expect(runVex(prog(decl, clo, gc, loop)).stdout).toBe('0 1 2 3 ');
        });
      }
    }
  }

  it('a captured let! stays one variable for the closure and its iteration', () => {
    const r = runVex(`fn main() {
    let g = Gc(0);
    let! fs = Vec<fn(): i64>();
    for i in 0..2 {
        let! v = Vec<i64>();
        let f = || { v.push(1); v.len() as i64 };
        v = Vec<i64>();
        v.push(5);
        v.push(6);
        println("{}", f());
        fs.push(f);
    }
}
`);
    expect(r.stdout).toBe('3\n3\n');
  });

  it('tasks spawned in a loop see their own iteration', () => {
    const r = runVex(`fn main() {
    let g = Gc(0);
    for i in 0..3 {
        let s = i.to_string();
        go { print("{} ", s); };
    }
}
`);
    expect(r.stdout).toBe('0 1 2 ');
  });
});

describe('for-in over a temporary whose body moves the loop variable', () => {
  const HEAD = `struct D impl Drop {
    id: i32,
    fn drop()! { println("drop {}", self.id); }
}
fn ds(n: i32): Vec<D> { let! v = Vec<D>(); for i in 0..n { v.push(D { id: i }); } return v; }
fn keep(d: D, into: &Vec<D>!) { into.push(d); }
`;
  for (let mask = 0; mask < 16; mask++) {
    for (const stop of [-1, 2]) {
      it(`moves ids in mask ${mask}${stop >= 0 ? `, break at ${stop}` : ''}: each element dropped once`, () => {
        const r = runVex(`${HEAD}fn main() {
    let! kept = Vec<D>();
    for d in ds(4) {
        if d.id == ${stop} { break; }
        if ((${mask} >> d.id) & 1) == 1 { keep(d, &kept!); }
    }
    println("loop done");
    kept.clear();
    let s = runtime_stats();
    println("live {} {}", s.live_bytes, kept.capacity() * 4);
}
`);
        const lines = r.stdout.trim().split('\n');
        const drops = lines.filter((l) => l.startsWith('drop ')).map((l) => Number(l.slice(5))).sort();
        expect(drops).toEqual([0, 1, 2, 3]);
        // the ones not moved are dropped by the loop (each at its iteration's end, or the rest
        // after a break), the moved ones by clear()
        const inLoop = lines.slice(0, lines.indexOf('loop done')).map((l) => Number(l.slice(5)));
        const moved = [0, 1, 2, 3].filter((i) => (stop < 0 || i < stop) && ((mask >> i) & 1) === 1);
        expect(inLoop.sort()).toEqual([0, 1, 2, 3].filter((i) => !moved.includes(i)));
        // nothing but the kept Vec's buffer (4 bytes an element) is live
        const [live, buf] = lines[lines.length - 1].split(' ').slice(1);
        expect(live).toBe(buf);
      });
    }
  }
});
