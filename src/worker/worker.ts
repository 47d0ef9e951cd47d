// Web Worker entry: owns compile and run. The UI terminates this worker to stop a run.
/// <reference lib="webworker" />
import { handleMessage } from './handlers';
import type { FromWorker, ToWorker } from './protocol';
import { toWire } from './wire';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = {
  // a batch's packed events move to the UI thread without a copy (wire.ts)
  post: (m: FromWorker) => { const w = toWire(m); scope.postMessage(w.msg, w.transfer); },
  now: () => performance.now(),
};

scope.onmessage = (e: MessageEvent<ToWorker>) => handleMessage(e.data, host);
host.post({ type: 'ready' });
