// Test helper: run f and return the VexFault it raises (any other outcome fails the test).
import { VexFault } from './fault';

export function catchFault(f: () => unknown): VexFault {
  try {
    f();
  } catch (e) {
    if (e instanceof VexFault) return e;
    throw e;
  }
  throw new Error('expected a VexFault');
}
