/**
 * A binary min-heap of (time, sequence) entries with lazy removal: entries are never updated in
 * place; a newer one is pushed instead and `stillHolds` tells, when an entry reaches the top,
 * whether it is still true (so deleting or re-timing an item costs nothing here).
 */
export interface DueEntry<T> {
  at: number;
  /** Breaks ties between equal times: lower first (creation order). */
  seq: number;
  item: T;
}

export class DueHeap<T> {
  private entries: DueEntry<T>[] = [];

  constructor(private readonly stillHolds: (entry: DueEntry<T>) => boolean) {}

  get size(): number {
    return this.entries.length;
  }

  push(at: number, seq: number, item: T): void {
    this.entries.push({ at, seq, item });
    this.up(this.entries.length - 1);
  }

  /** The earliest entry that still holds; stale entries on top are dropped on the way. */
  peek(): DueEntry<T> | undefined {
    while (this.entries.length > 0 && !this.stillHolds(this.entries[0]!)) this.pop();
    return this.entries[0];
  }

  /** Replaces every entry (used to drop stale ones in bulk). */
  rebuild(entries: DueEntry<T>[]): void {
    this.entries = entries;
    for (let i = (entries.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  private pop(): void {
    const last = this.entries.pop()!;
    if (this.entries.length === 0) return;
    this.entries[0] = last;
    this.down(0);
  }

  private before(a: DueEntry<T>, b: DueEntry<T>): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private up(i: number): void {
    const e = this.entries;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(e[i]!, e[parent]!)) return;
      [e[i], e[parent]] = [e[parent]!, e[i]!];
      i = parent;
    }
  }

  private down(i: number): void {
    const e = this.entries;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < e.length && this.before(e[l]!, e[m]!)) m = l;
      if (r < e.length && this.before(e[r]!, e[m]!)) m = r;
      if (m === i) return;
      [e[i], e[m]] = [e[m]!, e[i]!];
      i = m;
    }
  }
}
