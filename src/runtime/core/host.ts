// `rt.H`: builtins that are not hot — strings, boxes, stats, format specs, foreign calls and the
// runtime-library entry points (alloc/free, signals, heap profile...).
// TODO(engine): route alloc/free/FFI through src/runtime/memory + alloc + ffi (LIBRARY.md); for
// now raw memory builtins are accounted by core/library.ts counters only.
import type { Runtime } from './rt';
import { VString, VBox, utf8Len, utf8Bytes, heap } from './collections';
import { formatSpec, type ScalarKind } from '../format/spec';

const LIBM: Record<string, (...a: number[]) => number> = {
  sqrt: Math.sqrt, cbrt: Math.cbrt, pow: Math.pow, sin: Math.sin, cos: Math.cos, tan: Math.tan,
  floor: Math.floor, ceil: Math.ceil, fabs: Math.abs, exp: Math.exp, log: Math.log,
};

export function makeHost(rt: Runtime) {
  const stats = () => (rt as unknown as { stats: { allocs: number; frees: number; liveBytes: number; peakBytes: number } }).stats;
  const dec = new TextDecoder();
  return {
    utf8Len,
    trim: (s: string) => s.replace(/^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g, ''),
    newString: (s: string, site: number) => new VString(s, site),
    box: (v: unknown, site: number) => new VBox(v, heap.alloc(8, 8, site), 8),
    gc: (v: unknown) => ({ v }),
    spec: (spec: string, kind: ScalarKind, v: unknown) => formatSpec(spec, kind, v),
    stats(): bigint[] {
      const s = stats();
      const spawned = (rt as unknown as { S: { spawned: number } }).S?.spawned ?? 0;
      return [BigInt(s.allocs), BigInt(s.frees), BigInt(s.liveBytes), BigInt(s.peakBytes), BigInt(spawned), 0n];
    },
    strByte(s: string, i: number | bigint, site: number): number {
      const b = utf8Bytes(s);
      const k = Number(i);
      if (k < 0 || k >= b.length) return rt.oob(i, b.length, site);
      return b[k];
    },
    strSlice(s: string, lo: number | bigint | undefined, hi: number | bigint | undefined, inc: boolean, site: number): string {
      const b = utf8Bytes(s);
      const l = lo === undefined ? 0 : Number(lo);
      let e = hi === undefined ? b.length : Number(hi);
      if (inc) e++;
      if (l < 0 || e > b.length || l > e) rt.panic(`slice index out of bounds: ${l}..${e}, len ${b.length}`, site);
      return dec.decode(b.subarray(l, e));
    },
    cstr(_s: string): number {
      return 0;
    },
    addrOf(_v: unknown, site: number): number {
      return rt.panic('taking the address of this value is not supported yet', site);
    },
    load(_p: number, _k: string, site: number): never {
      return rt.panic('raw pointer loads are not supported yet', site);
    },
    store(_p: number, _k: string, _v: unknown, site: number): never {
      return rt.panic('raw pointer stores are not supported yet', site);
    },
    unionGet(o: Record<string, unknown>, f: string): unknown {
      return o['f_' + f];
    },
    unionNew(_td: number, f: string, v: unknown): unknown {
      return { ['f_' + f]: v };
    },
    ffi(name: string, args: unknown[], _types: string[], site: number): unknown {
      const f = LIBM[name];
      let ret: unknown;
      if (f) ret = f(...args.map(Number));
      else if (name === 'abs') ret = Math.abs(Number(args[0])) | 0;
      else if (name === 'labs') ret = (args[0] as bigint) < 0n ? -(args[0] as bigint) : args[0];
      else if (name === 'strlen') ret = BigInt(typeof args[0] === 'string' ? utf8Len(args[0]) : 0);
      else if (name === 'puts') { rt.out(String(args[0]) + '\n'); ret = 0; }
      else return rt.panic(`unresolved foreign symbol: ${name}`, site);
      rt.emit({ t: 'ffi', fn: name, args: args.map(String), ret: String(ret), task: rt.taskId });
      return ret;
    },
    call(name: string, args: unknown[], site: number): unknown {
      switch (name) {
        case 'alloc': case 'sys_alloc': {
          const n = Number(args[0]);
          return heap.alloc(n, 16, site) || 0;
        }
        case 'free': return undefined;
        case 'reset_allocator': case 'set_allocator': case 'set_global_allocator': return undefined;
        case 'raise': rt.onSignal(Number(args[0])); return 0;
        default: return rt.panic(`builtin ${name} is not supported yet`, site);
      }
    },
    callStatic(name: string, _args: unknown[], site: number): unknown {
      return rt.panic(`${name} is not supported yet`, site);
    },
    method(name: string, _o: unknown, _args: unknown[], site: number): unknown {
      return rt.panic(`${name} is not supported yet`, site);
    },
  };
}
