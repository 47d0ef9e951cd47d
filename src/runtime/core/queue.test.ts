// The scheduler's containers: FIFO order across ring-buffer growth and wrap-around (undefined
// items included: a Channel<()> buffers them), and the timer heap's (time, sequence) order.
import { describe, it, expect } from 'vitest';
import { Fifo, MinHeap } from './queue';

describe('Fifo', () => {
  it('keeps FIFO order while growing and wrapping around', () => {
    const q = new Fifo<number>();
    const model: number[] = [];
    let next = 0;
    // interleave pushes and shifts so the head moves through the ring while it grows
    for (let round = 0; round < 200; round++) {
      for (let i = 0; i < (round % 7) + 1; i++) { q.push(next); model.push(next); next++; }
      for (let i = 0; i < (round % 5); i++) expect(q.shift()).toBe(model.shift());
      expect(q.length).toBe(model.length);
      expect(q.peek()).toBe(model[0]);
    }
    expect([...q]).toEqual(model);
    expect(q.drain()).toEqual(model);
    expect(q.length).toBe(0);
    expect(q.shift()).toBeUndefined();
  });

  it('holds undefined items (counted by length, not by the value)', () => {
    const q = new Fifo<unknown>();
    q.push(undefined); q.push(1); q.push(undefined);
    expect(q.length).toBe(3);
    expect(q.drain()).toEqual([undefined, 1, undefined]);
  });
});

describe('MinHeap', () => {
  it('pops by time, equal times in insertion order', () => {
    type T = { at: number; seq: number };
    const h = new MinHeap<T>((x, y) => x.at < y.at || (x.at === y.at && x.seq < y.seq));
    const items: T[] = [];
    let seq = 0;
    for (let i = 0; i < 500; i++) items.push({ at: (i * 7919) % 37, seq: seq++ });
    for (const x of items) h.push(x);
    const out: T[] = [];
    for (let x = h.pop(); x; x = h.pop()) out.push(x);
    const sorted = [...items].sort((a, b) => a.at - b.at || a.seq - b.seq);
    expect(out).toEqual(sorted);
    expect(h.length).toBe(0);
  });
});
