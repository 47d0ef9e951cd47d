// Web Worker entry: owns compile and run. The UI terminates this worker to stop a run.
/// <reference lib="webworker" />
import { handleMessage } from './handlers';
import type { FromWorker, ToWorker } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = {
  post: (m: FromWorker) => scope.postMessage(m),
  now: () => performance.now(),
};

scope.onmessage = (e: MessageEvent<ToWorker>) => handleMessage(e.data, host);
host.post({ type: 'ready' });
