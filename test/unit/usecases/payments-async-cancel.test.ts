// Asynchronous cancels (docs/async-cancel.md) on the in-memory repository: REQUESTED now, the PG's
// answer later on the store clock (SUCCEEDED gives the money back, FAILED changes nothing), stop,
// and the races a merchant's code meets: a second cancel while one is pending, a cancel racing the
// completion, a stop racing it, and the completion timer delivered twice.
import { describe, expect, it } from 'vitest';
import { cancelPayment } from '../../../functions/payments/cancel-payment.ts';
import { stopPaymentCancellation } from '../../../functions/payments/stop-cancellation.ts';
import { presentPayment } from '../../../functions/payments/present.ts';
import { paymentEventsOf } from '../../../functions/domain/payment-event.ts';
import { runTimer } from '../../../functions/timers/run-timer.ts';
import { advanceClock } from '../../../functions/timers/test-clock.ts';
import { setWebhookUrl } from '../../../functions/webhooks/settings.ts';
import { payByCard } from '../../support/unit-requests.ts';
import { beforeNext, outboxInOrder, RECEIVER_URL, rejection, unitWorld, type UnitWorld } from '../../support/unit-services.ts';

const HOUR = { delaySeconds: 3_600, outcome: 'SUCCEEDED' } as const;
const stored = async (w: UnitWorld, paymentId: string) => (await w.repo.getPayment(w.storeId, paymentId))!;
const completionTimer = async (w: UnitWorld, paymentId: string) => (await w.repo.listPaymentTimers(w.storeId, paymentId)).find((t) => t.kind === 'cancel-completion')!;
const cancelLater = (w: UnitWorld, paymentId: string, async: { delaySeconds: number; outcome: 'SUCCEEDED' | 'FAILED' } = HOUR, amount?: number) =>
  cancelPayment(w.services, w.storeId, paymentId, { reason: '고객 요청', amount, async });

async function paidWorld(total = 10_000) {
  const w = await unitWorld();
  await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
  await payByCard(w, 'pay-1', { pg: 'INICIS_V2', total }); // really withdraws, so refunds show in the PG view
  // A second later on the store clock: webhooks are ordered by their store time, and the pay's and
  // the cancel's would otherwise share one millisecond and come back in either order.
  w.clock.advance(1_000);
  return w;
}

describe('an asynchronous cancel', () => {
  it('is REQUESTED at first: the payment stays PAID with nothing cancelled, Transaction.CancelPending names the cancellation', async () => {
    const w = await paidWorld();
    const requested = await cancelLater(w, 'pay-1');
    expect(requested).toMatchObject({ status: 'REQUESTED', totalAmount: 10_000, requestedAt: w.clock.iso() });
    expect(requested.cancelledAt).toBeUndefined();
    const p = await stored(w, 'pay-1');
    expect(p).toMatchObject({ status: 'PAID', amount: { cancelled: 0 }, pg: { refunded: 0 } });
    expect(presentPayment(p)).not.toHaveProperty('cancellations');
    expect(paymentEventsOf(p).map((e) => e.type)).toEqual(['PAID']);
    const events = await outboxInOrder(w, 'pay-1');
    expect(events.map((e) => e.type)).toEqual(['Transaction.Paid', 'Transaction.CancelPending']);
    expect(JSON.parse(events[1]!.body).data.cancellationId).toBe(requested.id);
    expect(await completionTimer(w, 'pay-1')).toMatchObject({ state: 'PENDING', dueAt: new Date(Date.parse(w.clock.iso()) + 3_600_000).toISOString() });
  });

  it('SUCCEEDS an hour later on the store clock: CANCELLED, money back at the PG, Transaction.Cancelled once, the PG void gone', async () => {
    const w = await paidWorld();
    const requested = await cancelLater(w, 'pay-1');
    await advanceClock(w.services, w.storeId, { by: 'PT59M' });
    expect((await stored(w, 'pay-1')).status).toBe('PAID');
    await advanceClock(w.services, w.storeId, { by: 'PT1M' });
    const p = await stored(w, 'pay-1');
    const dueAt = (await completionTimer(w, 'pay-1')).dueAt;
    expect(p).toMatchObject({ status: 'CANCELLED', amount: { cancelled: 10_000 }, cancelledAt: dueAt, pg: { refunded: 10_000, pendingVoidTimerId: null } });
    expect(p.cancellations).toEqual([expect.objectContaining({ id: requested.id, status: 'SUCCEEDED', cancelledAt: dueAt, requestedAt: requested.requestedAt })]);
    expect(p.cancellations[0]).not.toHaveProperty('pending');
    const events = await outboxInOrder(w, 'pay-1');
    expect(events.map((e) => [e.type, e.trigger])).toEqual([
      ['Transaction.Paid', undefined],
      ['Transaction.CancelPending', undefined],
      ['Transaction.Cancelled', 'ASYNC_CANCEL_APPROVED'],
    ]);
    expect(paymentEventsOf(p).map((e) => [e.type, e.createdAt])).toEqual([['PAID', p.paidAt], ['CANCELLED', dueAt]]);
    const timers = await w.repo.listPaymentTimers(w.storeId, 'pay-1');
    expect(timers.find((t) => t.kind === 'pg-void')?.state).toBe('CANCELLED');
  });

  it('a partial one ends PARTIAL_CANCELLED with Transaction.PartialCancelled; a later cancel takes the rest', async () => {
    const w = await paidWorld();
    await cancelLater(w, 'pay-1', { delaySeconds: 60, outcome: 'SUCCEEDED' }, 4_000);
    await advanceClock(w.services, w.storeId, { by: 'PT1M' });
    expect(await stored(w, 'pay-1')).toMatchObject({ status: 'PARTIAL_CANCELLED', amount: { cancelled: 4_000 } });
    // The completion fired at the clock's new time; a second later, so the two webhooks do not share one millisecond.
    w.clock.advance(1_000);
    const rest = await cancelPayment(w.services, w.storeId, 'pay-1', { reason: '나머지' });
    expect(rest).toMatchObject({ status: 'SUCCEEDED', totalAmount: 6_000 });
    expect((await outboxInOrder(w, 'pay-1')).map((e) => e.type).slice(2)).toEqual(['Transaction.PartialCancelled', 'Transaction.Cancelled']);
  });

  it('FAILS when the PG says so: the cancellation is FAILED, the payment and the PG view unchanged, no further webhook', async () => {
    const w = await paidWorld();
    const requested = await cancelLater(w, 'pay-1', { delaySeconds: 600, outcome: 'FAILED' });
    await advanceClock(w.services, w.storeId, { by: 'PT10M' });
    const p = await stored(w, 'pay-1');
    expect(p).toMatchObject({ status: 'PAID', amount: { cancelled: 0 }, pg: { refunded: 0 } });
    expect(p.cancellations).toEqual([expect.objectContaining({ id: requested.id, status: 'FAILED', failure: expect.objectContaining({ pgCode: 'ASYNC_CANCEL_FAILED' }) })]);
    expect(p.cancellations[0]!.cancelledAt).toBeUndefined();
    expect((await outboxInOrder(w, 'pay-1')).map((e) => e.type)).toEqual(['Transaction.Paid', 'Transaction.CancelPending']);
    // The money is still there: a new cancel goes through.
    expect(await cancelPayment(w.services, w.storeId, 'pay-1', { reason: '다시' })).toMatchObject({ status: 'SUCCEEDED', totalAmount: 10_000 });
    expect(presentPayment(await stored(w, 'pay-1')).cancellations).toEqual([
      expect.objectContaining({ status: 'FAILED', id: requested.id }),
      expect.objectContaining({ status: 'SUCCEEDED', totalAmount: 10_000 }),
    ]);
  });

  it('fails at completion when the PG batch voided the payment meanwhile (기 취소 거래), though the rule said SUCCEEDED', async () => {
    const w = await unitWorld();
    await payByCard(w, 'pay-1', { pg: 'INICIS_V2', total: 1_000 }); // INICIS voids in its night batch
    await cancelLater(w, 'pay-1', { delaySeconds: 2 * 86_400, outcome: 'SUCCEEDED' });
    await advanceClock(w.services, w.storeId, { by: 'P2D' });
    const p = await stored(w, 'pay-1');
    expect(p.pg?.voidedAt).toBeDefined();
    expect(p).toMatchObject({ status: 'PAID', amount: { cancelled: 0 } });
    expect(p.cancellations[0]).toMatchObject({ status: 'FAILED', failure: { pgMessage: expect.stringContaining('기 취소') } });
  });
});

describe('while a cancel is pending', () => {
  it('a second cancel is refused by the PG (502 CANCEL_IN_PROGRESS) and changes nothing', async () => {
    const w = await paidWorld();
    const requested = await cancelLater(w, 'pay-1', HOUR, 3_000);
    const before = await stored(w, 'pay-1');
    const err = await rejection(cancelPayment(w.services, w.storeId, 'pay-1', { reason: '또', amount: 1_000 }));
    expect(err).toMatchObject({ type: 'PG_PROVIDER', status: 502, pgCode: 'CANCEL_IN_PROGRESS' });
    expect(err.message).toContain(requested.id);
    expect(await stored(w, 'pay-1')).toEqual(before);
  });

  it('a cancel racing the completion: refused while the PG has not answered, and for exactly what is left once it has', async () => {
    const w = await paidWorld();
    await cancelLater(w, 'pay-1', { delaySeconds: 60, outcome: 'SUCCEEDED' }, 4_000);
    w.clock.advance(60_000);
    const timer = await completionTimer(w, 'pay-1');
    // The cancel reads first: the PG has not answered, so it is refused without writing; the completion then commits.
    const [early] = await Promise.all([cancelPayment(w.services, w.storeId, 'pay-1', { reason: '나머지' }).catch((e: Error) => e)]);
    expect(early).toMatchObject({ type: 'PG_PROVIDER', pgCode: 'CANCEL_IN_PROGRESS' });
    // The completion commits just before the next cancel reads: it sees what is left.
    beforeNext(w.repo, 'getPaymentContext', () => runTimer(w.services, { storeId: w.storeId, timerId: timer.timerId }, timer));
    expect(await cancelPayment(w.services, w.storeId, 'pay-1', { reason: '나머지' })).toMatchObject({ status: 'SUCCEEDED', totalAmount: 6_000 });
    const p = await stored(w, 'pay-1');
    expect(p).toMatchObject({ status: 'CANCELLED', amount: { cancelled: 10_000 }, pg: { refunded: 10_000 } });
    expect(p.cancellations.map((c) => [c.status, c.totalAmount])).toEqual([['SUCCEEDED', 4_000], ['SUCCEEDED', 6_000]]);
  });

  it('the completion racing the PG batch void: it loses its write, decides again and fails (기 취소 거래)', async () => {
    const w = await unitWorld();
    await payByCard(w, 'pay-1', { pg: 'INICIS_V2', total: 1_000 });
    await cancelLater(w, 'pay-1', { delaySeconds: 60, outcome: 'SUCCEEDED' });
    w.clock.advance(60_000);
    const timers = await w.repo.listPaymentTimers(w.storeId, 'pay-1');
    const completion = timers.find((t) => t.kind === 'cancel-completion')!;
    const pgVoid = timers.find((t) => t.kind === 'pg-void')!;
    beforeNext(w.repo, 'commitPayment', () => runTimer(w.services, { storeId: w.storeId, timerId: pgVoid.timerId }, pgVoid));
    expect(await runTimer(w.services, { storeId: w.storeId, timerId: completion.timerId }, completion)).toMatchObject({ result: 'fired', detail: expect.stringContaining('FAILED') });
    const p = await stored(w, 'pay-1');
    expect(p).toMatchObject({ status: 'PAID', amount: { cancelled: 0 }, pg: { voidedAt: pgVoid.dueAt } });
    expect(p.cancellations[0]).toMatchObject({ status: 'FAILED', failure: { pgMessage: expect.stringContaining('기 취소') } });
  });

  it('the completion timer delivered twice gives the money back once', async () => {
    const w = await paidWorld();
    await cancelLater(w, 'pay-1', { delaySeconds: 60, outcome: 'SUCCEEDED' });
    w.clock.advance(60_000);
    const timer = await completionTimer(w, 'pay-1');
    const runs = await Promise.all([1, 2].map(() => runTimer(w.services, { storeId: w.storeId, timerId: timer.timerId }, timer)));
    expect(runs.map((r) => r.result).sort()).toEqual(['fired', 'skipped']);
    expect(await stored(w, 'pay-1')).toMatchObject({ status: 'CANCELLED', amount: { cancelled: 10_000 }, pg: { refunded: 10_000 } });
    expect((await outboxInOrder(w, 'pay-1')).filter((e) => e.type === 'Transaction.Cancelled')).toHaveLength(1);
  });
});

describe('stopPaymentCancellation', () => {
  it('stops a pending cancel: FAILED, timer cancelled, the money stays, nothing sent; stopping again is 409 NOT_PENDING', async () => {
    const w = await paidWorld();
    const requested = await cancelLater(w, 'pay-1');
    w.clock.advance(5_000);
    const { stoppedAt } = await stopPaymentCancellation(w.services, w.storeId, 'pay-1', requested.id);
    expect(stoppedAt).toBe(w.clock.iso());
    const p = await stored(w, 'pay-1');
    expect(p).toMatchObject({ status: 'PAID', amount: { cancelled: 0 } });
    expect(p.cancellations[0]).toMatchObject({ status: 'FAILED', failure: { stoppedAt } });
    expect(await completionTimer(w, 'pay-1')).toMatchObject({ state: 'CANCELLED' });
    expect(w.scheduler.live.has((await completionTimer(w, 'pay-1')).scheduleName)).toBe(false);
    await advanceClock(w.services, w.storeId, { by: 'PT2H' });
    expect((await stored(w, 'pay-1')).status).toBe('PAID');
    expect((await outboxInOrder(w, 'pay-1')).map((e) => e.type)).toEqual(['Transaction.Paid', 'Transaction.CancelPending']);
    expect(await rejection(stopPaymentCancellation(w.services, w.storeId, 'pay-1', requested.id))).toMatchObject({ type: 'PAYMENT_CANCELLATION_NOT_PENDING', status: 409 });
  });

  it('404 for an unknown payment or cancellation; 409 for a cancellation answered at once', async () => {
    const w = await paidWorld();
    expect(await rejection(stopPaymentCancellation(w.services, w.storeId, 'nope', 'c'))).toMatchObject({ type: 'PAYMENT_NOT_FOUND', status: 404 });
    expect(await rejection(stopPaymentCancellation(w.services, w.storeId, 'pay-1', 'nope'))).toMatchObject({ type: 'PAYMENT_CANCELLATION_NOT_FOUND', status: 404 });
    const done = await cancelPayment(w.services, w.storeId, 'pay-1', { reason: 'x', amount: 1_000 });
    expect(await rejection(stopPaymentCancellation(w.services, w.storeId, 'pay-1', done.id))).toMatchObject({ type: 'PAYMENT_CANCELLATION_NOT_PENDING', status: 409 });
  });

  it('a stop racing the completion: exactly one decides (the stop first: FAILED and no refund; the completion first: 409 and refunded)', async () => {
    // Stop wins: the completion, delivered after, finds nothing to answer.
    const a = await paidWorld();
    const ra = await cancelLater(a, 'pay-1', { delaySeconds: 60, outcome: 'SUCCEEDED' });
    a.clock.advance(60_000);
    const ta = await completionTimer(a, 'pay-1');
    beforeNext(a.repo, 'commitPayment', () => stopPaymentCancellation(a.services, a.storeId, 'pay-1', ra.id));
    expect(await runTimer(a.services, { storeId: a.storeId, timerId: ta.timerId }, ta)).toMatchObject({ result: 'skipped' });
    expect(await stored(a, 'pay-1')).toMatchObject({ status: 'PAID', amount: { cancelled: 0 }, pg: { refunded: 0 } });
    expect((await stored(a, 'pay-1')).cancellations[0]).toMatchObject({ status: 'FAILED' });

    // Completion wins: the stop, decided on the stale read, loses its write, reads again and refuses.
    const b = await paidWorld();
    const rb = await cancelLater(b, 'pay-1', { delaySeconds: 60, outcome: 'SUCCEEDED' });
    b.clock.advance(60_000);
    const tb = await completionTimer(b, 'pay-1');
    beforeNext(b.repo, 'commitPayment', () => runTimer(b.services, { storeId: b.storeId, timerId: tb.timerId }, tb));
    expect(await rejection(stopPaymentCancellation(b.services, b.storeId, 'pay-1', rb.id))).toMatchObject({ type: 'PAYMENT_CANCELLATION_NOT_PENDING' });
    expect(await stored(b, 'pay-1')).toMatchObject({ status: 'CANCELLED', pg: { refunded: 10_000 } });
  });
});
