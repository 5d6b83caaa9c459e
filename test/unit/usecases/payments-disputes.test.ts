// Disputes (분쟁, docs/disputes.md) on the in-memory repository: opened on a PAID payment with
// Transaction.DisputeCreated, resolved with Transaction.DisputeResolved, in PortOne's Dispute shape on
// getPayment, and the refusals (not PAID, unknown, already resolved, duplicate id).
import { describe, expect, it } from 'vitest';
import { cancelPayment } from '../../../functions/payments/cancel-payment.ts';
import { DEFAULT_DISPUTE_REASON, openDispute, resolveDispute } from '../../../functions/payments/disputes.ts';
import { presentPayment } from '../../../functions/payments/present.ts';
import { setWebhookUrl } from '../../../functions/webhooks/settings.ts';
import { MAX_DISPUTES } from '../../../functions/domain/dispute.ts';
import { payByCard } from '../../support/unit-requests.ts';
import { outboxInOrder, RECEIVER_URL, rejection, unitWorld } from '../../support/unit-services.ts';

async function paidWorld() {
  const w = await unitWorld();
  await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
  await payByCard(w, 'pay-1', { pg: 'KCP_V2', total: 10_000 });
  return w;
}

describe('disputes', () => {
  it('open then resolve: PortOne’s Dispute on the PAID payment, one webhook each, the payment otherwise unchanged', async () => {
    const w = await paidWorld();
    w.clock.advance(60_000);
    const opened = await openDispute(w.services, w.storeId, 'pay-1', { reason: '카드 도용 주장' });
    const pgTxId = (await w.repo.getPayment(w.storeId, 'pay-1'))!.pgTxId;
    expect(opened).toEqual({ status: 'UNRESOLVED', pgDisputeId: `${pgTxId}-d1`, reason: '카드 도용 주장', createdAt: w.clock.iso() });
    w.clock.advance(60_000);
    const resolved = await resolveDispute(w.services, w.storeId, 'pay-1', opened.pgDisputeId);
    expect(resolved).toEqual({ ...opened, status: 'RESOLVED', resolvedAt: w.clock.iso() });
    // The outbox is ordered by store time: a second apart, the resolve and the next open cannot tie.
    w.clock.advance(1_000);
    const second = await openDispute(w.services, w.storeId, 'pay-1', { pgDisputeId: 'CB-2' });
    expect(second).toMatchObject({ pgDisputeId: 'CB-2', reason: DEFAULT_DISPUTE_REASON });

    const p = (await w.repo.getPayment(w.storeId, 'pay-1'))!;
    expect(p).toMatchObject({ status: 'PAID', amount: { paid: 10_000, cancelled: 0 }, updatedAt: w.clock.iso() });
    expect(presentPayment(p).disputes).toEqual([resolved, second]);
    const events = await outboxInOrder(w, 'pay-1');
    expect(events.map((e) => e.type)).toEqual(['Transaction.Paid', 'Transaction.DisputeCreated', 'Transaction.DisputeResolved', 'Transaction.DisputeCreated']);
    expect(JSON.parse(events[1]!.body)).toEqual({ type: 'Transaction.DisputeCreated', timestamp: opened.createdAt, data: { storeId: w.storeId, paymentId: 'pay-1', transactionId: p.transactionId } });
  });

  it('refuses what cannot be: not PAID (409), unknown payment or dispute (404), resolved twice or a duplicate id (409), more than the cap (400)', async () => {
    const w = await paidWorld();
    expect(await rejection(openDispute(w.services, w.storeId, 'nope', {}))).toMatchObject({ type: 'PAYMENT_NOT_FOUND', status: 404 });
    expect(await rejection(resolveDispute(w.services, w.storeId, 'pay-1', 'nope'))).toMatchObject({ type: 'DISPUTE_NOT_FOUND', status: 404 });
    const d = await openDispute(w.services, w.storeId, 'pay-1', { pgDisputeId: 'CB-1' });
    expect(await rejection(openDispute(w.services, w.storeId, 'pay-1', { pgDisputeId: 'CB-1' }))).toMatchObject({ type: 'DISPUTE_ALREADY_EXISTS', status: 409 });
    await resolveDispute(w.services, w.storeId, 'pay-1', d.pgDisputeId);
    expect(await rejection(resolveDispute(w.services, w.storeId, 'pay-1', d.pgDisputeId))).toMatchObject({ type: 'DISPUTE_ALREADY_RESOLVED', status: 409 });
    for (let i = 1; i < MAX_DISPUTES; i++) await openDispute(w.services, w.storeId, 'pay-1', {});
    expect(await rejection(openDispute(w.services, w.storeId, 'pay-1', {}))).toMatchObject({ type: 'INVALID_REQUEST', status: 400 });
    await cancelPayment(w.services, w.storeId, 'pay-1', { reason: '취소', amount: 1_000 });
    expect(await rejection(openDispute(w.services, w.storeId, 'pay-1', {}))).toMatchObject({ type: 'PAYMENT_NOT_PAID', status: 409 });
    expect(await rejection(openDispute(w.services, w.storeId, 'pay-1', { reason: 'x'.repeat(201) }))).toMatchObject({ type: 'INVALID_REQUEST' });
  });
});
