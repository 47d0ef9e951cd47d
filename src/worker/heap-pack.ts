// The hot events between the run worker and the UI as numbers in typed arrays, not one object per
// event: heap events (alloc, free, realloc) — a tree-building program makes millions, and building,
// structured-cloning and collecting an object for each cost ~40× the program itself (bench/bintree)
// — and the scheduler's task-run/task-block/task-wake, which a channel ping-pong makes hundreds of
// thousands of (cloning them was most of bench/channels' worker-path time).
// The worker's HeapPacker records them (it is the run's RunOptions.heapSink, and the batcher hands
// it the scheduling events); a batch carries them as a PackedHeap beside its object events;
// withHeapEvents() puts them back as the TraceEvents the runtime emitted, in their places, with the
// same fields in the same order. The UI's stores and panels see the same events.
//
// The events are one stream of int32 words, as few per event as it takes (a Box's alloc or free
// is usually 1 word, a temporary's alloc and free together 4, or 1 when they repeat the last
// temporary's block but for its size: every word written, copied, sent and read back costs on
// millions of events). Each event
// is a header word, then its fields: as int32 words, or — when one of them is not an int32 (a Vex
// Allocator may hand out any address; clocks are numbers) — all of them in the batch's float64
// side array. An event's trace position and its task are written only when they change, as marker
// words before it (POS, TASK), so a run of heap events between two object events carries neither.
// The words are written into chunks of CHUNK words that travel to the UI as they are (transferred,
// not copied): one big fresh buffer per batch cost a page fault every 4 KiB (bench/bintree's
// 2 million events: ~50 ms a run); chunks this size come back from the allocator cheaply.
import type { BlockKind, HeapSink, SourceLoc, TraceEvent, WakeCause } from '../runtime/api';

const ALLOC = 0;
const FREE = 1;
const REALLOC = 2;
const TASK_RUN = 3;
const TASK_BLOCK = 4;
const TASK_WAKE = 5;
/** Markers (not events): the next events' trace position / task. */
const POS = 6;
const TASK = 7;
/** Fields after the header, by kind. */
const FIELDS = [3, 2, 4, 1, 2, 3, 1, 1];
const BLOCK_KINDS: readonly BlockKind[] = ['await', 'recv', 'send', 'sleep', 'join', 'lock'];
const WAKE_CAUSES: readonly WakeCause[] = ['send', 'recv', 'timer', 'complete'];

// Header word: kind (3 bits) | wide (1: the fields are in `nums`) | allocator index (8 bits) |
// site (17 bits: 0 none, code + 1, or SITE_ESC and the code in the next word) | pair (bit 29, on
// an int32 alloc: the free of the same block, allocator, site, task and position comes right
// after it — a temporary's buffer, HeapSink.tmp — and is not written: two events in 4 words) |
// box (bit 30: an alloc of 8 bytes aligned 8 or a free of 8 bytes, its one field the address:
// the rest implied).
// A word with bit 31 set is a whole Box event (SHORT): bit 30 free (else alloc), bits 26-29 the
// site (0 none, else code + 1 <= 15), bits 0-25 the address / 16 (a multiple of 16 below 2^30);
// its allocator is the batch's first name.
/** An int32 that is not -0 (a field that can travel as one word and come back the same number). */
const isWord = (x: number): boolean => (x | 0) === x && (x !== 0 || 1 / x > 0);
const WIDE = 8;
const ALLOC_SHIFT = 4;
const SITE_SHIFT = 12;
const SITE_ESC = (1 << 17) - 1;
const PAIR = 1 << 29;
const BOX = 1 << 30;
const SHORT = 1 << 31;
const SHORT_FREE = 1 << 30;
const SHORT_SITE_SHIFT = 26;
/** Site codes a SHORT word can hold (code + 1 in 4 bits). */
const SHORT_SITES = 15;
/** A SHORT word's address: addr / 16 in its low 26 bits. */
const SHORT_ADDR = (1 << 26) - 1;
/** Whether a Box event's fields fit a SHORT word (allocator index 0, a small site code, an
 *  address that is a multiple of 16 below 2^30 and not -0). */
const shortBox = (ix: number, code: number, addr: number): boolean =>
  ix === 0 && code < SHORT_SITES && (addr & 15) === 0 && addr >= 0 && addr <= SHORT_ADDR * 16 && isWord(addr);
/** The SHORT word of a Box alloc (freed 0) or free (freed 1) whose fields fit (shortBox). */
const shortWord = (freed: 0 | 1, code: number, addr: number): number =>
  SHORT | (freed === 0 ? 0 : SHORT_FREE) | (code + 1) << SHORT_SITE_SHIFT | addr >>> 4;
/** A Box block's size and alignment (the fields a BOX event leaves out). */
const BOX_BYTES = 8;
/** Address bits a SHORT word cannot hold (below 16, from 2^30): an address with none of them set
 *  is a multiple of 16 in [0, 2^30). */
const SHORT_ADDR_OUT = 0xc000000f | 0;
// A REPEAT word (ALLOC | PAIR | BOX, a combination no other event has; bits 3-28 a size below
// 2^26) is a temporary's alloc and free again (HeapSink.tmp): the address, alignment, allocator
// and site of the stream's previous PAIR alloc, this size, the current position and task. A loop
// of f-strings reuses one block (bench/strbuild: 200,000 pairs, 1 word each instead of 4).
const REPEAT = ALLOC | PAIR | BOX;
const REPEAT_MASK = (7 | PAIR | BOX | SHORT) | 0;
const REPEAT_SHIFT = 3;
/** The largest size a REPEAT word holds. */
const REPEAT_SIZE = (1 << 26) - 1;

/** A batch's packed events: `n` events in the chunks of `words` (format above) with their non-int32 fields in
 *  `nums`, allocator names `names[index]`, sites `sites[code]`. An event comes right before the
 *  batch's trace[pos] (pos = trace.length when it happened: after every object event). */
export interface PackedHeap {
  n: number;
  /** The stream, in chunks (an event never spans two). */
  words: Int32Array[];
  nums: Float64Array;
  names: string[];
  sites: (SourceLoc | null)[];
}

/** How often (in heap events) the packer calls `onTick`: the worker's chance to flush on time in
 *  code that allocates much between fuel checks. */
const TICK_EVERY = 4096;
/** Words one event may take at most (markers included): POS 2, TASK 2, header, site, 4 fields. */
const MAX_WORDS = 10;
/** Words per chunk of the stream (256 KiB). */
const CHUNK = 1 << 16;
/** Header bits an event keeps when the stream is rewritten (kind and allocator; and BOX). */
const KIND_BITS = 7 | (255 << ALLOC_SHIFT);

/** Reads a stream event by event (`next()` moves to the next one; the fields are its). */
class Cursor {
  private ci = 0; // chunk
  private cur: Int32Array;
  private w = 0; // next word in cur
  private f = 0; // next num
  pos = 0;
  task = 0;
  header = 0; // of the current event (a SHORT word's as the 2-word BOX form's, allocator 0)
  site = -1; // its site code (-1: none)
  private fw = 0; // its fields: first word (in cur) or num
  private pairFree = false; // the current event is a PAIR alloc: its free comes next
  private addr = 0; // a BOX event's address
  // the last PAIR alloc's header (kind and allocator), site, address and alignment: what a REPEAT
  // word leaves out; `rep`: the current event is a REPEAT (its fields these and `repSize`)
  private rep = false;
  private pairHeader = 0;
  private pairSite = -1;
  private pairAddr = 0;
  private pairAlign = 0;
  private repSize = 0;
  constructor(private readonly chunks: readonly Int32Array[], private readonly nums: Float64Array) {
    this.cur = chunks.length > 0 ? chunks[0] : new Int32Array(0);
  }
  /** Moves to the next event (consuming the markers before it). */
  next(): void {
    if (this.pairFree) {
      // the free of the alloc just read: its addr and size are the alloc's first two fields
      this.pairFree = false;
      this.header = (this.header & ~(PAIR | 7)) | FREE;
      return;
    }
    this.rep = false;
    for (;;) {
      while (this.w >= this.cur.length) { this.cur = this.chunks[++this.ci]; this.w = 0; }
      const words = this.cur;
      const h = words[this.w];
      if (h < 0) { // SHORT
        this.header = ((h & SHORT_FREE) !== 0 ? FREE : ALLOC) | BOX;
        this.site = ((h >>> SHORT_SITE_SHIFT) & 15) - 1;
        this.addr = (h & SHORT_ADDR) * 16;
        this.w++;
        return;
      }
      if ((h & REPEAT_MASK) === REPEAT) {
        this.header = this.pairHeader;
        this.site = this.pairSite;
        this.repSize = (h >>> REPEAT_SHIFT) & REPEAT_SIZE;
        this.rep = true;
        this.pairFree = true;
        this.w++;
        return;
      }
      const kind = h & 7;
      if (kind === POS || kind === TASK) {
        let v: number;
        if ((h & WIDE) !== 0) { v = this.nums[this.f++]; this.w++; }
        else { v = words[this.w + 1]; this.w += 2; }
        if (kind === POS) this.pos = v; else this.task = v;
        continue;
      }
      this.header = h;
      this.pairFree = (h & PAIR) !== 0;
      this.w++;
      const sf = (h >>> SITE_SHIFT) & SITE_ESC;
      this.site = sf === 0 ? -1 : sf === SITE_ESC ? words[this.w++] : sf - 1;
      if ((h & BOX) !== 0) { this.addr = words[this.w++]; return; }
      const n = FIELDS[kind];
      if ((h & WIDE) !== 0) { this.fw = this.f; this.f += n; }
      else { this.fw = this.w; this.w += n; }
      if ((h & PAIR) !== 0) { // (never wide: tmp() writes its wide ones as an alloc and a free)
        this.pairHeader = h & (KIND_BITS | PAIR);
        this.pairSite = this.site;
        this.pairAddr = words[this.fw];
        this.pairAlign = words[this.fw + 2];
      }
      return;
    }
  }
  /** Field j of the current event (0 past its fields). */
  field(j: number): number {
    if (j >= FIELDS[this.header & 7]) return 0;
    if (this.rep) return j === 0 ? this.pairAddr : j === 1 ? this.repSize : this.pairAlign;
    if ((this.header & BOX) !== 0) return j === 0 ? this.addr : BOX_BYTES; // (its size and align)
    return (this.header & WIDE) !== 0 ? this.nums[this.fw + j] : this.cur[this.fw + j];
  }
}

export class HeapPacker implements HeapSink {
  locate: ((site: number) => SourceLoc | null) | null = null;
  /** Called every TICK_EVERY events (the worker's flush check). */
  onTick: (() => void) | null = null;
  /** Where the next event goes: the owner's object-trace length (kept current by the batcher). */
  at = 0;
  /** Events in the stream (box()'s fast path counts them when the stream is next touched). */
  get n(): number {
    this.settle();
    return this.nEv;
  }
  private nEv = 0;
  /** Filled chunks of the stream, then the one being written (`len` words used). */
  private full: Int32Array[] = [];
  private words = new Int32Array(CHUNK);
  private len = 0;
  private nums = new Float64Array(0);
  private flen = 0;
  /** Position and task the stream's last marker set (-1 / NaN: none yet in this stream). */
  private lastPos = -1;
  private lastTask = NaN;
  private readonly names: string[] = [];
  private lastName = '';
  private lastNameIx = -1;
  private sinceTick = 0;
  // the batch's sites; a site id's code is found through a stamped table (ids are small: one per
  // allocating place in the program), not a Map: a tree builder alternates sites on every event
  private sites: (SourceLoc | null)[] = [];
  private siteStamp = new Int32Array(0);
  private siteCode = new Int32Array(0);
  private batchStamp = 1;
  /** task-block sites (already located by the runtime): their codes in this batch */
  private blockCodes: Map<SourceLoc | null, number> | null = null;
  // box()'s fast path: a Box event is one SHORT word made from a per-site template while the
  // stream is in a state where that is all its general path would write. `boxEnd`: the fast path
  // may write while len < boxEnd (its bound on room in the chunk and on events before the next
  // tick, computed by rearmBox(); 0 — none — after anything else touches the stream, until the
  // next general Box event rearms it). `boxTpl[site + 1]`: SHORT | site bits for a site coded in
  // this batch with a code a SHORT word holds (site -1 always), else 0.
  private boxEnd = 0;
  private fastFrom = 0;
  private boxTpl = Int32Array.of(SHORT, ...new Array<number>(63).fill(0)); // [0]: site -1's, code -1
  private tplSet: number[] = [];
  // tmp()'s REPEAT word: the stream's last PAIR alloc (none after a take or a rewrite: `pairOk`)
  private pairOk = false;
  private pairAddr = 0;
  private pairAlign = 0;
  private pairSite = 0;
  private pairName = '';

  /** Empty, for a new run (the buffers are kept). */
  reset(): void {
    this.clear();
    this.sinceTick = 0;
    this.onTick = null;
    this.locate = null;
    this.names.length = 0;
    this.lastName = '';
    this.lastNameIx = -1;
  }

  /** alloc(addr, 8, 8, 'system', …) (freed 0) or free(addr, 8, 'system', …) (freed 1), the same
   *  words; the common case — no tick due, no marker, room in the chunk, 'system' the batch's first
   *  allocator, a site already coded, a SHORT word — without the general path's steps. */
  box(freed: 0 | 1, addr: number, site: number, task: number): void {
    const t = this.boxTpl[site + 1]; // (undefined past the table: not < 0)
    // (kept small, the rest in boxGeneral: what the hottest allocation paths call or inline)
    if (this.len < this.boxEnd && t < 0 && task === this.lastTask && this.at === this.lastPos && (addr & SHORT_ADDR_OUT) === 0 && (addr | 0) === addr && addr !== 0) {
      // (freed << 30: SHORT_FREE for a free) counted in nEv and sinceTick by settle(): one word
      // each since fastFrom
      this.words[this.len++] = t | freed << 30 | addr >>> 4;
    } else this.boxGeneral(freed, addr, site, task);
  }
  private boxGeneral(freed: 0 | 1, addr: number, site: number, task: number): void {
    this.settle();
    this.boxSlow(freed, addr, site, task);
    this.rearmBox(site);
  }
  /** Counts the fast path's events (the words since fastFrom) and ends its stretch: the first
   *  thing whatever else touches the stream does. */
  private settle(): void {
    if (this.boxEnd !== 0) {
      const k = this.len - this.fastFrom;
      this.nEv += k;
      this.sinceTick += k;
      this.boxEnd = 0;
    }
  }
  /** Sets the fast path's bound for the stream as it is now, and `site`'s template. */
  private rearmBox(site: number): void {
    this.fastFrom = this.len;
    this.boxEnd = this.names.length !== 0 && this.names[0] === 'system' ? Math.min(CHUNK - MAX_WORDS + 1, this.len + TICK_EVERY - 1 - this.sinceTick) : 0;
    if (site >= 0 && site < this.siteStamp.length && this.siteStamp[site] === this.batchStamp && this.siteCode[site] < SHORT_SITES) {
      if (site + 1 >= this.boxTpl.length) {
        const t = new Int32Array(Math.max(site + 2, this.boxTpl.length * 2));
        t.set(this.boxTpl);
        this.boxTpl = t;
      }
      if (this.boxTpl[site + 1] === 0) this.tplSet.push(site + 1);
      this.boxTpl[site + 1] = shortWord(0, this.siteCode[site], 0);
    }
  }
  /** box() in general: the conditions checked one by one, else alloc() or free(). */
  private boxSlow(freed: 0 | 1, addr: number, site: number, task: number): void {
    if (this.sinceTick < TICK_EVERY - 1 && this.len + MAX_WORDS <= CHUNK && this.at === this.lastPos && task === this.lastTask && this.names.length !== 0 && this.names[0] === 'system') {
      const code = site < 0 ? -1 : site < this.siteStamp.length && this.siteStamp[site] === this.batchStamp ? this.siteCode[site] : SHORT_SITES;
      if (shortBox(0, code, addr)) {
        this.sinceTick++;
        this.words[this.len++] = shortWord(freed, code, addr);
        this.nEv++;
        return;
      }
    }
    if (freed === 0) this.alloc(addr, BOX_BYTES, BOX_BYTES, 'system', site, task);
    else this.free(addr, BOX_BYTES, 'system', site, task);
  }

  alloc(addr: number, size: number, align: number, allocator: string, site: number, task: number): void {
    this.settle();
    this.tick();
    const w = this.begin(task);
    const hk = this.len;
    const ix = this.allocIx(allocator), code = this.codeOf(site);
    if (size === BOX_BYTES && align === BOX_BYTES && shortBox(ix, code, addr)) {
      w[hk] = shortWord(0, code, addr);
      this.len = hk + 1;
      this.nEv++;
      return;
    }
    const k = this.header(w, hk, ALLOC | ix, code);
    if (size === BOX_BYTES && align === BOX_BYTES && isWord(addr)) {
      w[hk] |= BOX;
      w[k] = addr;
      this.len = k + 1;
    } else if (isWord(addr) && isWord(size) && isWord(align)) {
      w[k] = addr; w[k + 1] = size; w[k + 2] = align;
      this.len = k + 3;
    } else {
      this.len = k;
      this.wide(w, hk, 3, addr, size, align, 0);
    }
    this.nEv++;
  }
  free(addr: number, size: number, allocator: string, site: number, task: number): void {
    this.settle();
    this.tick();
    const w = this.begin(task);
    const hk = this.len;
    const ix = this.allocIx(allocator), code = this.codeOf(site);
    if (size === BOX_BYTES && shortBox(ix, code, addr)) {
      w[hk] = shortWord(1, code, addr);
      this.len = hk + 1;
      this.nEv++;
      return;
    }
    const k = this.header(w, hk, FREE | ix, code);
    if (size === BOX_BYTES && isWord(addr)) {
      w[hk] |= BOX;
      w[k] = addr;
      this.len = k + 1;
    } else if (isWord(addr) && isWord(size)) {
      w[k] = addr; w[k + 1] = size;
      this.len = k + 2;
    } else {
      this.len = k;
      this.wide(w, hk, 2, addr, size, 0, 0);
    }
    this.nEv++;
  }
  /** alloc then free of the same block (a temporary's buffer, bench/strbuild's 200,000
   *  f-strings): one PAIR alloc, 4 words for both events; 1 word (REPEAT) when only the size differs
   *  from the last one's and no marker or tick is due. */
  tmp(addr: number, size: number, align: number, allocator: string, site: number, task: number): void {
    this.settle();
    if (addr === this.pairAddr && site === this.pairSite && align === this.pairAlign && allocator === this.pairName && this.pairOk
      && task === this.lastTask && this.at === this.lastPos && size > 0 && size <= REPEAT_SIZE && (size | 0) === size
      && this.sinceTick + 2 < TICK_EVERY && this.len + MAX_WORDS <= CHUNK && (addr !== 0 || 1 / addr > 0) && (align !== 0 || 1 / align > 0)) {
      this.sinceTick += 2;
      this.words[this.len++] = REPEAT | size << REPEAT_SHIFT;
      this.nEv += 2;
      return;
    }
    if (!(isWord(addr) && isWord(size) && isWord(align))) {
      this.alloc(addr, size, align, allocator, site, task);
      this.free(addr, size, allocator, site, task);
      return;
    }
    this.tick(2);
    const w = this.begin(task);
    const k = this.header(w, this.len, ALLOC | PAIR | this.allocIx(allocator), this.codeOf(site));
    w[k] = addr; w[k + 1] = size; w[k + 2] = align;
    this.len = k + 3;
    this.nEv += 2;
    this.pairOk = true;
    this.pairAddr = addr; this.pairAlign = align; this.pairSite = site; this.pairName = allocator;
  }
  realloc(from: number, to: number, oldSize: number, size: number, site: number, task: number): void {
    this.settle();
    this.tick();
    this.event(REALLOC, this.codeOf(site), task, 4, from, to, oldSize, size);
  }

  /** Packs a scheduling event the batcher is handed; false when it is not one of the packed
   *  shapes (it then stays an object event). */
  schedule(e: TraceEvent): boolean {
    this.settle();
    switch (e.t) {
      case 'task-run':
        this.tick();
        this.event(TASK_RUN, -1, e.task, 1, e.clock, 0, 0, 0);
        return true;
      case 'task-block': {
        const on = BLOCK_KINDS.indexOf(e.on);
        if (e.site === undefined || on < 0) return false;
        this.tick(); // (before the site's code: a flush in it starts a new batch of sites)
        this.event(TASK_BLOCK, this.codeOfLoc(e.site), e.task, 2, e.clock, on, 0, 0);
        return true;
      }
      case 'task-wake': {
        const cause = e.cause === undefined ? -1 : WAKE_CAUSES.indexOf(e.cause);
        if (e.by === undefined || cause < 0) return false;
        this.tick();
        this.event(TASK_WAKE, -1, e.task, 3, e.clock, e.by, cause, 0);
        return true;
      }
      default:
        return false;
    }
  }

  /** Any event with `nf` fields x0.. (the cold kinds; alloc and free are written inline). `kind`
   *  may carry allocator bits. */
  private event(kind: number, code: number, task: number, nf: number, x0: number, x1: number, x2: number, x3: number): void {
    const w = this.begin(task);
    const hk = this.len;
    const k = this.header(w, hk, kind, code);
    if (isWord(x0) && isWord(x1) && isWord(x2) && isWord(x3)) {
      w[k] = x0;
      if (nf > 1) w[k + 1] = x1;
      if (nf > 2) w[k + 2] = x2;
      if (nf > 3) w[k + 3] = x3;
      this.len = k + nf;
    } else {
      this.len = k;
      this.wide(w, hk, nf, x0, x1, x2, x3);
    }
    this.nEv++;
  }

  // the tick comes before an event is recorded: a flush in it sees only complete events
  private tick(events = 1): void {
    if ((this.sinceTick += events) >= TICK_EVERY) {
      this.sinceTick = 0;
      if (this.onTick !== null) this.onTick();
    }
  }

  /** Room for one more event, and its position and task markers when they changed. */
  private begin(task: number): Int32Array {
    if (this.len + MAX_WORDS > CHUNK) this.nextChunk();
    const w = this.words;
    if (this.at !== this.lastPos) {
      w[this.len] = POS; w[this.len + 1] = this.at;
      this.len += 2;
      this.lastPos = this.at;
    }
    if (task !== this.lastTask) {
      if (isWord(task)) { w[this.len] = TASK; w[this.len + 1] = task; this.len += 2; }
      else { w[this.len++] = TASK | WIDE; this.pushNum(task); }
      this.lastTask = task;
    }
    return w;
  }

  /** Writes the header (and an escaped site code) at k; returns where the fields go. */
  private header(w: Int32Array, k: number, h: number, code: number): number {
    if (code + 1 < SITE_ESC) { w[k] = h | (code + 1) << SITE_SHIFT; return k + 1; }
    w[k] = h | SITE_ESC << SITE_SHIFT;
    w[k + 1] = code;
    return k + 2;
  }

  /** The event whose header is at hk keeps its fields in `nums`. */
  private wide(w: Int32Array, hk: number, nf: number, x0: number, x1: number, x2: number, x3: number): void {
    w[hk] |= WIDE;
    this.pushNum(x0);
    if (nf > 1) this.pushNum(x1);
    if (nf > 2) this.pushNum(x2);
    if (nf > 3) this.pushNum(x3);
  }

  /** The allocator's index in the header (names of this run; 8 bits, as the block table's). */
  private allocIx(name: string): number {
    return ((name === this.lastName ? this.lastNameIx : this.nameIndex(name)) & 255) << ALLOC_SHIFT;
  }

  private pushNum(x: number): void {
    if (this.flen === this.nums.length) {
      const y = new Float64Array(Math.max(256, this.nums.length * 2));
      y.set(this.nums);
      this.nums = y;
    }
    this.nums[this.flen++] = x;
  }

  /** The batch's code of a site id (-1: none). */
  private codeOf(site: number): number {
    if (site < 0) return -1;
    if (site >= this.siteStamp.length) this.growSites(site);
    if (this.siteStamp[site] !== this.batchStamp) {
      this.siteStamp[site] = this.batchStamp;
      this.siteCode[site] = this.sites.length;
      this.sites.push(this.locate !== null ? this.locate(site) : null);
    }
    return this.siteCode[site];
  }
  private codeOfLoc(loc: SourceLoc | null): number {
    const m = (this.blockCodes ??= new Map());
    let c = m.get(loc);
    if (c === undefined) { c = this.sites.length; this.sites.push(loc); m.set(loc, c); }
    return c;
  }

  private nameIndex(name: string): number {
    let k = this.names.indexOf(name);
    if (k < 0) {
      k = this.names.length;
      this.names.push(name);
    }
    this.lastName = name;
    this.lastNameIx = k;
    return k;
  }

  /** The stream so far: the filled chunks and the used part of the current one. */
  private chunks(): Int32Array[] {
    return this.len > 0 ? [...this.full, this.words.subarray(0, this.len)] : this.full.slice();
  }

  /** Events positioned before object `objects` (pos < objects): how many, pos being non-decreasing. */
  countBefore(objects: number): number {
    this.settle();
    const c = new Cursor(this.chunks(), this.nums);
    for (let i = 0; i < this.nEv; i++) {
      c.next();
      if (c.pos >= objects) return i;
    }
    return this.nEv;
  }
  /** Position of event i (the object it precedes). */
  posOf(i: number): number {
    this.settle();
    const c = new Cursor(this.chunks(), this.nums);
    for (let j = 0; j <= i; j++) c.next();
    return c.pos;
  }

  /** Drops the first `h` events and shifts the rest's positions down by `k` objects (the owner
   *  dropped its first k objects; every remaining event has pos >= k). Rare (a batch over its
   *  cap): the rest of the stream is written again into fresh chunks. */
  dropFront(h: number, k: number): void {
    this.settle();
    const total = this.nEv;
    const at = this.at;
    const c = new Cursor(this.chunks(), this.nums.slice(0, this.flen));
    this.full = [];
    this.words = new Int32Array(CHUNK);
    this.len = 0;
    this.flen = 0;
    this.nEv = 0;
    this.lastPos = -1;
    this.lastTask = NaN;
    this.pairOk = false; // (the rewrite has no PAIR alloc)
    for (let i = 0; i < total; i++) {
      c.next();
      if (i < h) continue;
      this.at = c.pos - k;
      const box = (c.header & BOX) !== 0; // (a BOX event stays one, its one field; SHORT or not)
      this.event(c.header & (KIND_BITS | BOX), c.site, c.task, box ? 1 : FIELDS[c.header & 7], c.field(0), c.field(1), c.field(2), c.field(3));
    }
    this.at = at - k;
  }

  /** The pending events as a PackedHeap, then empty. The filled chunks go as they are; the last
   *  one too when it is well used (a fresh one replaces it), else a copy of its used part. */
  take(): PackedHeap | undefined {
    this.settle();
    const n = this.nEv;
    if (n === 0) return undefined;
    const words = this.full;
    if (this.len > CHUNK >> 2) {
      words.push(this.words.subarray(0, this.len));
      this.words = new Int32Array(CHUNK);
    } else if (this.len > 0) words.push(this.words.slice(0, this.len));
    this.full = [];
    const out: PackedHeap = { n, words, nums: this.nums.slice(0, this.flen), names: this.names.slice(), sites: this.sites };
    this.clear();
    return out;
  }

  private clear(): void {
    this.settle();
    for (const i of this.tplSet) this.boxTpl[i] = 0; // (the sites' codes were this batch's)
    this.tplSet.length = 0;
    this.nEv = 0;
    this.full = [];
    this.len = 0;
    this.flen = 0;
    this.at = 0;
    this.lastPos = -1;
    this.lastTask = NaN;
    this.pairOk = false;
    this.sites = [];
    this.blockCodes = null;
    if (++this.batchStamp === 0x7fffffff) { this.batchStamp = 1; this.siteStamp.fill(0); }
  }

  private growSites(id: number): void {
    const cap = Math.max(256, id + 1, this.siteStamp.length * 2);
    const st = new Int32Array(cap); st.set(this.siteStamp);
    const co = new Int32Array(cap); co.set(this.siteCode);
    this.siteStamp = st;
    this.siteCode = co;
  }

  /** The current chunk is full: it joins the batch, a fresh one takes its place. */
  private nextChunk(): void {
    this.full.push(this.words.subarray(0, this.len));
    this.words = new Int32Array(CHUNK);
    this.len = 0;
  }
}

/** The buffers of a message's packed events, to transfer with postMessage instead of copying: each
 *  is one the packer gave up in take() (bench/strbuild's 400,000 heap events cost more to clone than
 *  the program took to run). */
export function packedBuffers(msg: { heap?: PackedHeap }): ArrayBuffer[] {
  const h = msg.heap;
  if (h === undefined) return [];
  return [...h.words.map((w) => w.buffer as ArrayBuffer), h.nums.buffer as ArrayBuffer];
}

/** The event under the cursor as the TraceEvent the runtime emits (same fields, same order). */
function heapEvent(h: PackedHeap, c: Cursor): TraceEvent {
  const site = c.site < 0 ? null : h.sites[c.site];
  const task = c.task;
  const hd = c.header;
  switch (hd & 7) {
    case ALLOC: return { t: 'alloc', addr: c.field(0), size: c.field(1), align: c.field(2), allocator: h.names[(hd >>> ALLOC_SHIFT) & 255], site, task };
    case FREE: return { t: 'free', addr: c.field(0), size: c.field(1), allocator: h.names[(hd >>> ALLOC_SHIFT) & 255], site, task };
    case REALLOC: return { t: 'realloc', from: c.field(0), to: c.field(1), oldSize: c.field(2), size: c.field(3), site, task };
    case TASK_RUN: return { t: 'task-run', task, clock: c.field(0) };
    case TASK_BLOCK: return { t: 'task-block', task, on: BLOCK_KINDS[c.field(1)], clock: c.field(0), site };
    default: return { t: 'task-wake', task, clock: c.field(0), by: c.field(1), cause: WAKE_CAUSES[c.field(2)] };
  }
}

/** A batch's whole trace in order: its object events with the packed heap events in their places. */
export function withHeapEvents(trace: TraceEvent[], heap: PackedHeap | undefined): TraceEvent[] {
  if (heap === undefined || heap.n === 0) return trace;
  // sized once: pushing millions of events re-grows the array many times over
  const out: TraceEvent[] = new Array(trace.length + heap.n);
  const c = new Cursor(heap.words, heap.nums);
  let j = 0, k = 0;
  for (let i = 0; i < heap.n; i++) {
    c.next();
    const p = c.pos;
    while (j < p) out[k++] = trace[j++];
    out[k++] = heapEvent(heap, c);
  }
  while (j < trace.length) out[k++] = trace[j++];
  return out;
}
