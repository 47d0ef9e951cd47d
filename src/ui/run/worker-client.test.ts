// WorkerClient with a fake Worker: crash recovery, Stop (terminate + fresh worker), request routing.
import { describe, expect, it, vi } from 'vitest';
import { WorkerClient } from './worker-client';

class FakeWorker {
  static all: FakeWorker[] = [];
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  sent: unknown[] = [];
  terminated = false;
  constructor() { FakeWorker.all.push(this); }
  postMessage(m: unknown) { this.sent.push(m); }
  terminate() { this.terminated = true; }
  reply(data: unknown) { this.onmessage?.({ data }); }
}

const make = () => {
  FakeWorker.all = [];
  const c = new WorkerClient(() => new FakeWorker() as unknown as Worker);
  c.start();
  return c;
};

describe('WorkerClient', () => {
  it('answers hover/complete requests by id and forwards other messages', async () => {
    const c = make();
    const seen: unknown[] = [];
    c.onMessage = (m) => seen.push(m);
    const p = c.hover([], 'main.vx', 3);
    const w = FakeWorker.all[0];
    const req = w.sent[0] as { id: number };
    w.reply({ type: 'diagnostics', id: 999, diagnostics: [], exports: [] });
    w.reply({ type: 'hover', id: req.id, text: 'i32' });
    expect(await p).toBe('i32');
    expect(seen).toEqual([{ type: 'diagnostics', id: 999, diagnostics: [], exports: [] }]);
  });

  it('restarts a crashed worker and reports the crash', () => {
    const c = make();
    const onCrash = vi.fn();
    c.onCrash = onCrash;
    FakeWorker.all[0].onerror!({ message: 'boom', preventDefault() {} });
    expect(FakeWorker.all).toHaveLength(2);
    expect(FakeWorker.all[0].terminated).toBe(true);
    expect(onCrash).toHaveBeenCalledWith('boom');
    c.check([{ name: 'main.vx', text: '' }]);
    expect(FakeWorker.all[1].sent).toHaveLength(1);
  });

  it('restart terminates at once, settles pending requests, and the next run goes to a fresh worker', async () => {
    const c = make();
    const pending = c.complete([], 'main.vx', 0);
    c.run([{ name: 'main.vx', text: 'fn main() {}' }], 'main.vx', { stackSize: 1024, heapLimit: 4096, panic: 'unwind', fuel: 0 });
    c.restart();
    expect(FakeWorker.all[0].terminated).toBe(true);
    expect(await pending).toEqual([]);
    c.run([{ name: 'main.vx', text: 'fn main() {}' }], 'main.vx', { stackSize: 1024, heapLimit: 4096, panic: 'unwind', fuel: 0 });
    expect(FakeWorker.all[1].sent).toEqual([expect.objectContaining({ type: 'run' })]);
  });
});

describe('WorkerClient timeouts', () => {
  it('a hover the worker never answers resolves to null after the timeout', async () => {
    vi.useFakeTimers();
    try {
      const c = make();
      const p = c.hover([], 'main.vx', 0);
      vi.advanceTimersByTime(3001);
      expect(await p).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
