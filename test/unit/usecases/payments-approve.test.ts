import { describe, expect, it } from 'vitest';
import { computeAutoRefundDue } from '../../../functions/timers/due-time.ts';
import { approvePayment, MAX_FAILED_ATTEMPTS } from '../../../functions/payments/approve.ts';
import { loadPaymentWithWebhooks } from '../../../functions/payments/get-payment.ts';
import { presentPayment } from '../../../functions/payments/present.ts';
import { createChannel } from '../../../functions/stores/channels.ts';
import { runTimer } from '../../../functions/timers/run-timer.ts';
import { advanceClock } from '../../../functions/timers/test-clock.ts';
import { setWebhookUrl } from '../../../functions/webhooks/settings.ts';
import { card, declineCard } from '../../support/cards.ts';
import { cardMethod, issueVirtualAccount, payByCard, payByEasyPay, payRequest } from '../../support/unit-requests.ts';
import { beforeNext, RECEIVER_URL, rejection, unitWorld } from '../../support/unit-services.ts';

describe('approvePayment (payInstantly): approval', () => {
  it('a card payment is PAID with the card, channel, amounts and a receipt, and queues Transaction.Paid', async () => {
    const w = await unitWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    const paid = await payByCard(w, 'pay-1', { pg: 'KCP_V2', total: 11_000 });
    expect(paid).toMatchObject({ status: 'PAID', paidAt: w.clock.iso(), requestedAt: w.clock.iso(), version: 1 });
    expect(paid.amount).toEqual({ total: 11_000, taxFree: 0, vat: 1_000, supply: 10_000, discount: 0, paid: 11_000, cancelled: 0, cancelledTaxFree: 0 });
    expect(paid.channel).toMatchObject({ type: 'TEST', pgProvider: 'KCP_V2', key: w.channelKey('KCP_V2') });
    expect(paid.method).toMatchObject({ type: 'PaymentMethodCard', card: { issuer: 'SHINHAN_CARD', type: 'CREDIT', number: expect.stringContaining('*') }, approvalNumber: expect.stringMatching(/^\d{8}$/) });
    expect(paid.pgTxId).toBeTruthy();
    expect(paid.receiptUrl).toContain(paid.transactionId);
    expect(await w.repo.getPayment(w.storeId, 'pay-1')).toEqual(paid);

    const events = await w.repo.listOutbox(w.storeId, 'pay-1');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'Transaction.Paid', url: RECEIVER_URL, status: 'PENDING', paymentStatus: 'PAID' });
    expect(JSON.parse(events[0]!.body)).toEqual({
      type: 'Transaction.Paid',
      timestamp: w.clock.iso(),
      data: { storeId: w.storeId, paymentId: 'pay-1', transactionId: paid.transactionId },
    });
    expect(w.committed).toEqual([{ storeId: w.storeId, paymentId: 'pay-1', eventId: events[0]!.eventId }]);
  });

  it('uses the store test clock for every time it records', async () => {
    const w = await unitWorld();
    await advanceClock(w.services, w.storeId, { by: 'P2D' });
    const paid = await payByCard(w, 'pay-1');
    const simulated = new Date(w.clock.now() + 2 * 86_400_000).toISOString();
    expect(paid).toMatchObject({ requestedAt: simulated, paidAt: simulated, statusChangedAt: simulated });
  });

  it('a PG that withdraws gets its batch-void timer, scheduled in wall time before the commit', async () => {
    const w = await unitWorld();
    await advanceClock(w.services, w.storeId, { by: 'PT1H' }); // wall and store clocks differ by an hour
    const paid = await payByCard(w, 'pay-1', { pg: 'INICIS_V2' });
    const timers = await w.repo.listPaymentTimers(w.storeId, 'pay-1');
    expect(timers).toEqual([expect.objectContaining({ kind: 'pg-void', state: 'PENDING', paymentId: 'pay-1' })]);
    const due = computeAutoRefundDue(paid.pg!.autoRefund, new Date(paid.paidAt!), 'pay-1')!;
    expect(timers[0]!.dueAt).toBe(due.toISOString());
    expect(w.scheduler.scheduled).toEqual([
      expect.objectContaining({ timerId: timers[0]!.timerId, dueAt: due.toISOString(), wallDueAt: new Date(due.getTime() - 3600_000).toISOString() }),
    ]);
    expect(paid.pg).toMatchObject({ withdrawn: true, refunded: 0, autoRefund: { kind: 'daily-batch' } });
  });

  it('a PG that only answers success (KCP) withdraws nothing and gets no timer', async () => {
    const w = await unitWorld();
    const paid = await payByCard(w, 'pay-1', { pg: 'KCP_V2' });
    expect(paid.pg).toMatchObject({ withdrawn: false, autoRefund: { kind: 'none' } });
    expect(await w.repo.listPaymentTimers(w.storeId, 'pay-1')).toEqual([]);
    expect(w.scheduler.scheduled).toEqual([]);
  });

  it('a channel override voids after its delay instead of the batch', async () => {
    const w = await unitWorld();
    await createChannel(w.services, w.storeId, { pgProvider: 'INICIS_V2', channelKey: 'fast', autoRefundOverride: { kind: 'delay', seconds: 120 } });
    await payByCard(w, 'pay-1', { channelKey: 'fast' });
    const [timer] = await w.repo.listPaymentTimers(w.storeId, 'pay-1');
    expect(timer!.dueAt).toBe(new Date(w.clock.now() + 120_000).toISOString());
    expect(timer!.reason).toContain('override');
  });

  it('easy pay through a general PG (허브형) withdraws and is never refunded automatically', async () => {
    const w = await unitWorld();
    const paid = await payByEasyPay(w, 'pay-1', 'KAKAOPAY', { pg: 'INICIS_V2' });
    expect(paid).toMatchObject({ status: 'PAID', method: { type: 'PaymentMethodEasyPay', provider: 'KAKAOPAY' } });
    expect(paid.pg).toMatchObject({ withdrawn: true, easyPayViaGeneralPg: true, autoRefund: { kind: 'never' } });
    expect(await w.repo.listPaymentTimers(w.storeId, 'pay-1')).toEqual([]);
  });

  it('a virtual account is VIRTUAL_ACCOUNT_ISSUED with its bank, number and expiry, queues VirtualAccountIssued, no timer', async () => {
    const w = await unitWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    const issued = await issueVirtualAccount(w, 'va-1');
    expect(issued.status).toBe('VIRTUAL_ACCOUNT_ISSUED');
    expect(issued.paidAt).toBeUndefined();
    expect(issued.amount.paid).toBe(0);
    expect(issued.method).toMatchObject({
      type: 'PaymentMethodVirtualAccount',
      bank: 'SHINHAN',
      accountNumber: expect.stringMatching(/^\d{14}$/),
      expiredAt: new Date(w.clock.now() + 24 * 3600_000).toISOString(),
    });
    expect((await w.repo.listOutbox(w.storeId, 'va-1')).map((e) => e.type)).toEqual(['Transaction.VirtualAccountIssued']);
    expect(await w.repo.listPaymentTimers(w.storeId, 'va-1')).toEqual([]);
  });
});

describe('approvePayment: webhook targets', () => {
  it('noticeUrls replace the store URL, one outbox entry per URL', async () => {
    const w = await unitWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    const urls = ['https://203.0.113.8/a', 'https://203.0.113.9/b'];
    await payByCard(w, 'pay-1', { noticeUrls: urls });
    const events = await w.repo.listOutbox(w.storeId, 'pay-1');
    expect(events.map((e) => e.url).sort()).toEqual(urls);
    expect(new Set(events.map((e) => e.body)).size).toBe(1);
    expect(w.committed).toHaveLength(2);
  });

  it('an empty noticeUrls list sends nothing; no store URL sends nothing', async () => {
    const w = await unitWorld();
    await payByCard(w, 'pay-1');
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    await payByCard(w, 'pay-2', { noticeUrls: [] });
    expect(await w.repo.listOutbox(w.storeId, 'pay-1')).toEqual([]);
    expect(await w.repo.listOutbox(w.storeId, 'pay-2')).toEqual([]);
    expect(w.committed).toEqual([]);
  });

  it('a forbidden noticeUrl (instance metadata) refuses the payment before anything is written', async () => {
    const w = await unitWorld();
    const err = await rejection(payByCard(w, 'pay-1', { pg: 'INICIS_V2', noticeUrls: ['http://169.254.169.254/latest'] }));
    expect(err).toMatchObject({ type: 'INVALID_REQUEST', message: expect.stringContaining('noticeUrls[0]') });
    expect(await w.repo.getPayment(w.storeId, 'pay-1')).toBeUndefined();
  });
});

describe('approvePayment: refusals', () => {
  it('a PG refusal records FAILED with the PG code, queues Transaction.Failed and answers PG_PROVIDER', async () => {
    const w = await unitWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    const err = await rejection(payByCard(w, 'pay-1', { pg: 'INICIS_V2', card: declineCard('INSUFFICIENT_BALANCE') }));
    expect(err).toMatchObject({ type: 'PG_PROVIDER', status: 502, pgMessage: '잔액부족', pgCode: expect.any(String) });
    const failed = await w.repo.getPayment(w.storeId, 'pay-1');
    expect(failed).toMatchObject({ status: 'FAILED', failedAt: w.clock.iso(), failedAttempts: 1, failure: { pgCode: err.pgCode, pgMessage: '잔액부족' } });
    expect(presentPayment(failed!)).toMatchObject({ status: 'FAILED', failure: { pgCode: err.pgCode } });
    expect((await w.repo.listOutbox(w.storeId, 'pay-1')).map((e) => e.type)).toEqual(['Transaction.Failed']);
    expect(w.scheduler.scheduled).toEqual([]);
  });

  it('a failed paymentId can be paid again: a new transaction, the first request time and webhook log kept', async () => {
    const w = await unitWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    await rejection(payByCard(w, 'pay-1', { pg: 'INICIS_V2', card: card('KOOKMIN_CARD') }));
    const failed = (await w.repo.getPayment(w.storeId, 'pay-1'))!;
    w.clock.advance(60_000);
    const paid = await payByCard(w, 'pay-1', { pg: 'INICIS_V2' });
    expect(paid).toMatchObject({ status: 'PAID', requestedAt: failed.requestedAt, paidAt: w.clock.iso(), failedAttempts: 1 });
    expect(paid.transactionId).not.toBe(failed.transactionId);
    const shown = await loadPaymentWithWebhooks(w.services, w.storeId, 'pay-1');
    expect(shown.webhooks.map((h) => h.paymentStatus)).toEqual(['FAILED', 'PAID']);
  });

  it(`stops a retry loop after ${MAX_FAILED_ATTEMPTS} failed attempts with MAX_TRANSACTION_COUNT_REACHED`, async () => {
    const w = await unitWorld();
    const poor = declineCard('INSUFFICIENT_BALANCE');
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) {
      expect(await rejection(payByCard(w, 'pay-1', { pg: 'INICIS_V2', card: poor }))).toMatchObject({ type: 'PG_PROVIDER' });
    }
    expect(await rejection(payByCard(w, 'pay-1', { pg: 'INICIS_V2' }))).toMatchObject({ type: 'MAX_TRANSACTION_COUNT_REACHED', status: 400 });
  });

  it('refuses to pay a paid paymentId twice (ALREADY_PAID) and leaves it unchanged', async () => {
    const w = await unitWorld();
    const paid = await payByCard(w, 'pay-1');
    expect(await rejection(payByCard(w, 'pay-1'))).toMatchObject({ type: 'ALREADY_PAID', status: 409 });
    expect(await w.repo.getPayment(w.storeId, 'pay-1')).toEqual(paid);
  });

  it('refuses an invalid card number naming the field; unknown channel and store by their own types', async () => {
    const w = await unitWorld();
    const bad = payRequest(w, 'pay-1', { kind: 'CARD', credential: { number: '4111111111111112', expiryYear: '30', expiryMonth: '12' } });
    expect(await rejection(approvePayment(w.services, bad))).toMatchObject({ type: 'INVALID_REQUEST', message: expect.stringContaining('method.card.credential.number') });
    expect(await rejection(payByCard(w, 'pay-1', { channelKey: 'nope' }))).toMatchObject({ type: 'CHANNEL_NOT_FOUND', status: 404 });
    expect(await rejection(approvePayment(w.services, { ...payRequest(w, 'pay-1', cardMethod()), storeId: 'store-nope' }))).toMatchObject({ type: 'STORE_NOT_FOUND' });
    expect(await w.repo.getPayment(w.storeId, 'pay-1')).toBeUndefined();
  });

  it('refuses tax-free plus VAT above the total (SUM_OF_PARTS_EXCEEDS_TOTAL_AMOUNT)', async () => {
    const w = await unitWorld();
    expect(await rejection(payByCard(w, 'pay-1', { total: 10_000, taxFree: 9_500, vat: 1_000 }))).toMatchObject({ type: 'SUM_OF_PARTS_EXCEEDS_TOTAL_AMOUNT' });
  });

  it('an expired card is refused where money moves', async () => {
    const w = await unitWorld();
    const c = card('SHINHAN_CARD');
    const req = payRequest(w, 'pay-1', { kind: 'CARD', credential: { number: c.number, expiryYear: '20', expiryMonth: '01' } }, { pg: 'INICIS_V2' });
    expect(await rejection(approvePayment(w.services, req))).toMatchObject({ type: 'PG_PROVIDER' });
    expect((await w.repo.getPayment(w.storeId, 'pay-1'))!.status).toBe('FAILED');
  });
});

describe('approvePayment: races and the schedule-before-commit order', () => {
  it('10 racing approvals of one paymentId: one PAID, nine ALREADY_PAID, one timer; orphan schedules find no timer', async () => {
    const w = await unitWorld();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => payByCard(w, 'pay-1', { pg: 'INICIS_V2' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ type: 'ALREADY_PAID' });
    const timers = await w.repo.listPaymentTimers(w.storeId, 'pay-1');
    expect(timers).toHaveLength(1);
    expect((await w.repo.getPayment(w.storeId, 'pay-1'))!.version).toBe(1);
    // Losers created their schedule before losing the commit: each fires into nothing.
    for (const orphan of [...w.scheduler.live.values()].filter((s) => s.timerId !== timers[0]!.timerId)) {
      expect(await runTimer(w.services, { storeId: w.storeId, timerId: orphan.timerId })).toMatchObject({ result: 'missing' });
    }
  });

  it('a commit lost to a racing approval answers ALREADY_PAID', async () => {
    const w = await unitWorld();
    beforeNext(w.repo, 'commitPayment', () => payByCard(w, 'pay-1'));
    expect(await rejection(payByCard(w, 'pay-1'))).toMatchObject({ type: 'ALREADY_PAID' });
  });

  it('a commit lost to a racing failed attempt answers CONFLICT (the paymentId may be retried)', async () => {
    const w = await unitWorld();
    beforeNext(w.repo, 'commitPayment', () => rejection(payByCard(w, 'pay-1', { pg: 'INICIS_V2', card: card('KOOKMIN_CARD') })));
    expect(await rejection(payByCard(w, 'pay-1', { pg: 'INICIS_V2' }))).toMatchObject({ type: 'CONFLICT', status: 409 });
    expect((await w.repo.getPayment(w.storeId, 'pay-1'))!.status).toBe('FAILED');
  });

  it('when the schedule cannot be created nothing is committed: no payment, no webhook, the request fails', async () => {
    const w = await unitWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    w.scheduler.failNext('schedule');
    await expect(payByCard(w, 'pay-1', { pg: 'INICIS_V2' })).rejects.toThrow(/unavailable/);
    expect(await w.repo.getPayment(w.storeId, 'pay-1')).toBeUndefined();
    expect(await w.repo.listOutbox(w.storeId, 'pay-1')).toEqual([]);
    expect(w.committed).toEqual([]);
    await expect(payByCard(w, 'pay-1', { pg: 'INICIS_V2' })).resolves.toMatchObject({ status: 'PAID' });
  });

  it('when the commit fails after the schedule, the schedule is an orphan that finds no timer', async () => {
    const w = await unitWorld();
    beforeNext(w.repo, 'commitPayment', async () => {
      throw new Error('DynamoDB unavailable (test)');
    });
    await expect(payByCard(w, 'pay-1', { pg: 'INICIS_V2' })).rejects.toThrow(/unavailable/);
    expect(await w.repo.getPayment(w.storeId, 'pay-1')).toBeUndefined();
    const [orphan] = [...w.scheduler.live.values()];
    expect(await runTimer(w.services, { storeId: w.storeId, timerId: orphan!.timerId })).toMatchObject({ result: 'missing' });
  });
});

describe('getPayment', () => {
  it("answers PAYMENT_NOT_FOUND for an unknown paymentId and for another store's payment", async () => {
    const w = await unitWorld();
    await payByCard(w, 'pay-1');
    const other = await w.newStore();
    await expect(loadPaymentWithWebhooks(w.services, w.storeId, 'pay-1')).resolves.toMatchObject({ paymentId: 'pay-1', webhooks: [] });
    expect(await rejection(loadPaymentWithWebhooks(w.services, w.storeId, 'nope'))).toMatchObject({ type: 'PAYMENT_NOT_FOUND', status: 404 });
    expect(await rejection(loadPaymentWithWebhooks(w.services, other.storeId, 'pay-1'))).toMatchObject({ type: 'PAYMENT_NOT_FOUND' });
  });
});
