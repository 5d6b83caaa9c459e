import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AutoRefundRule } from '../../functions/domain/profiles/types.ts';
import { KST_OFFSET_MS, kstMidnight } from '../../functions/domain/kst.ts';
import { batchOffsetMs, computeAutoRefundDue, fnv1a32 } from '../../functions/timers/due-time.ts';

const BATCH: AutoRefundRule = { kind: 'daily-batch', timeZone: 'Asia/Seoul', windowStart: '23:00', windowEnd: '23:50' };
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** "HH:MM:SS" of a UTC instant on the Korean wall clock, and its KST date. */
function kst(d: Date): { date: string; time: string } {
  const s = new Date(d.getTime() + KST_OFFSET_MS).toISOString();
  return { date: s.slice(0, 10), time: s.slice(11, 19) };
}

/** A paymentId whose batch instant is `minutes` after the window start (searching ids deterministically). */
function idWithOffset(pred: (offsetMin: number) => boolean): string {
  for (let i = 0; i < 100_000; i++) {
    const id = `payment-${i}`;
    const offsetMin = (batchOffsetMs('23:00', '23:50', id) - 23 * HOUR) / MIN;
    if (pred(offsetMin)) return id;
  }
  throw new Error('no id found');
}

describe('KST date boundaries', () => {
  it('14:59:59Z is still the previous KST day; 15:00:00Z is KST midnight of the next', () => {
    expect(new Date(kstMidnight(new Date('2025-03-10T14:59:59Z'))).toISOString()).toBe('2025-03-09T15:00:00.000Z');
    expect(new Date(kstMidnight(new Date('2025-03-10T15:00:00Z'))).toISOString()).toBe('2025-03-10T15:00:00.000Z');
  });

  it('a payment at 14:59Z (23:59 KST, 10 Mar) is voided on the night of 11 Mar; at 15:00Z (00:00 KST, 11 Mar) too', () => {
    const id = 'pay-boundary';
    const before = computeAutoRefundDue(BATCH, new Date('2025-03-10T14:59:00Z'), id);
    const after = computeAutoRefundDue(BATCH, new Date('2025-03-10T15:00:00Z'), id);
    expect(before && kst(before).date).toBe('2025-03-11');
    expect(after && kst(after).date).toBe('2025-03-11');
    expect(before?.getTime()).toBe(after?.getTime());
  });

  it('a payment at 14:00Z (23:00 KST) belongs to that KST day, not the UTC one', () => {
    const id = idWithOffset((m) => m >= 30);
    const due = computeAutoRefundDue(BATCH, new Date('2025-03-10T14:00:00Z'), id);
    expect(due && kst(due).date).toBe('2025-03-10');
  });
});

describe('daily batch', () => {
  it('is voided tonight when approved before 23:00 KST', () => {
    const due = computeAutoRefundDue(BATCH, new Date('2025-03-10T12:00:00+09:00'), 'pay-1');
    expect(due).not.toBeNull();
    if (!due) return;
    expect(kst(due).date).toBe('2025-03-10');
    expect(kst(due).time >= '23:00:00' && kst(due).time < '23:50:00').toBe(true);
  });

  it('approved inside the window: tonight if before its own instant, otherwise tomorrow at the same instant', () => {
    const late = idWithOffset((m) => m >= 40); // instant at 23:40 or later
    const early = idWithOffset((m) => m < 5); // instant before 23:05
    const approvedAt = new Date('2025-03-10T23:10:00+09:00');
    const tonight = computeAutoRefundDue(BATCH, approvedAt, late);
    const tomorrow = computeAutoRefundDue(BATCH, approvedAt, early);
    expect(tonight && kst(tonight).date).toBe('2025-03-10');
    expect(tomorrow && kst(tomorrow).date).toBe('2025-03-11');
    expect(tomorrow && kst(tomorrow).time < '23:05:00').toBe(true);
  });

  it('approved at 23:55 KST, after the window: voided tomorrow night', () => {
    const due = computeAutoRefundDue(BATCH, new Date('2025-03-10T23:55:00+09:00'), 'pay-2');
    expect(due && kst(due).date).toBe('2025-03-11');
  });

  it('approved exactly at its own instant: not "before", so tomorrow', () => {
    const id = 'pay-exact';
    const instant = computeAutoRefundDue(BATCH, new Date('2025-03-10T12:00:00+09:00'), id);
    expect(instant).not.toBeNull();
    if (!instant) return;
    const again = computeAutoRefundDue(BATCH, instant, id);
    expect(again && again.getTime() - instant.getTime()).toBe(DAY);
  });

  it('is deterministic per paymentId and spreads different ids over the window', () => {
    const approvedAt = new Date('2025-03-10T12:00:00+09:00');
    expect(computeAutoRefundDue(BATCH, approvedAt, 'abc')).toEqual(computeAutoRefundDue(BATCH, approvedAt, 'abc'));
    // Pinned value: FNV-1a is stable across runs and platforms, so this never changes.
    expect(fnv1a32('abc')).toBe(0x1a47e90b);
    const instants = new Set(
      Array.from({ length: 50 }, (_, i) => computeAutoRefundDue(BATCH, approvedAt, `p-${i}`)?.getTime()),
    );
    expect(instants.size).toBeGreaterThan(40);
  });

  it('properties: later than approval, inside the KST window, at most 24h50m away (property)', () => {
    const from = Date.UTC(2020, 0, 1);
    const to = Date.UTC(2035, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.string({ minLength: 1, maxLength: 40 }), (t, id) => {
        const approvedAt = new Date(t);
        const due = computeAutoRefundDue(BATCH, approvedAt, id);
        expect(due).not.toBeNull();
        if (!due) return;
        expect(due.getTime()).toBeGreaterThan(t);
        expect(due.getTime() - t).toBeLessThanOrEqual(DAY + 50 * MIN);
        const { time } = kst(due);
        expect(time >= '23:00:00' && time < '23:50:00').toBe(true);
        expect(due.getTime() % 1000).toBe(0);
        // Same id ⇒ same instant of the day, whatever the approval time.
        expect((due.getTime() + KST_OFFSET_MS) % DAY).toBe(batchOffsetMs('23:00', '23:50', id));
      }),
    );
  });

  it('rejects a malformed window', () => {
    expect(() =>
      computeAutoRefundDue({ kind: 'daily-batch', timeZone: 'Asia/Seoul', windowStart: '23:50', windowEnd: '23:00' }, new Date(), 'x'),
    ).toThrow(/window/);
    expect(() =>
      computeAutoRefundDue({ kind: 'daily-batch', timeZone: 'Asia/Seoul', windowStart: '25:00', windowEnd: '26:00' }, new Date(), 'x'),
    ).toThrow(/HH:MM/);
  });
});

describe('interval', () => {
  const half: AutoRefundRule = { kind: 'interval', minutes: 30 };
  const hour: AutoRefundRule = { kind: 'interval', minutes: 60 };

  it('rounds up to the next :00/:30 KST boundary', () => {
    expect(computeAutoRefundDue(half, new Date('2025-03-10T10:07:13+09:00'), 'x')?.toISOString()).toBe(
      new Date('2025-03-10T10:30:00+09:00').toISOString(),
    );
    expect(computeAutoRefundDue(half, new Date('2025-03-10T10:31:00+09:00'), 'x')?.toISOString()).toBe(
      new Date('2025-03-10T11:00:00+09:00').toISOString(),
    );
    expect(computeAutoRefundDue(hour, new Date('2025-03-10T23:59:59.999+09:00'), 'x')?.toISOString()).toBe(
      new Date('2025-03-11T00:00:00+09:00').toISOString(),
    );
  });

  it('exactly on a boundary → the next one', () => {
    expect(computeAutoRefundDue(half, new Date('2025-03-10T10:30:00+09:00'), 'x')?.toISOString()).toBe(
      new Date('2025-03-10T11:00:00+09:00').toISOString(),
    );
    expect(computeAutoRefundDue(hour, new Date('2025-03-10T10:00:00+09:00'), 'x')?.toISOString()).toBe(
      new Date('2025-03-10T11:00:00+09:00').toISOString(),
    );
  });

  it('properties: strictly later, at most one step away, on a KST boundary (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }), fc.constantFrom(30, 60), (t, minutes) => {
        const due = computeAutoRefundDue({ kind: 'interval', minutes: minutes as 30 | 60 }, new Date(t), 'x');
        expect(due).not.toBeNull();
        if (!due) return;
        expect(due.getTime()).toBeGreaterThan(t);
        expect(due.getTime() - t).toBeLessThanOrEqual(minutes * MIN);
        expect((due.getTime() + KST_OFFSET_MS) % (minutes * MIN)).toBe(0);
      }),
    );
  });
});

describe('no auto-refund', () => {
  it('none and never have no due time; a delay override is approval + seconds', () => {
    const t = new Date('2025-03-10T03:00:00Z');
    expect(computeAutoRefundDue({ kind: 'none' }, t, 'x')).toBeNull();
    expect(computeAutoRefundDue({ kind: 'never' }, t, 'x')).toBeNull();
    expect(computeAutoRefundDue({ kind: 'delay', seconds: 120 }, t, 'x')?.toISOString()).toBe('2025-03-10T03:02:00.000Z');
  });
});
