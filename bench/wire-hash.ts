// `npx tsx bench/wire-hash.ts [--filter TEXT] [--fuel N]`: a hash of every message the run worker
// posts (src/worker/handlers.ts, as worker.ts serializes it: toWire) for each bench program and
// each single-file conformance program, shared and own (with its .flags), and of the events the
// UI decodes from them (fromWire + withHeapEvents). For changes to the heap-event path
// (rt.heapBox, HeapPacker) or to what generated code does on exits and panics (output, trace,
// panic, unwind steps): run before and after and diff the outputs; the UI must receive the very
// same messages
// (--dump FILE --dump-only NAME: one program's decoded events as JSON lines, to see where).
// The worker's clock is a counter (one ms per reading), so batches are cut at the same events
// whatever the machine's speed; timing fields are derived from it, hence deterministic too.
import { createHash, type Hash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handleMessage } from '../src/worker/handlers';
import { toWire, fromWire } from '../src/worker/wire';
import { withHeapEvents } from '../src/worker/heap-pack';
import { DEFAULT_RUN_OPTIONS } from '../src/runtime/api';
import type { FromWorker } from '../src/worker/protocol';
import { flagsFor, OWN_DIR, SHARED_DIR } from '../tests/conformance-lib';

const args = process.argv.slice(2);
const fi = args.indexOf('--filter');
const filter = fi >= 0 ? args[fi + 1] : null;
const fu = args.indexOf('--fuel');
const FUEL = fu >= 0 ? Number(args[fu + 1]) : 300_000_000;
// --dump FILE: the decoded messages as JSON lines too (to see where two runs differ)
const du = args.indexOf('--dump');
const dump: string[] | null = du >= 0 ? [] : null;
const dumpOnly = args.indexOf('--dump-only') >= 0 ? args[args.indexOf('--dump-only') + 1] : '';

const benchDir = join(dirname(fileURLToPath(import.meta.url)), 'programs');
const files = [
  ...readdirSync(benchDir).filter((f) => f.endsWith('.vx')).sort().map((f) => join(benchDir, f)),
  ...[SHARED_DIR, OWN_DIR].flatMap((d) => (existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.vx')).sort().map((f) => join(d, f)) : [])),
].filter((p) => !filter || p.includes(filter));

/** Feeds a value to the hash in a canonical form: what a receiver can observe (keys in order,
 *  numbers by value with -0 apart, typed arrays' bytes), not v8.serialize's bytes, which differ
 *  with a number's internal form (small integer or double) and so with the JIT's state. */
function feed(h: Hash, v: unknown): void {
  if (typeof v === 'number') h.update(Object.is(v, -0) ? '-0,' : v + ',');
  else if (typeof v === 'string') h.update(JSON.stringify(v) + ',');
  else if (typeof v === 'bigint') h.update(v + 'n,');
  else if (v === null || typeof v !== 'object') h.update(String(v) + ',');
  else if (ArrayBuffer.isView(v)) { h.update(`${v.constructor.name}(${v.byteLength})`); h.update(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)); }
  else if (v instanceof ArrayBuffer) { h.update(`ArrayBuffer(${v.byteLength})`); h.update(new Uint8Array(v)); }
  else if (Array.isArray(v)) { h.update('['); for (const x of v) feed(h, x); h.update(']'); }
  else if (v instanceof Map || v instanceof Set) { h.update(v.constructor.name + '{'); for (const x of v) feed(h, x); h.update('}'); }
  else { h.update('{'); for (const k of Object.keys(v)) { h.update(k + ':'); feed(h, (v as Record<string, unknown>)[k]); } h.update('}'); }
}

const all = createHash('sha256');
let totalEvents = 0;
for (const path of files) {
  const o = flagsFor(path);
  const settings = {
    stackSize: o.stackSize ?? DEFAULT_RUN_OPTIONS.stackSize,
    heapLimit: o.heapLimit ?? DEFAULT_RUN_OPTIONS.heapLimit,
    panic: o.panic ?? DEFAULT_RUN_OPTIONS.panic,
    fuel: o.fuel ?? FUEL,
  };
  const wire = createHash('sha256'), ui = createHash('sha256');
  let clock = 0, events = 0, messages = 0;
  const host = {
    now: () => ++clock,
    post(m: FromWorker) {
      messages++;
      const w = toWire(m);
      feed(wire, w.msg);
      const back = fromWire(w.msg);
      if (dump !== null && path.includes(dumpOnly)) {
        if (back.type === 'events') for (const e of withHeapEvents(back.trace, back.heap)) dump.push(JSON.stringify(e));
        dump.push(JSON.stringify({ ...back, trace: undefined, heap: undefined }));
      }
      if (back.type === 'events') {
        const evs = withHeapEvents(back.trace, back.heap);
        events += evs.length;
        feed(ui, evs);
      }
    },
  };
  const name = path.slice(path.lastIndexOf('/') + 1);
  handleMessage({ type: 'run', id: 1, files: [{ name: 'main.vx', text: readFileSync(path, 'utf8') }], entry: 'main.vx', settings }, host);
  const line = `${name} messages ${messages} events ${events} wire ${wire.digest('hex').slice(0, 16)} ui ${ui.digest('hex').slice(0, 16)}`;
  all.update(line + '\n');
  totalEvents += events;
  console.log(line);
}
if (dump !== null) writeFileSync(args[du + 1], dump.join('\n') + '\n');
console.log(`ALL ${files.length} programs, ${totalEvents} events: ${all.digest('hex')}`);
