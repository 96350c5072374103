/**
 * The simulation's agenda: a binary min-heap of events on simulated time. Events at the same instant
 * come out in the order they were scheduled, so a run is deterministic however the heap is shaped.
 */
interface Entry<T> {
  readonly at: number;
  readonly seq: number;
  readonly event: T;
}

export class EventHeap<T> {
  private readonly items: Entry<T>[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.items.length;
  }

  push(at: number, event: T): void {
    if (!Number.isFinite(at)) throw new Error(`event time must be finite (got ${at})`);
    this.items.push({ at, seq: this.nextSeq++, event });
    this.up(this.items.length - 1);
  }

  /** The earliest event and its time, or null when the agenda is empty. */
  pop(): { at: number; event: T } | null {
    const top = this.items[0];
    const last = this.items.pop();
    if (!top || !last) return null;
    if (this.items.length > 0) {
      this.items[0] = last;
      this.down(0);
    }
    return { at: top.at, event: top.event };
  }

  private less(i: number, j: number): boolean {
    const a = this.items[i];
    const b = this.items[j];
    if (!a || !b) return false;
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private swap(i: number, j: number): void {
    const a = this.items[i];
    const b = this.items[j];
    if (!a || !b) return;
    this.items[i] = b;
    this.items[j] = a;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.items.length && this.less(l, m)) m = l;
      if (r < this.items.length && this.less(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}
