// Tasks, channels and async: fan-out/fan-in through channels of random capacity (the total is
// known), async fns sleeping on the virtual clock and awaited in random order (the sum is known).
import type { Rng } from './rng';
import type { FuzzCase } from './types';

export function genTasks(r: Rng): FuzzCase {
  const W = r.int(1, 5), K = r.int(0, 20), cap = r.int(0, 4), cap2 = r.int(0, 4);
  const lines = [
    'fn main() {',
    `    let! ch: Channel<i64> = Channel(${cap});`,
    `    let! done: Channel<i64> = Channel(${cap2});`,
    `    for w in 0..${W} {`,
    '        go {',
    '            let! s: i64 = 0;',
    `            for i in 0..${K} { s += <-ch; }`,
    '            done.send(s);',
    '        };',
    '    }',
    `    for i in 0..${W * K} { ch.send(i); }`,
    '    let! tot: i64 = 0;',
    `    for w in 0..${W} { tot += done.recv(); }`,
    '    println("{}", tot);',
  ];
  let out = `${((W * K) * (W * K - 1)) / 2}\n`;
  if (r.bool(0.4)) {
    // thread-local counters are per task
    lines.unshift('thread_local let! hits: i32 = 0;');
    lines.push('    let! back: Channel<i32> = Channel(1);', `    go { for i in 0..${K} { hits += 1; } back.send(hits); };`, '    println("{} {}", back.recv(), hits);');
    out += `${K} 0\n`;
  }
  lines.push('}');
  return { category: 'tasks', text: lines.join('\n') + '\n', expect: { stdout: out, exit: 0 } };
}

export function genAsync(r: Rng): FuzzCase {
  const n = r.int(1, 6);
  const lines = [
    'async fn work(id: i64, ms: u64): i64 {',
    '    await sleep(Duration.from_millis(ms));',
    '    return id * 10;',
    '}',
    'async fn all(): i64 {',
  ];
  for (let i = 0; i < n; i++) lines.push(`    let f${i} = work(${i}, ${r.int(0, 50)});`);
  const order = Array.from({ length: n }, (_, i) => i).sort(() => 0).map((i) => i);
  for (let i = n - 1; i > 0; i--) { const j = r.int(0, i); [order[i], order[j]] = [order[j], order[i]]; }
  lines.push('    let! s: i64 = 0;');
  for (const i of order) lines.push(`    s += await f${i};`);
  lines.push('    return s;', '}', 'fn main() {', '    println("{}", block_on(all()));');
  let out = `${(n * (n - 1) / 2) * 10}\n`;
  if (r.bool(0.4)) {
    lines.push('    let r = catch_panic(|| block_on(boom()));', '    println("{}", r.is_err());');
    lines.unshift('async fn boom(): i64 { await sleep(Duration.from_millis(1)); panic("boom"); }');
    out += 'true\n';
  }
  lines.push('}');
  return { category: 'async', text: lines.join('\n') + '\n', expect: { stdout: out, exit: 0 } };
}
