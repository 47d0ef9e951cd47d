// Run settings as the UI keeps them (persisted and shared). Plain data + validation, no React.
import type { RunSettings } from '../../worker/protocol';

export type { RunSettings };

/** UI defaults. Fuel is lower than the runtime's default so an endless loop ends in seconds. */
export const DEFAULT_SETTINGS: RunSettings = {
  stackSize: 1 << 20,
  heapLimit: 64 << 20,
  panic: 'unwind',
  fuel: 300_000_000,
};

const MAX_STACK = 64 << 20;
const MAX_HEAP = 1 << 30;

/** Returns valid settings from untrusted data (a share link, localStorage), or null. */
export function parseSettings(x: unknown): RunSettings | null {
  if (!x || typeof x !== 'object') return null;
  const o = x as Record<string, unknown>;
  const int = (v: unknown, min: number, max: number) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : null;
  const stackSize = int(o.stackSize, 1024, MAX_STACK);
  const heapLimit = int(o.heapLimit, 4096, MAX_HEAP);
  const fuel = int(o.fuel, 0, Number.MAX_SAFE_INTEGER);
  const panic = o.panic === 'unwind' || o.panic === 'abort' ? o.panic : null;
  if (stackSize === null || heapLimit === null || fuel === null || panic === null) return null;
  return { stackSize, heapLimit, fuel, panic };
}
