// The block table: metadata of every live (and recently freed) block, in typed arrays indexed by a
// small integer id so the shadow map can name a block with one Int32 per 16-byte granule. Ids are
// recycled only when a block is retired (after quarantine), so a freed block keeps its record.

// Block states and kinds: plain numbers (stored in Uint8Arrays).
export const STATE_UNUSED = 0;
export const STATE_LIVE = 1;
export const STATE_FREED = 2;

export const KIND_HEAP = 1;
export const KIND_STATIC = 2;
export const KIND_STACK = 3;

export const BLOCK_KIND_NAMES = ['', 'heap', 'static', 'stack'];

type Columns = Pick<BlockTable, 'start' | 'size' | 'align' | 'kind' | 'state' | 'allocator' | 'allocSite' | 'freeSite' | 'allocTask' | 'freeTask'>;
/** The last finished run's columns, zeroed: the next table starts with
 *  their capacity instead of growing (and copying) to it again. */
let spare: Columns | null = null; // (BlockTable.recycle())
const SPARE_MAX = 1 << 22;

export class BlockTable {
  // Addresses and sizes stay below 2^31 (Memory caps its limit there), so they are int32: a value
  // read from here is a small integer to V8, and storing it in an object field (a VBox's or an
  // enum's box address) allocates nothing. From a Float64Array each such store boxed a number.
  start = new Int32Array(1024);
  size = new Int32Array(1024);
  align = new Int32Array(1024);
  kind = new Uint8Array(1024);
  state = new Uint8Array(1024);
  allocator = new Uint8Array(1024); // index into allocatorNames
  allocSite = new Int32Array(1024);
  freeSite = new Int32Array(1024);
  allocTask = new Int32Array(1024);
  freeTask = new Int32Array(1024);
  readonly allocatorNames: string[] = ['system'];

  private next = 1; // id 0 means "no block"
  private freeIds = new Int32Array(256);
  private freeIdCount = 0;

  constructor() {
    const s = spare;
    if (s !== null) {
      spare = null;
      Object.assign(this, s);
    }
  }

  /** The run is over: zero the used records and keep the columns for the next table. */
  recycle(): void {
    const n = this.next;
    if (this.start.length > SPARE_MAX || (spare !== null && spare.start.length >= this.start.length)) return;
    for (const c of [this.start, this.size, this.align, this.kind, this.state, this.allocator, this.allocSite, this.freeSite, this.allocTask, this.freeTask]) c.fill(0, 0, n);
    spare = { start: this.start, size: this.size, align: this.align, kind: this.kind, state: this.state, allocator: this.allocator, allocSite: this.allocSite, freeSite: this.freeSite, allocTask: this.allocTask, freeTask: this.freeTask };
    this.next = 1;
  }

  /** How many records are live: a scan (tests and diagnostics; the hot paths keep no count). */
  liveCount(): number {
    let n = 0;
    for (let id = 1; id < this.next; id++) if (this.state[id] === STATE_LIVE) n++;
    return n;
  }

  allocatorIndex(name: string): number {
    let i = this.allocatorNames.indexOf(name);
    if (i < 0) {
      i = this.allocatorNames.length;
      if (i > 255) return 0; // table full: attribute to 'system' rather than fail
      this.allocatorNames.push(name);
    }
    return i;
  }

  /** (Re)write a live block's record: a new block, or a freed one revived in place. */
  setLive(id: number, size: number, align: number, allocator: number, site: number, task: number): void {
    this.size[id] = size;
    this.align[id] = align;
    this.state[id] = STATE_LIVE;
    this.allocator[id] = allocator;
    this.allocSite[id] = site;
    this.freeSite[id] = -1;
    this.allocTask[id] = task;
    this.freeTask[id] = -1;
  }

  create(start: number, size: number, align: number, kind: number, allocator: number, site: number, task: number): number {
    let id: number;
    if (this.freeIdCount > 0) id = this.freeIds[--this.freeIdCount];
    else {
      id = this.next++;
      if (id >= this.start.length) this.grow();
    }
    this.start[id] = start;
    this.kind[id] = kind;
    this.setLive(id, size, align, allocator, site, task);
    return id;
  }

  release(id: number): void {
    this.state[id] = STATE_UNUSED;
    if (this.freeIdCount === this.freeIds.length) {
      const n = new Int32Array(this.freeIds.length * 2);
      n.set(this.freeIds);
      this.freeIds = n;
    }
    this.freeIds[this.freeIdCount++] = id;
  }

  private grow(): void {
    const n = this.start.length * 2;
    const i32 = (a: Int32Array) => { const b = new Int32Array(n); b.set(a); return b; };
    const u8 = (a: Uint8Array) => { const b = new Uint8Array(n); b.set(a); return b; };
    this.start = i32(this.start);
    this.size = i32(this.size);
    this.align = i32(this.align);
    this.kind = u8(this.kind);
    this.state = u8(this.state);
    this.allocator = u8(this.allocator);
    this.allocSite = i32(this.allocSite);
    this.freeSite = i32(this.freeSite);
    this.allocTask = i32(this.allocTask);
    this.freeTask = i32(this.freeTask);
  }
}
