// Run in a Node worker thread by deep-host.test.ts (a context with its own host stack, as the
// browser's Web Worker is): the thresholds this thread's probe gives, and what runs with them.
import { parentPort, workerData } from 'node:worker_threads';
import { runVex } from './run-helpers.test-util';
import { deepThresholds, hostStackProbe, hostStackScale } from '../../runtime/core/host-stack';
import { MIXED } from './deep-mixed.test-util';

const MiB = 1 << 20;
// MIXED's light function alone (the frame host-stack.ts's probe imitates), recursing until the host stack ends
const LIGHT = `fn light(n: i32, a: i64, b: i64): i64 {
    if n == 0 { return 0; }
    return light(n - 1, (a + (b * 3 + a * b)) % 1000, ((b + 7) * (a + 3) - b) % 1000) + 1;
}
fn main() { println("{}", light(10000000, 1, 2)); }
`;
const reach = (src: string) => Number(/ran out at depth (\d+)/.exec(runVex(src, { stackSize: 2 ** 40, deepAt: 1e9 }).stderr)?.[1] ?? 0);

export interface HostReport {
  probe: number; scale: number; at: number; lightAt: number;
  /** The worst mix of plain frames at these thresholds (MIXED), then heap frames. */
  mixed: { stdout: string; stderr: string; exitCode: number };
  /** How deep MIXED's light function recurses plain before the host stack runs out. */
  lightReach: number;
}

if (parentPort) {
  const probe = hostStackProbe(); // the thread's first probe, as its first run would take it
  const { at, lightAt } = deepThresholds();
  const r = runVex(MIXED(lightAt - at + 2, 20_000, at), { stackSize: 32 * MiB });
  const report: HostReport = {
    probe, scale: hostStackScale(), at, lightAt,
    mixed: { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode },
    lightReach: workerData?.reach ? reach(LIGHT) : 0,
  };
  parentPort.postMessage(report);
}
