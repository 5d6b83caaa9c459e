/**
 * Live-like channels (docs/live-like-channels.md) as a merchant's test suite meets them: the
 * official @portone/server-sdk over real HTTP against the local runtime, one runtime for the file.
 * Every PortOne answer is checked against PortOne's OAS.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PaymentClient } from '@portone/server-sdk';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';
import { card, cardMethod, declineCard } from '../support/cards.ts';
import { nextKst, sameKstDay, sandboxAdmin, type Json } from '../support/admin.ts';
import { startReceiver } from '../support/receiver.ts';
import { validateSchema } from '../support/openapi.ts';

let sandbox: TestSandbox;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  receiver = await startReceiver();
});
afterAll(async () => {
  await sandbox?.close();
  await receiver?.close();
});

let seq = 0;
const newId = (tag: string) => `${tag}-${Date.now()}-${++seq}`;

/** A fresh store at 14:00 KST with a LIVE_LIKE INICIS channel beside the seeded test channels. */
async function liveStore() {
  const seeded = await sandbox.newStore();
  const admin = sandboxAdmin(sandbox.url, seeded.apiSecret);
  const clock = await admin.advanceTo(nextKst((await admin.clock()).now as string, '14:00'));
  const live = await admin.post('/sandbox/channels', { pgProvider: 'INICIS_V2', name: 'KG이니시스 라이브형', mode: 'LIVE_LIKE' });
  const sdk = PaymentClient({ secret: seeded.apiSecret, baseUrl: sandbox.url });
  const testChannel = seeded.channels.find((c) => c.pgProvider === 'INICIS_V2')!.channelKey;
  const failure = (p: Promise<unknown>): Promise<Json> =>
    p.then(
      () => {
        throw new Error('expected a failure');
      },
      (e: { data: Json }) => e.data,
    );
  const payCard = (paymentId: string, channelKey: string, c = card('SHINHAN_CARD')) =>
    sdk.payInstantly({ paymentId, channelKey, orderName: '라이브형 주문', amount: { total: 10_000 }, currency: 'KRW', method: cardMethod(c) });
  return { seeded, admin, sdk, live, liveChannel: live.channelKey as string, testChannel, failure, payCard, startedAt: clock.now as string };
}

describe('live-like channels through the official SDK', () => {
  it('a LIVE_LIKE channel is listed with its mode; PortOne’s channel.type stays TEST', async () => {
    const s = await liveStore();
    expect(s.live).toMatchObject({ mode: 'LIVE_LIKE', type: 'TEST', pgProvider: 'INICIS_V2' });
    const id = newId('type');
    await s.payCard(id, s.liveChannel);
    const payment: Json = await s.sdk.getPayment({ paymentId: id });
    validateSchema('Payment', payment);
    expect(payment.channel).toMatchObject({ type: 'TEST', key: s.liveChannel });
  });

  it('잔액부족 on INICIS live-like: PG_PROVIDER with the PG code and Korean message, a FAILED payment', async () => {
    const s = await liveStore();
    const id = newId('declined');
    const err = await s.failure(s.payCard(id, s.liveChannel, declineCard('INSUFFICIENT_BALANCE')));
    validateSchema('PgProviderError', err);
    expect(err).toMatchObject({ type: 'PG_PROVIDER', pgCode: '51', pgMessage: '잔액부족' });
    const payment = await s.sdk.getPayment({ paymentId: id });
    validateSchema('Payment', payment);
    expect(payment).toMatchObject({ status: 'FAILED', failure: { pgCode: '51', pgMessage: '잔액부족' } });
  });

  it('a KB국민카드 card is approved on INICIS live-like and refused on the INICIS test channel', async () => {
    const s = await liveStore();
    expect((await s.payCard(newId('kb-live'), s.liveChannel, card('KOOKMIN_CARD'))).payment).toBeDefined();
    expect(await s.failure(s.payCard(newId('kb-test'), s.testChannel, card('KOOKMIN_CARD')))).toMatchObject({ type: 'PG_PROVIDER' });
  });

  it('after 23:00 KST the test channel’s payment is voided behind PortOne’s back; the live-like one stays in sync and cancels', async () => {
    const s = await liveStore();
    const live = newId('live');
    const test = newId('test');
    await s.payCard(live, s.liveChannel);
    await s.payCard(test, s.testChannel);
    await s.admin.advanceTo(sameKstDay(s.startedAt, '23:55'));

    expect(await s.admin.view(test)).toMatchObject({ inSync: false, pg: { status: 'VOIDED_BY_BATCH' } });
    expect(await s.admin.view(live)).toMatchObject({ inSync: true, pg: { status: 'APPROVED', channelMode: 'LIVE_LIKE' } });
    expect(await s.failure(s.sdk.cancelPayment({ paymentId: test, reason: '취소' }))).toMatchObject({ pgMessage: '기 취소 거래' });

    const cancelled = await s.sdk.cancelPayment({ paymentId: live, reason: '고객 요청' });
    validateSchema('CancelPaymentResponse', cancelled);
    expect(await s.admin.view(live)).toMatchObject({ inSync: true, portone: { status: 'CANCELLED' }, pg: { status: 'CANCELLED', heldAmount: 0 } });
  });

  it('a virtual-account deposit makes it PAID and delivers Transaction.Paid; the refund goes to the refundAccount', async () => {
    const s = await liveStore();
    await s.admin.put('/sandbox/webhook', { url: receiver.url });
    const id = newId('va');
    await s.sdk.payInstantly({
      paymentId: id,
      channelKey: s.liveChannel,
      orderName: '가상계좌',
      amount: { total: 20_000 },
      currency: 'KRW',
      method: { virtualAccount: { bank: 'SHINHAN', expiry: { validHours: 24 }, option: { type: 'NORMAL' } } },
    });
    await s.admin.post(`/sandbox/payments/${id}/virtual-account/deposit`, { depositorName: '홍길동' });
    const paid = await s.sdk.getPayment({ paymentId: id });
    validateSchema('Payment', paid);
    expect(paid.status).toBe('PAID');
    await vi.waitFor(() => {
      const mine = receiver.deliveries.map((d) => JSON.parse(d.body) as Json).filter((b) => b.data?.paymentId === id);
      expect(mine.map((b) => b.type)).toContain('Transaction.Paid');
    });

    const refundAccount = { bank: 'KOOKMIN', number: '12345678901234', holderName: '홍길동' } as const;
    expect(await s.failure(s.sdk.cancelPayment({ paymentId: id, reason: '환불' }))).toMatchObject({ type: 'INVALID_REQUEST' });
    const refunded: Json = await s.sdk.cancelPayment({ paymentId: id, reason: '환불', refundAccount });
    validateSchema('CancelPaymentResponse', refunded);
    const view = await s.admin.view(id);
    expect(view).toMatchObject({ inSync: true, portone: { status: 'CANCELLED' }, pg: { status: 'CANCELLED' } });
    expect(view.pg.accountRefunds).toEqual([expect.objectContaining({ amount: 20_000, refundAccount, cancellationId: refunded.cancellation.id })]);
  });

  it('switches a channel’s mode through the API; a bad mode is a PortOne-style 400', async () => {
    const s = await liveStore();
    const switched = await s.admin.call('PATCH', `/sandbox/channels/${s.testChannel}`, { mode: 'LIVE_LIKE' });
    expect(switched).toMatchObject({ status: 200, body: { mode: 'LIVE_LIKE', channelKey: s.testChannel } });
    expect((await s.payCard(newId('kb-switched'), s.testChannel, card('KOOKMIN_CARD'))).payment).toBeDefined();
    expect(await s.admin.call('PATCH', `/sandbox/channels/${s.testChannel}`, { mode: 'LIVE' })).toMatchObject({ status: 400, body: { type: 'INVALID_REQUEST' } });
  });
});
