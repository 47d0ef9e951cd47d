// Runaway resource use: endless loops, spawning, allocation, output, recursion, async loops and
// Map churn. Each must end cleanly at a limit (fuel, heap, output) or a stack overflow, quickly:
// never a hang, a JS heap exhaustion or an internal error.
import type { Rng } from './rng';
import type { FuzzCase } from './types';

const BODIES: [string, string][] = [
  ['loop', 'fn main() {\n    let! x: i64 = 0;\n    loop { x += 1; }\n}\n'],
  ['while', 'fn main() {\n    let! x: u8 = 0;\n    while true { x += 1; }\n}\n'],
  ['spawn', 'fn main() {\n    loop { go { let v = 1; }; }\n}\n'],
  ['spawn-blocked', 'fn main() {\n    let! ch: Channel<i32> = Channel(0);\n    loop { go { ch.recv(); }; }\n}\n'],
  ['vec', 'fn main() {\n    let! v = Vec<i64>();\n    loop { v.push(1); }\n}\n'],
  ['string', 'fn main() {\n    let! s = String.from("ab");\n    loop { s.push_str("abcdefgh"); }\n}\n'],
  ['box', 'fn main() {\n    let! v = Vec<Box<i64>>();\n    loop { v.push(Box(7)); }\n}\n'],
  ['map-grow', 'fn main() {\n    let! m = Map<i64, i64>();\n    let! i: i64 = 0;\n    loop { m.insert(i, i); i += 1; }\n}\n'],
  ['map-churn', 'fn main() {\n    let! m = Map<i64, i64>();\n    loop { m.insert(1, 2); m.remove(1); }\n}\n'],
  ['output', 'fn main() {\n    loop { println("spam spam spam"); }\n}\n'],
  ['recursion', 'fn f(n: i64): i64 { return f(n + 1) + 1; }\nfn main() {\n    println("{}", f(0));\n}\n'],
  ['async-loop', 'async fn spin(): i64 {\n    loop { await sleep(Duration.from_millis(1)); }\n    return 0;\n}\nfn main() {\n    println("{}", block_on(spin()));\n}\n'],
  ['gc', 'struct N { next: Option<Gc<N>> }\nfn main() {\n    loop { let a = Gc(N { next: None }); a.set(N { next: Some(a) }); }\n}\n'],
  ['alloc', 'fn main() {\n    loop { let p = alloc(4096); }\n}\n'],
  ['catch-loop', 'fn main() {\n    loop { let r = catch_panic(|| panic("again")); }\n}\n'],
  ['big-array', 'fn main() {\n    let! v = Vec<[i64; 512]>();\n    loop { v.push([0; 512]); }\n}\n'],
  ['string-methods', 'fn main() {\n    let! big = String.new();\n    for i in 0..256 { big.push("abcdefgh"); }\n    let t = big.text();\n    let! kept = Vec<String>();\n    loop { kept.push(t.upper()); kept.push(t.replace("a", "bb")); }\n}\n'],
  ['element-clones', 'struct P { n: i64, name: String }\nfn main() {\n    let! ps = Vec<P>();\n    ps.push(P { n: 1, name: String.from("abcdefgh") });\n    loop { let c = ps[ps.len() - 1].clone(); ps.push(c); }\n}\n'],
  ['closure-env', 'fn main() {\n    let! fs = Vec<fn(): i64>();\n    loop { let a = [1u8; 4096]; fs.push(|| a[0] as i64); }\n}\n'],
  ['ping-pong', 'fn main() {\n    let! a: Channel<i32> = Channel(0);\n    let! b: Channel<i32> = Channel(0);\n    go { loop { b.send(a.recv() + 1); } };\n    loop { a.send(1); b.recv(); }\n}\n'],
];

export function genRunaway(r: Rng): FuzzCase {
  const [name, text] = r.pick(BODIES);
  const fuel = r.pick([1_000, 200_000, 1_000_000, 2_000_000]);
  return {
    category: 'runaway',
    text: `// runaway: ${name}\n${text}`,
    options: { fuel, heapLimit: r.pick([1 << 20, 16 << 20, 64 << 20]) },
    expect: { outcomes: ['limit:fuel', 'limit:heap', 'limit:output', 'aborted', 'panicked'] },
  };
}
