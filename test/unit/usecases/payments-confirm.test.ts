import { describe, expect, it } from 'vitest';
import { completeCheckout, type CheckoutChoice } from '../../../functions/checkout/complete-payment.ts';
import { openCheckoutSession } from '../../../functions/checkout/open-session.ts';
import { SdkPaymentRequest } from '../../../functions/checkout/payment-request.ts';
import { cancelCheckout } from '../../../functions/checkout/user-cancel.ts';
import { confirmPayment, expireConfirmation } from '../../../functions/payments/confirm-payment.ts';
import { createChannel } from '../../../functions/stores/channels.ts';
import { advanceClock } from '../../../functions/timers/test-clock.ts';
import { setWebhookUrl } from '../../../functions/webhooks/settings.ts';
import { card } from '../../support/cards.ts';
import { outboxInOrder, RECEIVER_URL, rejection, unitWorld, type UnitWorld } from '../../support/unit-services.ts';

const client = { ipAddress: '203.0.113.50', userAgent: 'unit-test' };
const cardChoice = (company: string): CheckoutChoice => ({ kind: 'CARD', number: card(company).number, expiryMonth: '12', expiryYear: '30' });

/** A window on a manual-confirm (수동 승인) INICIS channel, the customer authenticated with `choice`. */
async function authenticate(w: UnitWorld, paymentId: string, choice = cardChoice('SHINHAN_CARD'), payMethod = 'CARD') {
  const channel = await createChannel(w.services, w.storeId, { pgProvider: 'INICIS_V2', manualConfirm: true });
  const opened = await openCheckoutSession(w.services, {
    request: SdkPaymentRequest.parse({
      storeId: w.storeId,
      paymentId,
      orderName: '수동 승인 주문',
      totalAmount: 20_000,
      currency: 'CURRENCY_KRW',
      payMethod,
      channelKey: channel.channelKey,
      ...(payMethod === 'EASY_PAY' ? { easyPay: { easyPayProvider: 'EASY_PAY_PROVIDER_KAKAOPAY' } } : {}),
    }),
    windowType: 'IFRAME',
    platform: 'PC',
    merchantOrigin: 'https://shop.example',
    ipAddress: client.ipAddress,
  });
  if (!opened.ok) throw new Error(opened.message);
  const outcome = await completeCheckout(w.services, opened.session, choice, client);
  if (outcome.kind !== 'done') throw new Error(outcome.message);
  return { session: opened.session, response: outcome.response };
}

const stored = async (w: UnitWorld, paymentId: string) => (await w.repo.getPayment(w.storeId, paymentId))!;

describe('manual confirm in the window (인증 결제 수동 승인)', () => {
  it('the window answers a paymentToken and charges nothing: the payment stays READY with no Paid webhook', async () => {
    const w = await unitWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    const { session, response } = await authenticate(w, 'mc-1');
    expect(response).toEqual({ transactionType: 'PAYMENT', paymentId: 'mc-1', txId: session.txId, paymentToken: expect.stringMatching(/^payment-token\./) });
    const payment = await stored(w, 'mc-1');
    expect(payment).toMatchObject({ status: 'READY', transactionId: session.txId });
    expect(payment.pg).toBeUndefined();
    expect((await outboxInOrder(w, 'mc-1')).map((e) => e.type)).toEqual(['Transaction.Ready']);
  });

  it('a double submit or a late close of the window repeats the same token instead of failing the payment', async () => {
    const w = await unitWorld();
    const { session, response } = await authenticate(w, 'mc-1');
    const again = await completeCheckout(w.services, session, cardChoice('SHINHAN_CARD'), client);
    expect(again).toEqual({ kind: 'done', response });
    expect(await cancelCheckout(w.services, session)).toEqual(response);
    expect((await stored(w, 'mc-1')).status).toBe('READY');
  });
});

describe('confirmPayment', () => {
  it('with the token, the PG approves: PAID with pgTxId and paidAt, Transaction.Paid, the PG void timer set', async () => {
    const w = await unitWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    const { session, response } = await authenticate(w, 'mc-1');
    const confirmed = await confirmPayment(w.services, w.storeId, 'mc-1', { paymentToken: response.paymentToken!, txId: session.txId, currency: 'KRW', totalAmount: 20_000, taxFreeAmount: 0, isTest: true });
    const payment = await stored(w, 'mc-1');
    expect(payment).toMatchObject({ status: 'PAID', transactionId: session.txId, pgTxId: confirmed.pgTxId, paidAt: confirmed.paidAt, amount: { paid: 20_000 } });
    expect(payment.pendingConfirm).toBeUndefined();
    expect((await outboxInOrder(w, 'mc-1')).map((e) => e.type)).toEqual(['Transaction.Ready', 'Transaction.Paid']);
    expect((await w.repo.listPaymentTimers(w.storeId, 'mc-1')).map((t) => t.kind).sort()).toEqual(['confirm-deadline', 'pg-void']);
  });

  it('the PG decides at confirm time: a card INICIS refuses in test authenticates, then confirm answers PG_PROVIDER and the payment is FAILED', async () => {
    const w = await unitWorld();
    const { response } = await authenticate(w, 'mc-kb', cardChoice('KOOKMIN_CARD'));
    expect(response.paymentToken).toBeDefined();
    const err = await rejection(confirmPayment(w.services, w.storeId, 'mc-kb', { paymentToken: response.paymentToken! }));
    expect(err).toMatchObject({ type: 'PG_PROVIDER' });
    expect((await stored(w, 'mc-kb')).status).toBe('FAILED');
  });

  it('easy pay waits for confirm too; skipWebhook sends no Transaction.Paid', async () => {
    const w = await unitWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    const { response } = await authenticate(w, 'mc-ep', { kind: 'EASY_PAY', provider: 'KAKAOPAY' }, 'EASY_PAY');
    await confirmPayment(w.services, w.storeId, 'mc-ep', { paymentToken: response.paymentToken!, skipWebhook: true });
    expect(await stored(w, 'mc-ep')).toMatchObject({ status: 'PAID', method: { type: 'PaymentMethodEasyPay', provider: 'KAKAOPAY' } });
    expect((await outboxInOrder(w, 'mc-ep')).map((e) => e.type)).toEqual(['Transaction.Ready']);
  });

  it('refuses: a second confirm ALREADY_PAID, a wrong token INVALID_PAYMENT_TOKEN, a differing check field INFORMATION_MISMATCH, an unknown payment PAYMENT_NOT_FOUND', async () => {
    const w = await unitWorld();
    const { response } = await authenticate(w, 'mc-1');
    const token = response.paymentToken!;
    expect(await rejection(confirmPayment(w.services, w.storeId, 'mc-1', { paymentToken: 'payment-token.other' }))).toMatchObject({ type: 'INVALID_PAYMENT_TOKEN', status: 400 });
    for (const check of [{ totalAmount: 19_000 }, { currency: 'USD' }, { taxFreeAmount: 1 }, { txId: 'another' }, { isTest: false }]) {
      expect(await rejection(confirmPayment(w.services, w.storeId, 'mc-1', { paymentToken: token, ...check }))).toMatchObject({ type: 'INFORMATION_MISMATCH', status: 409 });
    }
    expect((await stored(w, 'mc-1')).status).toBe('READY');
    await confirmPayment(w.services, w.storeId, 'mc-1', { paymentToken: token });
    expect(await rejection(confirmPayment(w.services, w.storeId, 'mc-1', { paymentToken: token }))).toMatchObject({ type: 'ALREADY_PAID', status: 409 });
    expect(await rejection(confirmPayment(w.services, w.storeId, 'nope', { paymentToken: token }))).toMatchObject({ type: 'PAYMENT_NOT_FOUND' });
  });
});

describe('the confirm deadline (10 minutes on the store clock, assumed)', () => {
  it('a payment not confirmed in time is FAILED with Transaction.Failed; its token is then refused', async () => {
    const w = await unitWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    const { response } = await authenticate(w, 'mc-late');
    await advanceClock(w.services, w.storeId, { by: 'PT9M' });
    expect((await stored(w, 'mc-late')).status).toBe('READY');
    await advanceClock(w.services, w.storeId, { by: 'PT1M' });
    expect(await stored(w, 'mc-late')).toMatchObject({ status: 'FAILED', failure: { pgCode: 'CONFIRM_EXPIRED' }, failedAttempts: 1 });
    expect((await outboxInOrder(w, 'mc-late')).map((e) => e.type)).toEqual(['Transaction.Ready', 'Transaction.Failed']);
    expect(await rejection(confirmPayment(w.services, w.storeId, 'mc-late', { paymentToken: response.paymentToken! }))).toMatchObject({ type: 'INVALID_PAYMENT_TOKEN' });
  });

  it('the deadline of a confirmed payment, or a second delivery of it, changes nothing', async () => {
    const w = await unitWorld();
    const { response } = await authenticate(w, 'mc-1');
    await confirmPayment(w.services, w.storeId, 'mc-1', { paymentToken: response.paymentToken! });
    const paid = await stored(w, 'mc-1');
    const deadline = (await w.repo.listPaymentTimers(w.storeId, 'mc-1')).find((t) => t.kind === 'confirm-deadline')!;
    expect(await expireConfirmation(w.services, deadline)).toBe('nothing waits for this confirm any more');
    expect(await expireConfirmation(w.services, deadline)).toBe('skipped');
    expect(await stored(w, 'mc-1')).toEqual(paid);
  });
});
