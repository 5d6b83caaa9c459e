import { describe, expect, it } from 'vitest';
import { layoutTimeline, textWidth, timeScale } from '../../functions/console/timeline-layout.ts';
import { buildTimeline } from '../../functions/console/timeline.ts';
import type { PaymentRecord } from '../../functions/domain/payment.ts';
import type { TimerRecord } from '../../functions/domain/timer.ts';
import type { OutboxEvent } from '../../functions/domain/outbox.ts';
import { PAID_AT, REQUESTED_AT, paidCardRecord } from '../support/payment-records.ts';

const T0 = REQUESTED_AT; // 14:00 KST
const PAID = PAID_AT;
const VOID = '2025-06-01T14:27:00.000Z'; // 23:27 KST

const payment = (over: Partial<PaymentRecord> = {}) => paidCardRecord(over);

const voidTimer: TimerRecord = {
  storeId: 's',
  timerId: 'pgvoid-x',
  kind: 'pg-void',
  paymentId: 'p1',
  dueAt: VOID,
  state: 'PENDING',
  reason: 'batch',
  scheduleName: 'pgvoid-x',
  createdAt: PAID,
};

const delivered: OutboxEvent = {
  storeId: 's',
  eventId: 'e1',
  paymentId: 'p1',
  type: 'Transaction.Paid',
  timestamp: PAID,
  body: '{}',
  url: 'https://x',
  status: 'DELIVERED',
  attempts: [{ attempt: 1, url: 'https://x', requestedAt: PAID, status: 200, ok: true }],
  maxAttempts: 6,
  paymentStatus: 'PAID',
  createdAt: PAID,
  version: 2,
};

describe('the timeline model', () => {
  it('before the batch: both ledgers agree, and the pending void is projected on the PG lane only', () => {
    const tl = buildTimeline({ payment: payment(), outbox: [delivered], timers: [voidTimer], now: '2025-06-01T06:00:00.000Z' });
    expect(tl.divergence).toBeUndefined();
    expect(tl.markers.filter((m) => m.pending).map((m) => [m.lane, m.at])).toEqual([['pg', VOID]]);
    const projected = tl.segments.filter((s) => s.projected);
    expect(projected).toContainEqual(expect.objectContaining({ lane: 'pg', from: VOID, state: 'voided' }));
    expect(projected).toContainEqual(expect.objectContaining({ lane: 'portone', state: 'paid' }));
    expect(tl.markers.some((m) => m.label.en === 'webhook ✓ Paid')).toBe(true);
  });

  it('shows each fault injected into the payment\'s requests on the PortOne lane, earliest first, and starts early enough to show it', () => {
    const fault = (at: string, description: string) => ({
      storeId: 's',
      faultId: at,
      at,
      operation: 'pay' as const,
      method: 'POST',
      path: '/payments/p/instant',
      paymentId: 'p',
      ruleId: 'storm',
      hitKey: 'storm:p',
      effect: 'rate-limit' as const,
      description,
    });
    const early = '2025-05-01T00:00:00.000Z';
    const tl = buildTimeline({ payment: payment(), outbox: [], timers: [], faults: [fault('2025-05-01T00:00:01.000Z', '429 (Retry-After 2 s)'), fault(early, '429 (Retry-After 2 s)')], now: '2025-06-01T06:00:00.000Z' });
    const faults = tl.markers.filter((m) => m.label.en.startsWith('injected fault'));
    expect(faults.map((m) => [m.lane, m.at, m.tone])).toEqual([
      ['portone', early, 'bad'],
      ['portone', '2025-05-01T00:00:01.000Z', 'bad'],
    ]);
    expect(faults[0]!.label).toEqual({ ko: '주입된 장애 (pay): 429 (Retry-After 2 s)', en: 'injected fault (pay): 429 (Retry-After 2 s)' });
    expect(tl.start).toBe(early);
  });

  it('after the batch: PortOne stays PAID, the PG is voided, and the gap is the divergence', () => {
    const now = '2025-06-02T05:00:00.000Z';
    const voided = payment({ pg: { ...payment().pg!, voidedAt: VOID, refunded: 15_000 } });
    const tl = buildTimeline({ payment: voided, outbox: [], timers: [{ ...voidTimer, state: 'FIRED' }], now });
    expect(tl.divergence).toMatchObject({ from: VOID, to: now });
    expect(tl.segments.filter((s) => s.lane === 'pg').map((s) => s.state)).toEqual(['held', 'voided']);
    expect(tl.segments.filter((s) => s.lane === 'portone').map((s) => s.state)).toEqual(['ready', 'paid']);
    expect(tl.divergence?.reason).toEqual({ ko: '불일치: 포트원은 결제완료, PG는 취소', en: 'diverged: PortOne PAID, PG voided' });
  });
});

describe('the timeline layout', () => {
  it('gives long gaps more room than short ones, but far less than linear', () => {
    const scale = timeScale([T0, PAID, VOID], 0, 1000);
    const short = scale.x(PAID) - scale.x(T0);
    const long = scale.x(VOID) - scale.x(PAID);
    expect(long).toBeGreaterThan(short);
    expect(long / short).toBeLessThan(10);
  });

  it('never lets two label blocks of a lane overlap', () => {
    const events: OutboxEvent[] = ['Transaction.Ready', 'Transaction.Paid'].flatMap((type, i) =>
      [true, false].map((ok, j) => ({ ...delivered, eventId: `e${i}${j}`, type, attempts: [{ attempt: 1, url: 'x', requestedAt: PAID, ok, status: ok ? 200 : 500 }] })),
    );
    const tl = buildTimeline({ payment: payment(), outbox: events, timers: [voidTimer], now: '2025-06-01T06:00:00.000Z' });
    for (const lang of ['ko', 'en'] as const) {
      const layout = layoutTimeline(tl, lang);
      for (const lane of ['portone', 'pg'] as const) {
        const boxes = layout.groups
          .filter((g) => g.lane === lane)
          .map((g) => {
            const w = Math.max(...g.lines.map(textWidth), textWidth(g.time)) + 8;
            const x0 = g.anchor === 'middle' ? g.x - w / 2 : g.anchor === 'start' ? g.x - 6 : g.x + 6 - w;
            return { x0, x1: x0 + w, y0: g.offset, y1: g.offset + g.height };
          });
        for (const [i, a] of boxes.entries()) {
          for (const b of boxes.slice(i + 1)) {
            const overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
            expect(overlap).toBe(false);
          }
        }
      }
      expect(layout.height).toBeGreaterThan(150);
    }
  });
});
