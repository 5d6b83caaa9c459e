/**
 * Failure paths a merchant's code must handle, as its own test suite would meet them: the official
 * @portone/server-sdk over real HTTP against the local runtime (one runtime for the file), webhooks
 * verified by the SDK at a loopback receiver, the store clock moved instead of waiting.
 * - Asynchronous cancel (docs/async-cancel.md): a fault rule makes the PG answer a cancel an hour
 *   later; the merchant sees REQUESTED, Transaction.CancelPending, then Transaction.Cancelled.
 * - Disputes (docs/disputes.md): the PG reports a chargeback; the merchant gets
 *   Transaction.DisputeCreated / DisputeResolved and reads the dispute with getPayment.
 * Recipes in docs/testing-failure-paths.md point here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectResponseMatches } from '../support/openapi.ts';
import { nextKst } from '../support/admin.ts';
import { errorOf, newPaymentId, startWebhookSandbox, storeKit, type StoreKit, type WebhookSandbox } from '../support/webhook-sandbox.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';

let sandbox: WebhookSandbox;
let receiver: WebhookReceiver;
beforeAll(async () => {
  [sandbox, receiver] = await Promise.all([startWebhookSandbox(), startWebhookReceiver()]);
});
afterAll(async () => {
  await sandbox?.close();
  await receiver?.close();
});

const events = (kit: StoreKit, paymentId: string) =>
  receiver
    .at(kit.path)
    .map((d) => JSON.parse(d.body) as { type: string; data: { paymentId: string; cancellationId?: string } })
    .filter((e) => e.data.paymentId === paymentId);

/** A payment's webhooks once `n` of them arrived, each verified by the SDK at the receiver. */
async function webhooksOf(kit: StoreKit, paymentId: string, n: number) {
  await receiver.waitFor(kit.path, receiver.at(kit.path).length - events(kit, paymentId).length + n);
  for (const d of receiver.at(kit.path)) expect(d.rejections).toEqual([]);
  return events(kit, paymentId);
}

/**
 * The store clock at the next 10:00 KST: INICIS voids by a 23:00–23:50 KST batch, so a payment made
 * at 22:30 KST (13:30 UTC) and advanced an hour would be voided by its PG before the late cancel's
 * answer (기 취소 거래): the test would pass or fail by the hour of day it runs at.
 */
async function toMorning(kit: StoreKit): Promise<void> {
  await kit.admin.advanceTo(nextKst((await kit.admin.clock()).now as string, '10:00'));
}

describe('recipe: handle an asynchronous cancel (the PG answers an hour later)', () => {
  it('REQUESTED and Transaction.CancelPending now; an hour later on the store clock Transaction.Cancelled and a CANCELLED payment', async () => {
    const kit = await storeKit(sandbox, receiver, 'async-ok');
    // Every cancel of a payment whose id starts with `later-` is answered by the PG an hour later.
    await kit.admin.put('/sandbox/faults', {
      seed: 7,
      rules: [{ id: 'refund-later', operation: 'cancel', paymentIdPrefix: 'later-', effect: { kind: 'async-cancel', delaySeconds: 3_600, outcome: 'SUCCEEDED' } }],
    });
    const paymentId = newPaymentId('later');
    await toMorning(kit);
    await kit.payCard(paymentId, 'INICIS_V2');
    await webhooksOf(kit, paymentId, 1); // Transaction.Paid first, so arrivals below are in event order

    const { cancellation } = await kit.sdk.cancelPayment({ paymentId, reason: '고객 변심' });
    expectResponseMatches('post', '/payments/{paymentId}/cancel', 200, { cancellation });
    expect(cancellation).toMatchObject({ status: 'REQUESTED', totalAmount: 10_000 });
    const cancellationId = (cancellation as { id: string }).id;
    // The merchant keeps the order "refund pending": PortOne still says PAID, nothing is cancelled yet.
    expect(await kit.getPayment(paymentId)).toMatchObject({ status: 'PAID', amount: { cancelled: 0 } });
    expect((await kit.admin.view(paymentId)).pg.pendingCancellation).toMatchObject({ cancellationId, amount: 10_000, outcome: 'SUCCEEDED', answersAt: expect.any(String) });
    expect(await webhooksOf(kit, paymentId, 2)).toEqual([
      expect.objectContaining({ type: 'Transaction.Paid' }),
      { type: 'Transaction.CancelPending', timestamp: expect.any(String), data: expect.objectContaining({ cancellationId }) },
    ]);
    // A second cancel meanwhile is refused by the PG: retry after the answer, not now.
    expect(await errorOf(kit.sdk.cancelPayment({ paymentId, reason: '또 취소' }))).toMatchObject({ type: 'PG_PROVIDER' });

    await kit.admin.advance('PT1H');
    const [, , done] = await webhooksOf(kit, paymentId, 3);
    expect(done).toMatchObject({ type: 'Transaction.Cancelled', data: { cancellationId } });
    // The webhook says "look": the truth is getPayment.
    const payment = await kit.getPayment(paymentId);
    expectResponseMatches('get', '/payments/{paymentId}', 200, payment);
    expect(payment).toMatchObject({ status: 'CANCELLED', amount: { cancelled: 10_000 }, cancellations: [{ id: cancellationId, status: 'SUCCEEDED' }] });
    expect(payment.webhooks.map((w: { trigger?: string }) => w.trigger)).toContain('ASYNC_CANCEL_APPROVED');
    // The sandbox shows why: the injected fault and the PG view.
    const log = await kit.admin.get(`/sandbox/faults/log?paymentId=${paymentId}`);
    expect(log.items).toEqual([expect.objectContaining({ ruleId: 'refund-later', effect: 'async-cancel' })]);
    expect((await kit.admin.view(paymentId)).pg).toMatchObject({ status: 'CANCELLED', refundedAmount: 10_000 });
  });

  it('a cancel the PG fails after 10 minutes leaves the payment PAID; the merchant stops another pending one and cancels at once instead', async () => {
    const kit = await storeKit(sandbox, receiver, 'async-no');
    await kit.admin.put('/sandbox/faults', {
      rules: [
        { id: 'refund-fails', operation: 'cancel', paymentIdPrefix: 'nope-', times: 1, effect: { kind: 'async-cancel', delaySeconds: 600, outcome: 'FAILED' } },
        { id: 'refund-slow', operation: 'cancel', paymentIdPrefix: 'slow-', times: 1, effect: { kind: 'async-cancel', delaySeconds: 86_400, outcome: 'SUCCEEDED' } },
      ],
    });
    const failing = newPaymentId('nope');
    await toMorning(kit);
    await kit.payCard(failing, 'INICIS_V2');
    await kit.sdk.cancelPayment({ paymentId: failing, reason: '환불' });
    await kit.admin.advance('PT10M');
    expect(await kit.getPayment(failing)).toMatchObject({ status: 'PAID', amount: { cancelled: 0 } });
    // `times: 1`: the retry is answered at once.
    expect((await kit.sdk.cancelPayment({ paymentId: failing, reason: '환불 재시도' })).cancellation).toMatchObject({ status: 'SUCCEEDED' });
    expect((await kit.getPayment(failing)).cancellations.map((c: { status: string }) => c.status)).toEqual(['FAILED', 'SUCCEEDED']);

    const slow = newPaymentId('slow');
    await kit.payCard(slow, 'INICIS_V2');
    await webhooksOf(kit, slow, 1);
    const pending = (await kit.sdk.cancelPayment({ paymentId: slow, reason: '환불' })).cancellation as { id: string };
    const stop = await kit.sdk.stopPaymentCancellation({ paymentId: slow, cancellationId: pending.id });
    expectResponseMatches('post', '/payments/{paymentId}/cancellations/{cancellationId}/stop', 200, stop);
    expect(await errorOf(kit.sdk.stopPaymentCancellation({ paymentId: slow, cancellationId: pending.id }))).toMatchObject({ type: 'PAYMENT_CANCELLATION_NOT_PENDING' });
    expect((await kit.sdk.cancelPayment({ paymentId: slow, reason: '즉시 환불' })).cancellation).toMatchObject({ status: 'SUCCEEDED' });
    await kit.admin.advance('P1D');
    // The stopped request never comes back: one refund, one Transaction.Cancelled.
    expect(await kit.getPayment(slow)).toMatchObject({ status: 'CANCELLED', amount: { cancelled: 10_000 } });
    const types = (await webhooksOf(kit, slow, 3)).map((e) => e.type);
    expect(types).toEqual(['Transaction.Paid', 'Transaction.CancelPending', 'Transaction.Cancelled']);
  });
});

describe('recipe: handle a dispute (chargeback)', () => {
  it('Transaction.DisputeCreated, the UNRESOLVED dispute on getPayment; Transaction.DisputeResolved, RESOLVED; 409 for what cannot be', async () => {
    const kit = await storeKit(sandbox, receiver, 'dispute');
    const paymentId = newPaymentId('disputed');
    await kit.payCard(paymentId);
    await webhooksOf(kit, paymentId, 1);
    // The PG reports a chargeback (the sandbox API; PortOne has no operation for it).
    const opened = await kit.admin.post(`/sandbox/payments/${paymentId}/disputes`, { reason: '카드 도용 주장' });
    const [, created] = await webhooksOf(kit, paymentId, 2);
    expect(created).toEqual({ type: 'Transaction.DisputeCreated', timestamp: opened.createdAt, data: expect.objectContaining({ paymentId }) });
    expect(created).not.toHaveProperty('data.cancellationId');
    // The webhook names the payment only: which dispute, and its state, come from getPayment.
    const disputed = await kit.getPayment(paymentId);
    expectResponseMatches('get', '/payments/{paymentId}', 200, disputed);
    expect(disputed).toMatchObject({ status: 'PAID', disputes: [{ status: 'UNRESOLVED', reason: '카드 도용 주장', pgDisputeId: opened.pgDisputeId }] });

    await kit.admin.advance('P3D');
    await kit.admin.post(`/sandbox/payments/${paymentId}/disputes/${opened.pgDisputeId}/resolve`);
    const [, , resolved] = await webhooksOf(kit, paymentId, 3);
    expect(resolved).toMatchObject({ type: 'Transaction.DisputeResolved' });
    const after = await kit.getPayment(paymentId);
    expectResponseMatches('get', '/payments/{paymentId}', 200, after);
    expect(after.disputes).toEqual([{ status: 'RESOLVED', reason: '카드 도용 주장', pgDisputeId: opened.pgDisputeId, createdAt: opened.createdAt, resolvedAt: expect.any(String) }]);
    expect(Date.parse(after.disputes[0].resolvedAt) - Date.parse(opened.createdAt)).toBeGreaterThanOrEqual(3 * 86_400_000);

    expect((await kit.admin.call('POST', `/sandbox/payments/${paymentId}/disputes/${opened.pgDisputeId}/resolve`)).body).toMatchObject({ type: 'DISPUTE_ALREADY_RESOLVED' });
    await kit.sdk.cancelPayment({ paymentId, reason: '분쟁 패소, 환불' });
    expect((await kit.admin.call('POST', `/sandbox/payments/${paymentId}/disputes`, {})).body).toMatchObject({ type: 'PAYMENT_NOT_PAID' });
  });
});
