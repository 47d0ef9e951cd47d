// The runtime names generated code may emit, taken only from the contract's lists
// (common/rt-contract.ts): a name the runtime does not provide does not type-check.
// Write `${RT.depth}`, `${rtIn('gc', 'enter')}(…)`, `${rtH('cat')}(…)`; never raw `rt.x` text
// (tests/tidy.test.ts).
import { RT_MEMBERS, type HelperFn, type HostFn, type LibFn, type RtMember, type RtMemberCalls, type SchedFn } from '../../common/rt-contract';

/** `rt.<member>` for each Runtime member the contract lists. */
export const RT = Object.freeze(Object.fromEntries(RT_MEMBERS.map((n) => [n, `rt.${n}`]))) as { readonly [K in RtMember]: `rt.${K}` };
/** A method of a Runtime member (`rt.memValues.mark`). */
export const rtIn = <K extends keyof RtMemberCalls>(member: K, fn: RtMemberCalls[K][number]): string => `${RT[member]}.${fn}`;

export const rtH = (n: HostFn): string => `${RT.host}.${n}`;
export const rtL = (n: LibFn): string => `${RT.lib}.${n}`;
export const rtS = (n: SchedFn): string => `${RT.sched}.${n}`;
export const rtX = (n: HelperFn): string => `${RT.helpers}.${n}`;
