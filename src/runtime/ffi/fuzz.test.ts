// Bad input never escapes as a JS error: every shim, the printf engine and the checked memory
// API either return or throw a VexFault, whatever garbage they are given.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Memory } from '../memory/memory';
import { VexFault } from '../memory/fault';
import { SystemAllocator } from '../alloc/system';
import { callShim, SHIM_SIGS } from './shims';
import { cprintf, type CArg } from '../format/printf';
import type { ShimContext } from './types';

const anyArg = fc.oneof(
  fc.constantFrom(0, -1, NaN, Infinity, 4096, 1 << 30, 2 ** 53, 0.5),
  fc.integer({ min: -100, max: 300_000 }),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
  fc.double(),
);

function onlyFaults(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!(e instanceof VexFault)) throw e;
  }
}

describe('no JS error escapes', () => {
  const names = [...SHIM_SIGS.keys()];
  it('for any shim with any arguments', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(anyArg, { maxLength: 5 }), fc.array(anyArg, { maxLength: 3 }), (name, args, vs) => {
        const mem = new Memory({ limit: 1 << 20, staticCapacity: 4096 });
        const sys = new SystemAllocator(mem);
        // Some real pointers so that part of the calls get past the first check.
        const s = mem.internCString('%d %s %f %x');
        const buf = sys.alloc(64, 16, 1, 0);
        const fixed = args.map((a, i) => (i === 0 && typeof a === 'number' && a > 200_000 ? buf : i === 1 && a === 0 ? s : a));
        const ctx: ShimContext = { mem, sys, site: 1, task: 0, write: () => {}, callback: () => 0 };
        const va: CArg[] = vs.map((v) => ({ kind: typeof v === 'bigint' ? 'i64' : 'f64', value: v }));
        onlyFaults(() => callShim(ctx, name, fixed, va));
      }),
      { numRuns: 400 },
    );
  });

  it('for printf with arbitrary format bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.array(anyArg, { maxLength: 4 }), (fmt, vs) => {
        const args: CArg[] = vs.map((v) => ({ kind: typeof v === 'bigint' ? 'u64' : 'i32', value: v }));
        onlyFaults(() => cprintf(fmt, args, () => null));
      }),
      { numRuns: 400 },
    );
  });

  it('for checked loads/stores and frees at arbitrary addresses', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('ld', 'st', 'free', 'realloc', 'alloc'), anyArg), { maxLength: 30 }), (ops) => {
        const mem = new Memory({ limit: 1 << 20, staticCapacity: 4096 });
        const sys = new SystemAllocator(mem);
        const p = sys.alloc(32, 8, 1, 0);
        for (const [op, v] of ops) {
          const a = typeof v === 'bigint' ? Number(v) : v;
          onlyFaults(() => {
            if (op === 'ld') mem.loadF64Checked(a, 1);
            else if (op === 'st') mem.storeU32Checked(a, 7, 1);
            else if (op === 'free') sys.free(a, 1, 0);
            else if (op === 'realloc') sys.realloc(p, a, 1, 0);
            else sys.alloc(a, 8, 1, 0);
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});
