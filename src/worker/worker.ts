// Web Worker entry: owns compile and run. The UI terminates this worker to stop a run.
/// <reference lib="webworker" />
import { handleMessage } from './handlers';
import type { FromWorker, ToWorker } from './protocol';
import { packedBuffers } from './heap-pack';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = {
  // a batch's packed heap events move to the UI thread without a copy
  post: (m: FromWorker) => scope.postMessage(m, m.type === 'events' ? packedBuffers(m) : []),
  now: () => performance.now(),
};

scope.onmessage = (e: MessageEvent<ToWorker>) => handleMessage(e.data, host);
host.post({ type: 'ready' });
