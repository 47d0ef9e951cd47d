// Glue between the runtime core and the runtime library (memory, allocators, profile).
// Until the library lands this keeps simple counters so runtime_stats() and RunResult.stats work.
// TODO(runtime-library): route collection buffers and alloc/free through src/runtime/alloc.
import type { RunOptions } from '../api';
import type { Runtime } from './rt';
import { setHeapHooks } from './collections';
import { VexLimit } from './errors';

export interface LibraryHandle {
  resetStats(): void;
  stats(): { allocs: number; frees: number; peakBytes: number; liveBytes: number };
}

export function installLibrary(rt: Runtime, opts: RunOptions): LibraryHandle {
  const st = { allocs: 0, frees: 0, peakBytes: 0, liveBytes: 0 };
  let next = 0x10000;
  const account = (size: number) => {
    st.liveBytes += size;
    if (st.liveBytes > opts.heapLimit) {
      rt.err(`memory allocation of ${size} bytes failed\n`);
      throw new VexLimit('heap', `heap limit of ${opts.heapLimit} bytes reached`);
    }
    if (st.liveBytes > st.peakBytes) st.peakBytes = st.liveBytes;
  };
  setHeapHooks({
    alloc(size) {
      st.allocs++;
      account(size);
      const a = next;
      next += (size + 15) & ~15;
      return a;
    },
    free(_addr, size) {
      st.frees++;
      st.liveBytes -= size;
    },
    realloc(_addr, oldSize, size) {
      st.allocs++;
      st.frees++;
      st.liveBytes -= oldSize;
      account(size);
      const a = next;
      next += (size + 15) & ~15;
      return a;
    },
  });
  (rt as unknown as { stats: typeof st }).stats = st;
  return {
    resetStats() {
      st.allocs = 0; st.frees = 0; st.peakBytes = st.liveBytes;
    },
    stats: () => ({ ...st }),
  };
}
