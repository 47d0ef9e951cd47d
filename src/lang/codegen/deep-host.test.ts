// The deep-recursion thresholds sized from the host stack (runtime/core/host-stack.ts): each
// context (here Node worker threads with small and large stacks, and this process) probes its
// own, the worst mix of plain frames fits at the thresholds it gets, and where the switch to
// heap frames happens stays invisible.
import { describe, it, expect } from 'vitest';
import { Worker } from 'node:worker_threads';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { runVex } from './run-helpers.test-util';
import { DEEP_AT, DEEP_LIGHT_AT } from '../../runtime/core/deep';
import { PROBE_REF, deepThresholds, hostStackScale, scaleFor } from '../../runtime/core/host-stack';
import type { HostReport } from './deep-host.test-util';
import type { RunResult } from '../../runtime/api';

// the thread's script, bundled as the site bundles the worker's
const script = join(mkdtempSync(join(tmpdir(), 'vex-deep-host-')), 'thread.mjs');
buildSync({ entryPoints: [fileURLToPath(new URL('./deep-host.test-util.ts', import.meta.url))], bundle: true, format: 'esm', platform: 'node', outfile: script, logLevel: 'error' });

/** One worker thread with `stackSizeMb` of stack (Node's V8 gets that less 192 KiB). */
function inThread(stackSizeMb: number, reach = false): Promise<HostReport> {
  return new Promise((resolve, reject) => {
    const w = new Worker(script, { resourceLimits: { stackSizeMb }, workerData: { reach } });
    w.once('message', (m: HostReport) => { resolve(m); void w.terminate(); });
    w.once('error', reject);
  });
}

describe('thresholds from the host stack', () => {
  it('grow with the stack less a fifth, within bounds, never below the validated constants', () => {
    expect(scaleFor(PROBE_REF)).toBe(1);
    expect(scaleFor(PROBE_REF * 1.2)).toBe(1); // a little more stack: the margin eats it
    expect(scaleFor(PROBE_REF * 2)).toBeCloseTo(1.6);
    expect(scaleFor(PROBE_REF * 0.5)).toBe(1);
    expect(scaleFor(0)).toBe(1);
    expect(scaleFor(PROBE_REF * 100)).toBe(4);
  });

  // threads of about a Chromium worker's stack (0.7 MiB less Node's 192 KiB reserve) and of 4 MiB
  let started: Promise<HostReport[]> | undefined;
  const threads = () => (started ??= Promise.all([inThread(0.7, true), inThread(4, true)]));

  it('a thread with about a Chromium worker\'s stack keeps the validated thresholds; the worst mix fits', async () => {
    const [r] = await threads();
    expect(r.scale).toBe(1);
    expect([r.at, r.lightAt]).toEqual([DEEP_AT, DEEP_LIGHT_AT]);
    expect(r.mixed.stderr).toBe('');
    expect(r.mixed.stdout).toMatch(/^reached \d+\n$/);
    expect(r.mixed.exitCode).toBe(0);
  }, 120_000);

  it('a thread with a 4 MiB stack runs plain four times as deep; the worst mix at those thresholds fits', async () => {
    const [, r] = await threads();
    expect(r.scale).toBe(4);
    expect([r.at, r.lightAt]).toEqual([DEEP_AT * 4, DEEP_LIGHT_AT * 4]);
    expect(r.mixed.stderr).toBe('');
    expect(r.mixed.exitCode).toBe(0);
  }, 120_000);

  it('the probe measures the stack as light frames use it: its counts compare as their depths do', async () => {
    const [small, big] = await threads();
    const ratio = (big.probe / small.probe) / (big.lightReach / small.lightReach);
    expect(ratio).toBeGreaterThan(0.9);
    expect(ratio).toBeLessThan(1.1);
  }, 120_000);

  it('this process (Node\'s main thread, 984 KiB) probes its own stack: more than a Chromium worker\'s', () => {
    expect(hostStackScale()).toBeGreaterThan(1.3);
    expect(deepThresholds().lightAt).toBeGreaterThan(2000);
  });
});

describe('where heap frames take over is invisible', () => {
  const noDeepAt = (e: RunResult['trace'][number]) => {
    if (e.t !== 'start') return e;
    const { deepAt: _, ...options } = e.options;
    return { ...e, options };
  };
  const key = (r: RunResult) => JSON.stringify({ o: r.outcome, out: r.output, trace: r.trace.map(noDeepAt), panic: r.panic, steps: r.steps });
  it('a 200,000-deep recursion at a 64 MiB stack completes without a host overflow, the same at any threshold', () => {
    const src = `fn depth(n: i32, acc: i64): i64 {
    if n == 0 { return acc; }
    let s = f"{n}";
    return depth(n - 1, acc + (n as i64)) - 1 + (s.len() as i64) - (s.len() as i64);
}
fn light(n: i32): i32 { if n == 0 { return 0; } return light(n - 1) + 1; }
fn main() {
    println("{} {}", depth(200000, 0), light(200000));
}
`;
    const opts = { stackSize: 64 << 20 };
    const r = runVex(src, opts);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${200000 * 200001 / 2 - 200000} 200000\n`);
    for (const deepAt of [0, 37]) expect(key(runVex(src, { ...opts, deepAt }))).toBe(key(r));
  });
});
