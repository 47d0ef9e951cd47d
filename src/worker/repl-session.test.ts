// The Console's session in the worker: cells keep their state between messages, each cell's trace
// streams as `events` with its id before its `repl-result`, and a reset starts a fresh machine.
import { describe, expect, it } from 'vitest';
import type { FromWorker } from './protocol';
import { handleMessage } from './handlers';

const settings = { stackSize: 1 << 20, heapLimit: 1 << 26, panic: 'unwind' as const, fuel: 0 };
let id = 0;
function send(cell: string | null): FromWorker[] {
  const out: FromWorker[] = [];
  let t = 0;
  const msg = cell === null ? { type: 'repl-reset' as const, id: ++id, settings } : { type: 'repl' as const, id: ++id, cell, settings };
  handleMessage(msg, { post: (m) => out.push(m), now: () => (t += 100) });
  return out;
}
const resultOf = (ms: FromWorker[]) => {
  const r = ms.at(-1)!;
  if (r.type !== 'repl-result') throw new Error(`expected repl-result, got ${r.type}`);
  return r;
};

describe('worker REPL session', () => {
  it('keeps values between cells and streams each cell\'s events first', () => {
    send(null);
    const a = send('let! v = Vec<i32>.new();\nv.push(1);');
    expect(a.some((m) => m.type === 'events' && m.trace.some((e) => e.t === 'alloc'))).toBe(true);
    expect(a.every((m) => 'id' in m && m.id === id)).toBe(true);
    const b = send('v');
    expect(resultOf(b).result).toMatchObject({ kind: 'ran', ok: true, echo: '[1]' });
    expect(resultOf(b).fresh).toBe(false);
    const ev = b.find((m) => m.type === 'events');
    expect(ev && ev.type === 'events' && ev.output.map((c) => c.text).join('')).toBe('[1]\n');
  });

  it('a panic reports its info; a reset forgets the session', () => {
    const p = resultOf(send('panic("no");'));
    expect(p.result.ok).toBe(false);
    expect(p.result.panic?.message).toBe('no');
    expect(resultOf(send('v.len()')).result.echo).toBe('1');
    const r = resultOf(send(null));
    expect(r.fresh).toBe(true);
    expect(resultOf(send('v')).result.kind).toBe('error');
  });
});
