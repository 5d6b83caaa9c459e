import { describe, expect, it } from 'vitest';
import { completeCheckout, type CheckoutChoice } from '../../../functions/checkout/complete-payment.ts';
import { openCheckoutSession } from '../../../functions/checkout/open-session.ts';
import { SdkPaymentRequest } from '../../../functions/checkout/payment-request.ts';
import { buildTimeline } from '../../../functions/console/timeline.ts';
import { judgeConfirmAnswer } from '../../../functions/domain/confirm-process.ts';
import { setConfirmProcess, setWebhookUrl } from '../../../functions/webhooks/settings.ts';
import { signWebhook } from '../../../functions/webhooks/signing.ts';
import { card } from '../../support/cards.ts';
import { outboxInOrder, RECEIVER_URL, unitWorld, type UnitWorld } from '../../support/unit-services.ts';

const client = { ipAddress: '203.0.113.50', userAgent: 'unit-test' };
const CONFIRM_URL = 'https://203.0.113.7/portone-confirm';
const shinhan: CheckoutChoice = { kind: 'CARD', number: card('SHINHAN_CARD').number, expiryMonth: '12', expiryYear: '30' };

/** A store with the confirm process on and its webhook URL on the confirm URL's host. */
async function confirmStore(): Promise<UnitWorld> {
  const w = await unitWorld();
  await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
  await setConfirmProcess(w.services, w.storeId, true);
  return w;
}

async function open(w: UnitWorld, paymentId: string, extra: Record<string, unknown> = { confirmUrl: CONFIRM_URL }) {
  return openCheckoutSession(w.services, {
    request: SdkPaymentRequest.parse({
      storeId: w.storeId,
      paymentId,
      orderName: '한정판 운동화',
      totalAmount: 39_000,
      currency: 'KRW',
      payMethod: 'CARD',
      channelKey: w.channelKey('INICIS_V2'),
      ...extra,
    }),
    windowType: 'IFRAME',
    platform: 'PC',
    merchantOrigin: 'https://shop.example',
    ipAddress: client.ipAddress,
  });
}

async function pay(w: UnitWorld, paymentId: string) {
  const opened = await open(w, paymentId);
  if (!opened.ok) throw new Error(opened.message);
  const outcome = await completeCheckout(w.services, opened.session, shinhan, client);
  if (outcome.kind !== 'done') throw new Error(outcome.message);
  return { session: opened.session, response: outcome.response };
}

const confirmCalls = (w: UnitWorld) => w.receiver.received.filter((r) => r.url === CONFIRM_URL);

describe('the confirm process (컨펌 프로세스)', () => {
  it('asks the confirm URL with a signed Transaction.Confirm before the PG; 200 approves and the payment is PAID', async () => {
    const w = await confirmStore();
    const { session, response } = await pay(w, 'cp-1');
    expect(response).toEqual({ transactionType: 'PAYMENT', paymentId: 'cp-1', txId: session.txId });
    const [call] = confirmCalls(w);
    expect(JSON.parse(call!.body)).toEqual({
      type: 'Transaction.Confirm',
      timestamp: expect.any(String),
      data: { paymentId: 'cp-1', storeId: w.storeId, transactionId: session.txId, totalAmount: 39_000 },
    });
    // Signed as every webhook of the store is (the unit clock is pinned, so the signature is recomputed, not verified against now).
    const secret = (await w.repo.getStore(w.storeId))!.webhook.secrets[0]!.secret;
    const signedAt = new Date(Number(call!.headers['webhook-timestamp']) * 1000);
    expect(signWebhook({ msgId: call!.headers['webhook-id']!, timestamp: signedAt, body: call!.body, secrets: [secret] })).toEqual({
      'webhook-id': `confirm-${session.txId}`,
      'webhook-timestamp': call!.headers['webhook-timestamp'],
      'webhook-signature': call!.headers['webhook-signature'],
    });
    const payment = (await w.repo.getPayment(w.storeId, 'cp-1'))!;
    expect(payment.status).toBe('PAID');
    expect(payment.confirmCall).toMatchObject({ txId: session.txId, outcome: 'APPROVED', status: 200 });
    // The confirm call is not a webhook of the payment: the receiver's log has only PortOne's events.
    expect((await outboxInOrder(w, 'cp-1')).map((e) => e.type)).toEqual(['Transaction.Ready', 'Transaction.Paid']);
  });

  it('a refusal with errorMessage fails the attempt before the PG: ConfirmProcessFailed with the message, Transaction.Failed, nothing charged', async () => {
    const w = await confirmStore();
    w.receiver.status = 409;
    w.receiver.body = { errorMessage: '재고가 모두 소진되었습니다. 관리자에게 문의하세요.' };
    const { session, response } = await pay(w, 'cp-2');
    expect(response).toEqual({
      transactionType: 'PAYMENT',
      paymentId: 'cp-2',
      txId: session.txId,
      code: 'ConfirmProcessFailed',
      message: '재고가 모두 소진되었습니다. 관리자에게 문의하세요.',
    });
    const payment = (await w.repo.getPayment(w.storeId, 'cp-2'))!;
    expect(payment).toMatchObject({ status: 'FAILED', failure: { reason: '재고가 모두 소진되었습니다. 관리자에게 문의하세요.' }, failedAttempts: 1 });
    expect(payment.pg).toBeUndefined();
    expect((await outboxInOrder(w, 'cp-2')).map((e) => e.type)).toEqual(['Transaction.Ready', 'Transaction.Failed']);
    // A double submit repeats the answer and does not ask the merchant again.
    const again = await completeCheckout(w.services, session, shinhan, client);
    expect(again).toEqual({ kind: 'done', response });
    expect(confirmCalls(w)).toHaveLength(1);
    // The console's timeline says who stopped it.
    const timeline = buildTimeline({ payment, outbox: [], timers: [], now: payment.failedAt! });
    expect(timeline.markers.map((m) => m.label.en)).toEqual(expect.arrayContaining(['confirm URL → refused (HTTP 409)', 'PG never asked (confirm refused)']));
  });

  it('only exactly 200 approves; an unreachable confirm URL stops the payment too', async () => {
    expect(judgeConfirmAnswer(204, '')).toEqual({ outcome: 'REFUSED', message: '고객사 서버가 결제 승인을 거절했습니다. (HTTP 204)' });
    const w = await confirmStore();
    w.receiver.status = 'network';
    const { response } = await pay(w, 'cp-3');
    expect(response).toMatchObject({ code: 'ConfirmProcessFailed', message: expect.stringMatching(/^고객사 서버의 결제 승인 확인 응답이 없어 결제가 중단되었습니다\. \(NETWORK/) });
    expect((await w.repo.getPayment(w.storeId, 'cp-3'))!.confirmCall).toMatchObject({ outcome: 'UNREACHABLE' });
    // The paymentId may be paid again once the merchant approves.
    w.receiver.status = 200;
    expect((await pay(w, 'cp-3')).response.code).toBeUndefined();
    expect((await w.repo.getPayment(w.storeId, 'cp-3'))!.status).toBe('PAID');
  });

  it('a store with the process needs confirmUrl (ConfirmUrlRequired) on one of its hosts; a store without it ignores the field', async () => {
    const w = await confirmStore();
    expect(await open(w, 'cp-4', {})).toMatchObject({ ok: false, code: 'ConfirmUrlRequired', status: 400 });
    expect(await open(w, 'cp-4', { confirmUrl: 'https://confirm.elsewhere.example/c' })).toMatchObject({
      ok: false,
      code: 'BadRequest',
      message: expect.stringMatching(/^confirmUrl: confirm\.elsewhere\.example is not a webhook host of this store/),
    });
    expect(await w.repo.getPayment(w.storeId, 'cp-4')).toBeUndefined();

    await setConfirmProcess(w.services, w.storeId, false);
    const opened = await open(w, 'cp-5');
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.session.confirmUrl).toBeUndefined();
  });
});
