import { describe, expect, it } from 'vitest';
import { DueHeap } from '../../functions/local/scheduler/due-heap.ts';

describe('DueHeap (the local Scheduler\'s due-time index)', () => {
  it('yields entries earliest first, lower sequence first on equal times, skipping entries that no longer hold', () => {
    const live = new Set<string>();
    const heap = new DueHeap<string>((e) => live.has(e.item));
    const entries: [number, number, string][] = [];
    // A shuffled spread of times with ties, some items withdrawn after being pushed.
    for (let i = 0; i < 500; i++) entries.push([(i * 7919) % 97, i, `s${i}`]);
    for (const [at, seq, item] of entries) {
      heap.push(at, seq, item);
      live.add(item);
    }
    for (let i = 0; i < 500; i += 3) live.delete(`s${i}`);

    const order: string[] = [];
    for (let top = heap.peek(); top; top = heap.peek()) {
      order.push(top.item);
      live.delete(top.item);
    }
    const expected = entries
      .filter(([, seq]) => seq % 3 !== 0)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .map(([, , item]) => item);
    expect(order).toEqual(expected);
    expect(heap.size).toBe(0);
  });

  it('keeps its order after a rebuild', () => {
    const heap = new DueHeap<string>(() => true);
    heap.rebuild([{ at: 3, seq: 1, item: 'c' }, { at: 1, seq: 5, item: 'b' }, { at: 1, seq: 2, item: 'a' }]);
    const first = heap.peek();
    expect(first?.item).toBe('a');
  });
});
