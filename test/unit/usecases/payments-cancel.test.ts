import { describe, expect, it } from 'vitest';
import { cancelPayment, MAX_CANCELLATIONS } from '../../../functions/payments/cancel-payment.ts';
import { presentPayment } from '../../../functions/payments/present.ts';
import { runTimer } from '../../../functions/timers/run-timer.ts';
import { advanceClock } from '../../../functions/timers/test-clock.ts';
import { setWebhookUrl } from '../../../functions/webhooks/settings.ts';
import { card } from '../../support/cards.ts';
import { issueVirtualAccount, payByCard, payByEasyPay } from '../../support/unit-requests.ts';
import { beforeNext, outboxInOrder, RECEIVER_URL, rejection, unitWorld, type UnitWorld } from '../../support/unit-services.ts';

const cancel = (w: UnitWorld, paymentId: string, req: Parameters<typeof cancelPayment>[3] = { reason: '고객 요청' }) =>
  cancelPayment(w.services, w.storeId, paymentId, req);
const stored = async (w: UnitWorld, paymentId: string) => (await w.repo.getPayment(w.storeId, paymentId))!;
const voidTimer = async (w: UnitWorld, paymentId: string) => (await w.repo.listPaymentTimers(w.storeId, paymentId)).find((t) => t.kind === 'pg-void');

describe('cancelPayment: PortOne checks', () => {
  it('cancels partially then fully: cancelled + cancellable = paid, one webhook each with its cancellationId', async () => {
    const w = await unitWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    await payByCard(w, 'pay-1', { pg: 'KCP_V2', total: 10_000 });
    w.clock.advance(1_000);
    const first = await cancel(w, 'pay-1', { amount: 3_000, reason: '부분 취소', requester: 'CUSTOMER' });
    expect(first).toMatchObject({ status: 'SUCCEEDED', totalAmount: 3_000, reason: '부분 취소', cancelledAt: w.clock.iso(), trigger: 'API' });
    const partial = await stored(w, 'pay-1');
    expect(partial).toMatchObject({ status: 'PARTIAL_CANCELLED', statusChangedAt: w.clock.iso(), amount: { paid: 10_000, cancelled: 3_000 } });
    w.clock.advance(1_000);
    const second = await cancel(w, 'pay-1');
    expect(second.totalAmount).toBe(7_000);
    const full = await stored(w, 'pay-1');
    expect(full).toMatchObject({ status: 'CANCELLED', amount: { cancelled: 10_000 } });
    expect(full.cancellations.map((c) => c.id)).toEqual([first.id, second.id]);
    // VAT of all cancellations adds up to the payment's VAT.
    expect(full.cancellations.reduce((s, c) => s + c.vatAmount, 0)).toBe(full.amount.vat);
    expect(presentPayment(full).cancellations).toEqual(full.cancellations.map(({ requester: _, ...c }) => c));

    const events = await outboxInOrder(w, 'pay-1');
    expect(events.map((e) => e.type)).toEqual(['Transaction.Paid', 'Transaction.PartialCancelled', 'Transaction.Cancelled']);
    expect(events.slice(1).map((e) => JSON.parse(e.body).data.cancellationId)).toEqual([first.id, second.id]);
  });

  it('splits tax-free amounts and refuses a tax-free cancel above what is left', async () => {
    const w = await unitWorld();
    await payByCard(w, 'pay-1', { total: 10_000, taxFree: 4_000 });
    const part = await cancel(w, 'pay-1', { amount: 5_000, taxFreeAmount: 3_000, reason: 'x' });
    expect(part).toMatchObject({ totalAmount: 5_000, taxFreeAmount: 3_000 });
    expect(await rejection(cancel(w, 'pay-1', { amount: 2_000, taxFreeAmount: 2_000, reason: 'x' }))).toMatchObject({
      type: 'CANCEL_TAX_FREE_AMOUNT_EXCEEDS_CANCELLABLE_TAX_FREE_AMOUNT',
      status: 409,
    });
    const rest = await cancel(w, 'pay-1');
    expect(rest).toMatchObject({ totalAmount: 5_000, taxFreeAmount: 1_000 });
    expect((await stored(w, 'pay-1')).amount).toMatchObject({ cancelled: 10_000, cancelledTaxFree: 4_000 });
  });

  it('refuses more than is cancellable and a stale currentCancellableAmount, changing nothing', async () => {
    const w = await unitWorld();
    await payByCard(w, 'pay-1', { total: 10_000 });
    await cancel(w, 'pay-1', { amount: 4_000, reason: 'x' });
    const before = await stored(w, 'pay-1');
    expect(await rejection(cancel(w, 'pay-1', { amount: 6_001, reason: 'x' }))).toMatchObject({ type: 'CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT', status: 409 });
    expect(await rejection(cancel(w, 'pay-1', { amount: 1_000, currentCancellableAmount: 10_000, reason: 'x' }))).toMatchObject({
      type: 'CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN',
    });
    expect(await rejection(cancel(w, 'pay-1', { amount: 0, reason: 'x' }))).toMatchObject({ type: 'INVALID_REQUEST' });
    expect(await stored(w, 'pay-1')).toEqual(before);
    await expect(cancel(w, 'pay-1', { amount: 1_000, currentCancellableAmount: 6_000, reason: 'x' })).resolves.toBeDefined();
  });

  it('answers PAYMENT_NOT_FOUND, PAYMENT_NOT_PAID and PAYMENT_ALREADY_CANCELLED', async () => {
    const w = await unitWorld();
    expect(await rejection(cancel(w, 'nope'))).toMatchObject({ type: 'PAYMENT_NOT_FOUND', status: 404 });
    await issueVirtualAccount(w, 'va-1');
    expect(await rejection(cancel(w, 'va-1'))).toMatchObject({ type: 'PAYMENT_NOT_PAID' });
    await payByCard(w, 'pay-1');
    await cancel(w, 'pay-1');
    expect(await rejection(cancel(w, 'pay-1'))).toMatchObject({ type: 'PAYMENT_ALREADY_CANCELLED' });
  });

  it(`caps partial cancels at ${MAX_CANCELLATIONS} (MAX_CANCEL_COUNT_REACHED)`, async () => {
    const w = await unitWorld();
    await payByCard(w, 'pay-1', { total: 100_000 });
    for (let i = 0; i < MAX_CANCELLATIONS; i++) await cancel(w, 'pay-1', { amount: 100, reason: 'x' });
    expect(await rejection(cancel(w, 'pay-1', { amount: 100, reason: 'x' }))).toMatchObject({ type: 'MAX_CANCEL_COUNT_REACHED' });
  });

  it('skipWebhook cancels without queueing a webhook', async () => {
    const w = await unitWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    await payByCard(w, 'pay-1');
    await cancel(w, 'pay-1', { reason: 'x', skipWebhook: true });
    expect((await w.repo.listOutbox(w.storeId, 'pay-1')).map((e) => e.type)).toEqual(['Transaction.Paid']);
  });
});

describe('cancelPayment: the PG side', () => {
  it('a full cancel refunds the withdrawn money and cancels the pending batch void and its schedule', async () => {
    const w = await unitWorld();
    await payByCard(w, 'pay-1', { pg: 'INICIS_V2' });
    const timer = (await voidTimer(w, 'pay-1'))!;
    await cancel(w, 'pay-1');
    expect((await stored(w, 'pay-1')).pg).toMatchObject({ refunded: 10_000 });
    expect(await voidTimer(w, 'pay-1')).toMatchObject({ state: 'CANCELLED', cancelledAt: w.clock.iso() });
    expect(w.scheduler.unscheduled).toEqual([timer.scheduleName]);
    expect(w.scheduler.live.size).toBe(0);
    // Its schedule firing anyway (the delete failed) changes nothing.
    expect(await runTimer(w.services, { storeId: w.storeId, timerId: timer.timerId })).toMatchObject({ result: 'skipped' });
  });

  it('a failed schedule deletion does not fail the cancel', async () => {
    const w = await unitWorld();
    await payByCard(w, 'pay-1', { pg: 'INICIS_V2' });
    w.scheduler.failNext('unschedule');
    await expect(cancel(w, 'pay-1')).resolves.toMatchObject({ totalAmount: 10_000 });
    expect(await voidTimer(w, 'pay-1')).toMatchObject({ state: 'CANCELLED' });
  });

  it('a partial cancel at INICIS keeps the batch void pending', async () => {
    const w = await unitWorld();
    await payByCard(w, 'pay-1', { pg: 'INICIS_V2' });
    await cancel(w, 'pay-1', { amount: 3_000, reason: 'x' });
    expect(await voidTimer(w, 'pay-1')).toMatchObject({ state: 'PENDING' });
    expect((await stored(w, 'pay-1')).pg).toMatchObject({ refunded: 3_000 });
  });

  it('NICE: a partial cancel removes the pending auto-refund; the rest stays withdrawn', async () => {
    const w = await unitWorld();
    await payByCard(w, 'pay-1', { pg: 'NICE_V2' });
    await cancel(w, 'pay-1', { amount: 3_000, reason: 'x' });
    expect(await voidTimer(w, 'pay-1')).toMatchObject({ state: 'CANCELLED' });
    expect(w.scheduler.live.size).toBe(0);
    expect((await advanceClock(w.services, w.storeId, { by: 'P2D' })).fired).toEqual([]);
  });

  it('NICE: a check card refuses a partial cancel with the PG message; a full cancel works', async () => {
    const w = await unitWorld();
    await payByCard(w, 'pay-1', { pg: 'NICE_V2', card: card('SHINHAN_CARD', 'DEBIT') });
    const err = await rejection(cancel(w, 'pay-1', { amount: 1_000, reason: 'x' }));
    expect(err).toMatchObject({ type: 'PG_PROVIDER', status: 502, pgMessage: expect.stringContaining('부분취소 불가능') });
    expect((await stored(w, 'pay-1')).status).toBe('PAID');
    await expect(cancel(w, 'pay-1')).resolves.toBeDefined();
  });

  it('Danal refuses every partial cancel; easy pay through INICIS refuses partial cancels', async () => {
    const w = await unitWorld();
    await payByCard(w, 'danal', { pg: 'DANAL' });
    expect(await rejection(cancel(w, 'danal', { amount: 1_000, reason: 'x' }))).toMatchObject({ type: 'PG_PROVIDER' });
    await payByEasyPay(w, 'hub', 'KAKAOPAY', { pg: 'INICIS_V2' });
    expect(await rejection(cancel(w, 'hub', { amount: 1_000, reason: 'x' }))).toMatchObject({ type: 'PG_PROVIDER' });
    await expect(cancel(w, 'hub')).resolves.toBeDefined();
    expect((await stored(w, 'hub')).pg).toMatchObject({ refunded: 10_000 });
  });

  it('after the PG batch void: PG_PROVIDER 기 취소 거래, the payment stays PAID and no webhook is queued', async () => {
    const w = await unitWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    await payByCard(w, 'pay-1', { pg: 'INICIS_V2' });
    await advanceClock(w.services, w.storeId, { by: 'PT10H' }); // 14:00 → 24:00 KST, past the 23:00–23:50 batch
    const before = await stored(w, 'pay-1');
    expect(before.pg!.voidedAt).toBeDefined();
    const err = await rejection(cancel(w, 'pay-1'));
    expect(err).toMatchObject({ type: 'PG_PROVIDER', pgMessage: expect.stringContaining('기 취소 거래'), pgCode: expect.any(String) });
    expect(await stored(w, 'pay-1')).toEqual(before);
    expect((await w.repo.listOutbox(w.storeId, 'pay-1')).map((e) => e.type)).toEqual(['Transaction.Paid']);
  });
});

describe('cancelPayment: concurrency', () => {
  it('never over-refunds under 20 concurrent partial cancels', async () => {
    const w = await unitWorld();
    await payByCard(w, 'pay-1', { total: 10_000 });
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => cancel(w, 'pay-1', { amount: 1_000, reason: 'race' })));
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok).toHaveLength(10);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ type: expect.stringMatching(/CANCEL_AMOUNT_EXCEEDS|PAYMENT_ALREADY_CANCELLED/) });
    const p = await stored(w, 'pay-1');
    expect(p).toMatchObject({ status: 'CANCELLED', amount: { cancelled: 10_000 } });
    expect(p.cancellations).toHaveLength(10);
  });

  it('a cancel that loses its commit re-reads and decides again against what the winner left', async () => {
    const w = await unitWorld();
    await payByCard(w, 'pay-1', { total: 10_000 });
    beforeNext(w.repo, 'commitPayment', () => cancel(w, 'pay-1', { amount: 8_000, reason: 'winner' }));
    expect(await rejection(cancel(w, 'pay-1', { amount: 5_000, reason: 'loser' }))).toMatchObject({ type: 'CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT' });
    expect((await stored(w, 'pay-1')).amount.cancelled).toBe(8_000);
  });

  it('a cancel racing the batch void: the loser re-decides and is refused by the PG (기 취소 거래)', async () => {
    const w = await unitWorld();
    await payByCard(w, 'pay-1', { pg: 'INICIS_V2' });
    const timer = (await voidTimer(w, 'pay-1'))!;
    beforeNext(w.repo, 'commitPayment', () => runTimer(w.services, { storeId: w.storeId, timerId: timer.timerId }));
    expect(await rejection(cancel(w, 'pay-1'))).toMatchObject({ type: 'PG_PROVIDER', pgMessage: expect.stringContaining('기 취소 거래') });
    const p = await stored(w, 'pay-1');
    expect(p.status).toBe('PAID');
    expect(p.pg).toMatchObject({ refunded: 10_000, voidedAt: timer.dueAt });
    expect(await voidTimer(w, 'pay-1')).toMatchObject({ state: 'FIRED' });
  });
});
