// Memory-backed values: address-taken locals and unions live in the simulated linear memory with
// their C layout. Structs are objects whose `f_<name>` accessors load/store (bitfields included),
// arrays are Proxies over memory, scalars are cells with `.v`; all carry `$addr`.
import type { Runtime } from './rt';
import type { TD, MemInfo } from '../../common/program-meta';
import { StackRegions } from '../memory/stacks';
import { canon } from './wide';

type Mem = Record<string, (...a: unknown[]) => unknown>;
const LOAD: Record<string, string> = {
  i8: 'loadI8', u8: 'loadU8', bool: 'loadU8', i16: 'loadI16', u16: 'loadU16', i32: 'loadI32', u32: 'loadU32',
  i64: 'loadI64', u64: 'loadU64', i128: 'loadI128', u128: 'loadU128', f16: 'loadF16', f32: 'loadF32', f64: 'loadF64', ptr: 'loadU64',
};
const STORE: Record<string, string> = {
  i8: 'storeU8', u8: 'storeU8', bool: 'storeU8', i16: 'storeU16', u16: 'storeU16', i32: 'storeU32', u32: 'storeU32',
  i64: 'storeU64', u64: 'storeU64', i128: 'storeU128', u128: 'storeU128', f16: 'storeF16', f32: 'storeF32', f64: 'storeF64', ptr: 'storeU64',
};

export class MemValues {
  private readonly protos = new Map<number, object>();
  constructor(private readonly rt: Runtime) {}
  private get mem(): Mem { return this.rt.machine.mem as unknown as Mem; }
  private info(td: number): MemInfo {
    const m = (this.rt.meta.types[td] as TD).m;
    if (!m) throw new Error(`no memory layout for type ${this.rt.meta.typeNames[td]}`);
    return m;
  }

  /** Each task's stack region (memory/stacks.ts), reserved on its first address-taken local. */
  private stacks: StackRegions | null = null;
  private readonly regions = new Map<number, number>();
  private region(): number {
    const task = this.rt.taskId;
    let id = this.regions.get(task);
    if (id === undefined) {
      this.stacks ??= new StackRegions(this.rt.machine.mem, this.rt.machine.sys);
      id = this.stacks.reserve(task, this.rt.stackBytes);
      this.regions.set(task, id);
    }
    return id;
  }
  /** Stack discipline for memory-backed locals: a function marks on entry and releases on exit
   *  (also when unwinding); released slots become dead (`use of a dead stack slot`). */
  mark(): number { return this.stacks ? this.stacks.pushFrame(this.region()) : 0; }
  release(mark: number): void {
    if (this.stacks) this.stacks.popFrame(this.region(), mark);
  }
  /** The task ended: its stack region's chunks go back to the heap. */
  endTask(task: number): void {
    const id = this.regions.get(task);
    if (id === undefined || !this.stacks) return;
    this.stacks.release(id);
    this.regions.delete(task);
  }

  /** A fresh zeroed slot for a value of type td in the task's stack region; `site` names its owner. */
  slot(td: number, site = -1): number {
    const m = this.info(td);
    const id = this.region();
    const a = this.rt.machine.guard(site, () => this.stacks!.slot(id, Math.max(1, m.size), Math.max(1, m.align), site));
    this.rt.machine.mem.fill(a, 0, Math.max(1, m.size));
    return a;
  }

  toMem(td: number, v: unknown, site = -1): unknown {
    const a = this.slot(td, site);
    this.write(td, a, v);
    return this.read(td, a);
  }
  cell(td: number, v: unknown, site = -1): { $addr: number; v: unknown } {
    const a = this.slot(td, site);
    this.write(td, a, v);
    const self = this;
    return { $addr: a, get v() { return self.read(td, a); }, set v(x) { self.write(td, a, x); } };
  }
  union(td: number, field: string, v: unknown): unknown {
    const a = this.slot(td);
    const f = this.info(td).fields!.find((x) => x.name === field)!;
    this.write(f.td, a + f.offset, v);
    return this.read(td, a);
  }

  read(td: number, a: number): unknown {
    const m = this.info(td);
    if (m.kind) {
      const v = this.mem[LOAD[m.kind]](a);
      if (m.kind === 'bool') return v !== 0;
      if (m.kind === 'ptr') return Number(v);
      return v;
    }
    if (m.fields) return this.structView(td, a);
    if (m.elem !== undefined) return this.arrayView(m, a);
    throw new Error('unsupported memory-backed type');
  }

  write(td: number, a: number, v: unknown): void {
    const m = this.info(td);
    if (m.kind) {
      let x = v;
      if (m.kind === 'bool') x = v ? 1 : 0;
      else if (m.kind === 'ptr') x = v as number; // stores take a number or a BigInt
      this.mem[STORE[m.kind]](a, x);
      return;
    }
    if (m.fields) {
      const o = v as Record<string, unknown>;
      // a value that already lives in memory (a union, a view through a pointer, an address-taken
      // local) is copied byte for byte: the bytes are the value (union reinterpretation, bitfields)
      const src = (o as { $addr?: unknown }).$addr;
      if (typeof src === 'number') { if (src !== a) this.rt.machine.mem.copy(a, src, m.size); return; }
      if (this.rt.meta.types[td].k === 'struct' && (this.rt.meta.types[td] as { isUnion: boolean }).isUnion) return;
      for (const f of m.fields) if (('f_' + f.name) in o) this.writeField(f, a, o['f_' + f.name]);
      return;
    }
    if (m.elem !== undefined) {
      const arr = v as unknown[];
      for (let i = 0; i < m.len!; i++) this.write(m.elem, a + i * m.elemSize!, arr[i]);
    }
  }

  private unitKind(size: number): string { return size === 1 ? 'u8' : size === 2 ? 'u16' : size === 4 ? 'u32' : 'u64'; }
  private readField(f: NonNullable<MemInfo['fields']>[number], a: number): unknown {
    if (f.bitWidth == null) return this.read(f.td, a + f.offset);
    const k = this.unitKind(f.unitSize!);
    const unit = BigInt(this.mem[LOAD[k]](a + f.offset) as number | bigint);
    let x = (unit >> BigInt(f.bitOffset!)) & ((1n << BigInt(f.bitWidth)) - 1n);
    if (f.signed && x & (1n << BigInt(f.bitWidth - 1))) x -= 1n << BigInt(f.bitWidth);
    const fk = this.info(f.td).kind!;
    return fk === 'i64' || fk === 'u64' ? canon(x) : Number(x);
  }
  private writeField(f: NonNullable<MemInfo['fields']>[number], a: number, v: unknown): void {
    if (f.bitWidth == null) { this.write(f.td, a + f.offset, v); return; }
    const k = this.unitKind(f.unitSize!);
    const addr = a + f.offset;
    const unit = BigInt(this.mem[LOAD[k]](addr) as number | bigint);
    const mask = ((1n << BigInt(f.bitWidth)) - 1n) << BigInt(f.bitOffset!);
    const x = (BigInt(v as number | bigint) << BigInt(f.bitOffset!)) & mask;
    const nu = (unit & ~mask) | x;
    this.mem[STORE[k]](addr, k === 'u64' ? nu : Number(nu));
  }

  /** `*p` / `p.f` for a raw pointer to a C struct or union: a view of the bytes at `a`, whose field
   *  reads and writes are bounds/liveness checked like any raw-pointer access. */
  checkedView(td: number, a: number, site: number): object {
    const m = this.info(td);
    const mem = this.rt.machine.mem;
    this.rt.machine.guard(site, () => mem.check(a, Math.max(1, m.size), false, site));
    let proto = this.checkedProtos.get(td);
    if (!proto) {
      proto = {};
      const self = this;
      for (const f of m.fields!) {
        const n = f.bitWidth == null ? Math.max(1, this.info(f.td).size) : f.unitSize!;
        Object.defineProperty(proto, 'f_' + f.name, {
          get(this: { $addr: number; $site: number }) {
            self.rt.machine.guard(this.$site, () => mem.check(this.$addr + f.offset, n, false, this.$site));
            return self.readField(f, this.$addr);
          },
          set(this: { $addr: number; $site: number }, v: unknown) {
            self.rt.machine.guard(this.$site, () => mem.check(this.$addr + f.offset, n, true, this.$site));
            self.writeField(f, this.$addr, v);
          },
        });
      }
      this.checkedProtos.set(td, proto);
    }
    const o = Object.create(proto);
    Object.defineProperty(o, '$addr', { value: a });
    Object.defineProperty(o, '$site', { value: site });
    return o;
  }
  /** `*p = v` for a raw pointer to a C struct or union: v's bytes (or fields) written at `a`. */
  storeAt(td: number, a: number, v: unknown, site: number): void {
    const m = this.info(td);
    this.rt.machine.guard(site, () => this.rt.machine.mem.check(a, Math.max(1, m.size), true, site));
    this.write(td, a, v);
  }
  private readonly checkedProtos = new Map<number, object>();

  /** `let v = *p`: the value copied out of memory, detached from the bytes it came from. Unions
   *  stay memory-backed (their value is their bytes), in a fresh slot. */
  copyOut(td: number, a: number, site: number): unknown {
    const m = this.info(td);
    this.rt.machine.guard(site, () => this.rt.machine.mem.check(a, Math.max(1, m.size), false, site));
    return this.detached(td, a);
  }
  /** The address a reference passed to a C pointer parameter stands for (`&T` → `*T`, §6.1): the
   *  referent's own bytes when it lives in memory, else a copy in a stack slot of this frame that
   *  `writeBack` copies back after the call (C may write through a `*T!`). */
  addrFor(td: number, v: unknown, site: number): number {
    const a = (v as { $addr?: unknown } | null)?.$addr;
    if (typeof a === 'number') return a;
    const isCell = v !== null && typeof v === 'object' && typeof (v as { get?: unknown }).get === 'function' && typeof (v as { set?: unknown }).set === 'function';
    const b = this.slot(td, site);
    this.write(td, b, isCell ? (v as { get(): unknown }).get() : v);
    return b;
  }
  writeBack(td: number, v: unknown, a: number): void {
    if (v === null || typeof v !== 'object' || (v as { $addr?: unknown }).$addr === a) return;
    const m = this.info(td);
    if (typeof (v as { set?: unknown }).set === 'function' && typeof (v as { get?: unknown }).get === 'function' && !m.fields && m.elem === undefined) {
      (v as { set(x: unknown): void }).set(this.read(td, a));
      return;
    }
    if (m.fields) {
      const o = v as Record<string, unknown>;
      for (const f of m.fields) {
        const x = f.bitWidth == null ? this.detached(f.td, a + f.offset) : this.readField(f, a);
        if (typeof (o['f_' + f.name] as { $addr?: unknown } | null)?.$addr !== 'number') o['f_' + f.name] = x;
      }
    } else if (m.elem !== undefined) {
      const arr = v as unknown[];
      for (let i = 0; i < m.len!; i++) arr[i] = this.detached(m.elem, a + i * m.elemSize!);
    }
  }
  private detached(td: number, a: number): unknown {
    const m = this.info(td);
    if (m.kind) return this.read(td, a);
    if (m.elem !== undefined) return Array.from({ length: m.len! }, (_, i) => this.detached(m.elem!, a + i * m.elemSize!));
    const t = this.rt.meta.types[td] as { k: string; isUnion?: boolean };
    if (t.isUnion) {
      const b = this.slot(td);
      this.rt.machine.mem.copy(b, a, m.size);
      return this.structView(td, b);
    }
    const o: Record<string, unknown> = {};
    for (const f of m.fields!) o['f_' + f.name] = f.bitWidth == null ? this.detached(f.td, a + f.offset) : this.readField(f, a);
    return o;
  }

  private structView(td: number, a: number): object {
    let proto = this.protos.get(td);
    if (!proto) {
      proto = {};
      const self = this;
      // the value's fields for generic code ($eq, map keys, *r = v): they are accessors here,
      // not own properties (collections.ts fieldKeys)
      Object.defineProperty(proto, '$fields', { value: this.info(td).fields!.map((f) => 'f_' + f.name) });
      for (const f of this.info(td).fields!) {
        Object.defineProperty(proto, 'f_' + f.name, {
          get(this: { $addr: number }) { return self.readField(f, this.$addr); },
          set(this: { $addr: number }, v: unknown) { self.writeField(f, this.$addr, v); },
        });
      }
      this.protos.set(td, proto);
    }
    const o = Object.create(proto);
    Object.defineProperty(o, '$addr', { value: a });
    return o;
  }

  private arrayView(m: MemInfo, a: number): unknown[] {
    const self = this;
    const target: unknown[] = [];
    return new Proxy(target, {
      get(t, k) {
        if (k === '$addr') return a;
        if (k === 'length') return m.len;
        if (typeof k === 'string' && /^\d+$/.test(k)) {
          const i = Number(k);
          return i < m.len! ? self.read(m.elem!, a + i * m.elemSize!) : undefined;
        }
        return Reflect.get(t, k);
      },
      set(_t, k, v) {
        if (typeof k === 'string' && /^\d+$/.test(k)) { self.write(m.elem!, a + Number(k) * m.elemSize!, v); return true; }
        return false;
      },
      has(_t, k) { return typeof k === 'string' && /^\d+$/.test(k) ? Number(k) < m.len! : k === 'length'; },
    });
  }
}
