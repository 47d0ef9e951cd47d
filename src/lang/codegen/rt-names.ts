// The runtime names generated code may emit, taken only from the contract's lists
// (common/rt-contract.ts): a name the runtime does not provide does not type-check.
import type { HelperFn, HostFn, LibFn, SchedFn } from '../../common/rt-contract';

export const rtH = (n: HostFn): string => `rt.H.${n}`;
export const rtL = (n: LibFn): string => `rt.L.${n}`;
export const rtS = (n: SchedFn): string => `rt.S.${n}`;
export const rtX = (n: HelperFn): string => `rt.X.${n}`;
