// What crosses postMessage: toWire → structured clone (with its transfer list) → fromWire gives
// back exactly the messages the handler posted (same events, same fields, same order).
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../runtime/api';
import { handleMessage } from './handlers';
import type { FromWorker } from './protocol';
import { fromWire, toWire } from './wire';
import { EventBatcher, type BatchCaps } from './batcher';

const SETTINGS = { stackSize: 1 << 20, heapLimit: 64 << 20, panic: 'unwind' as const, fuel: 10_000_000 };

/** The handler's messages of a run, and the same messages after crossing the wire. */
function both(text: string): { sent: FromWorker[]; got: FromWorker[]; packed: number } {
  const sent: FromWorker[] = [];
  const got: FromWorker[] = [];
  let packed = 0;
  let t = 0;
  const post = (m: FromWorker) => {
    sent.push(structuredClone(m));
    const w = toWire(m);
    if ('objs' in w.msg) packed += w.msg.objs.n;
    got.push(fromWire(structuredClone(w.msg, { transfer: w.transfer })));
  };
  // a clock that moves 10 ms a call: batches are flushed often, mid-run too
  handleMessage({ type: 'run', id: 1, files: [{ name: 'p.vx', text }], entry: 'p.vx', settings: SETTINGS }, { post, now: () => (t += 10) });
  return { sent, got, packed };
}

const PROGRAM = `async fn work(i: i32): i32 {
    await sleep(Duration.from_millis((i % 7) as i64));
    println("work {}", i);
    return i * 2;
}
async fn fan(n: i32): i32 {
    let! fs = Vec<Future<i32>>.new();
    for i in 0..n { fs.push(work(i)); }
    let! sum = 0;
    for i in 0..n { sum += await fs[i]; }
    return sum;
}
fn main() {
    let! ch: Channel<i32> = Channel(2);
    go { for i in 0..50 { ch.send(i); } };
    for i in 0..50 {
        let got = <-ch;
        let r = catch_panic(|| { if got % 2 == 0 { panic(f"even {got}"); } return got; });
        println("line {} {}", i, r.is_ok());
    }
    println("sum {}", block_on(fan(300)));
    let v: Vec<i32> = Vec();
    println("{}", v[3]);
}
`;

describe('the wire between the run worker and the UI', () => {
  it('gives the UI every message exactly as the handler posted it', () => {
    const { sent, got, packed } = both(PROGRAM);
    expect(JSON.stringify(got)).toBe(JSON.stringify(sent));
    // the frequent events did travel as columns (output, spawns and ends: 950 of them)
    expect(packed).toBeGreaterThan(600);
    const trace = got.flatMap((m) => (m.type === 'events' ? m.trace : []));
    for (const t of ['output', 'task-spawn', 'task-end', 'panic', 'exit'] as const) expect(trace.some((e) => e.t === t), t).toBe(true);
  });

  it('packs only the shapes it puts back; others stay objects in their places', () => {
    const trace: TraceEvent[] = [];
    for (let i = 0; i < 40; i++) {
      trace.push({ t: 'output', stream: i % 3 ? 'stdout' : 'stderr', text: `line ${i}\n` });
      if (i % 10 === 0) trace.push({ t: 'output', stream: 'stdout', text: 'odd', extra: i } as unknown as TraceEvent);
      if (i % 7 === 0) trace.push({ t: 'task-end', task: i, clock: i / 3 });
      if (i % 9 === 0) trace.push({ t: 'task-spawn', task: i, parent: 0, name: 'n' + i, stackSize: 1024, clock: 0.5, site: i % 2 ? null : { file: 'a.vx', line: i, col: 1 } });
      if (i % 11 === 0) trace.push({ t: 'task-spawn', task: i, parent: 0, name: 'no site', stackSize: 1024, clock: 0 });
    }
    const m: FromWorker = { type: 'events', id: 3, output: [], trace, dropped: 0 };
    const before = JSON.stringify(m);
    const w = toWire(m);
    expect('objs' in w.msg).toBe(true);
    if (!('objs' in w.msg)) return;
    // the events with an extra field or no site stayed objects
    expect(w.msg.trace.map((e) => e.t === 'output' ? 'o' : 's')).toEqual([...'osososos']);
    expect(w.transfer).toHaveLength(3);
    const back = fromWire(structuredClone(w.msg, { transfer: w.transfer }));
    expect(JSON.stringify(back)).toBe(before);
    expect(JSON.stringify(m)).toBe(before); // the handler's message is not changed
  });

  it('sends an output text once when the batch\'s output chunks are exactly its output events\' texts', () => {
    // the batcher's own batches: chunks and events from the same appends (stderr between stdout runs)
    const batch = (caps: BatchCaps) => {
      const b = new EventBatcher(caps);
      for (let i = 0; i < 300; i++) {
        b.addTrace({ t: 'output', stream: i % 50 === 7 ? 'stderr' : 'stdout', text: i % 20 === 3 ? `two\nlines ${i}\n` : `line ${i}é\n` });
        if (i % 13 === 0) b.addTrace({ t: 'task-spawn', task: i, parent: 0, name: 'n' + i, stackSize: 1024, clock: 0.5, site: null });
      }
      const m: FromWorker = { type: 'events', id: 1, ...b.take() };
      return m;
    };
    const big = { maxChunks: 1e9, maxLines: 1e9, maxTrace: 1e9, runOutputLineLimit: 1e9 };
    // under the caps: texts in the chunks only; over them (chunks, lines or events trimmed
    // differently): each event's own text, as before
    for (const [caps, once] of [[big, true], [{ ...big, maxLines: 100 }, false], [{ ...big, maxTrace: 100 }, false], [{ ...big, maxChunks: 3 }, false], [{ ...big, maxLines: 100, maxTrace: 60 }, false]] as const) {
      const m = batch(caps);
      const before = JSON.stringify(m);
      const w = toWire(m);
      if (!('objs' in w.msg)) throw new Error('not packed');
      expect(w.msg.objs.lens !== undefined, JSON.stringify(caps)).toBe(once);
      // spawn names only, or the output texts too
      expect(w.msg.objs.strs.filter((x) => !/^n\d+$/.test(x)).length > 0).toBe(!once);
      const back = fromWire(structuredClone(w.msg, { transfer: w.transfer }));
      expect(JSON.stringify(back)).toBe(before);
    }
  });

  it('leaves small batches and other messages as they are', () => {
    const m: FromWorker = { type: 'events', id: 1, output: [], trace: [{ t: 'output', stream: 'stdout', text: 'hi\n' }], dropped: 0 };
    expect(toWire(m).msg).toBe(m);
    const d: FromWorker = { type: 'hover', id: 2, text: 'x' };
    expect(toWire(d)).toEqual({ msg: d, transfer: [] });
    expect(fromWire(d)).toBe(d);
  });
});
