// The names codegen emits on `rt` come from the typed contract: each is `rt.<member>`, and a name
// the contract does not list is a type error (`npx tsc --noEmit` checks the @ts-expect-error lines).
import { describe, expect, it } from 'vitest';
import { RT_MEMBERS, RT_MEMBER_CALLS } from '../../common/rt-contract';
import { RT, rtH, rtIn, rtL, rtS, rtX } from './rt-names';

describe('rt-names', () => {
  it('emits rt.<member> for every member of the contract, and the helper namespaces under theirs', () => {
    expect(Object.keys(RT).sort()).toEqual([...RT_MEMBERS].sort());
    for (const m of RT_MEMBERS) expect(RT[m]).toBe(`rt.${m}`);
    expect([rtH('cat'), rtL('sort'), rtS('go'), rtX('$div')]).toEqual(['rt.host.cat', 'rt.lib.sort', 'rt.sched.go', 'rt.helpers.$div']);
    expect(rtIn('memValues', 'mark')).toBe('rt.memValues.mark');
    for (const [m, fns] of Object.entries(RT_MEMBER_CALLS)) {
      expect(RT_MEMBERS as readonly string[]).toContain(m);
      expect(fns.length).toBeGreaterThan(0);
    }
  });

  it('a name outside the contract does not type-check', () => {
    // @ts-expect-error: the old cryptic name is no Runtime member any more
    expect(RT.sp).toBeUndefined();
    // @ts-expect-error: gc has no `collect` in RT_MEMBER_CALLS
    expect(rtIn('gc', 'collect')).toBe('rt.gc.collect');
    // @ts-expect-error: not a host helper
    expect(rtH('catt')).toBe('rt.host.catt');
  });
});
