// Containers with O(1) / O(log n) operations for the scheduler: a FIFO ring buffer (run queue,
// channel buffers and wait lists) and a binary min-heap (timers). Arrays with shift()/splice()
// made every operation O(n), so 100,000 tasks cost quadratic time.

/** FIFO queue on a growable ring buffer: push/shift O(1) amortised. */
export class Fifo<T> {
  private items: (T | undefined)[] = new Array(8);
  private head = 0;
  private count = 0;

  get length(): number { return this.count; }

  push(x: T): void {
    if (this.count === this.items.length) this.grow();
    this.items[(this.head + this.count) & (this.items.length - 1)] = x;
    this.count++;
  }

  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const x = this.items[this.head];
    this.items[this.head] = undefined; // release the reference at once
    this.head = (this.head + 1) & (this.items.length - 1);
    this.count--;
    if (this.count === 0) this.head = 0;
    return x;
  }

  peek(): T | undefined {
    return this.count ? this.items[this.head] : undefined;
  }

  /** Removes and returns every item, oldest first. */
  drain(): T[] {
    const out: T[] = [];
    while (this.count > 0) out.push(this.shift() as T);
    return out;
  }

  *[Symbol.iterator](): Generator<T> {
    for (let i = 0; i < this.count; i++) yield this.items[(this.head + i) & (this.items.length - 1)] as T;
  }

  private grow(): void {
    const old = this.items;
    const next: (T | undefined)[] = new Array(old.length * 2);
    for (let i = 0; i < this.count; i++) next[i] = old[(this.head + i) & (old.length - 1)];
    this.items = next;
    this.head = 0;
  }
}

/** Binary min-heap ordered by `less`; ties keep no order, so give keys a sequence number. */
export class MinHeap<T> {
  private readonly a: T[] = [];
  constructor(private readonly less: (x: T, y: T) => boolean) {}

  get length(): number { return this.a.length; }
  peek(): T | undefined { return this.a[0]; }

  push(x: T): void {
    const a = this.a;
    let i = a.push(x) - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }

  pop(): T | undefined {
    const a = this.a;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l], a[m])) m = l;
        if (r < a.length && this.less(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}
