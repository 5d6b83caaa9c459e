/**
 * Conformance: every operation we implement, driven through the official SDK over real HTTP, and
 * every response body (success and error) validated against PortOne's published OAS. Defined once,
 * run against the local runtime or a deployed sandbox (payments.conformance.test.ts) and against
 * the bundled Lambda (test/lambda/conformance.test.ts).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PaymentClient } from '@portone/server-sdk';
import type { ConformanceTarget } from './target.ts';
import { recordResponses, templateOf } from './recorder.ts';
import { card, cardMethod, declineCard } from '../support/cards.ts';
import { defineBillingConformance } from './billing-suite.ts';
import { defineIdentityVerificationConformance } from './identity-verification-suite.ts';
import { defineLookupConformance } from './lookups-suite.ts';
import { defineCashReceiptConformance } from './cash-receipt-suite.ts';
import { defineAsyncCancelConformance } from './async-cancel-suite.ts';
import { definePaymentProcessConformance } from './payment-process-suite.ts';
import { defineDisputeConformance } from './dispute-suite.ts';
import { definePromotionConformance } from './promotion-suite.ts';
import { definePgSpecificConformance } from './pg-specific-suite.ts';
import { definePaymentSessionConformance } from './payment-session-suite.ts';

export function defineConformanceSuite(startTarget: () => Promise<ConformanceTarget>): void {
  let target: ConformanceTarget;
  let recorder: ReturnType<typeof recordResponses>;
  let sdk: ReturnType<typeof PaymentClient>;
  const covered = new Set<string>();

  beforeAll(async () => {
    target = await startTarget();
    recorder = recordResponses(target.baseUrl);
    sdk = PaymentClient({ secret: target.apiSecret, baseUrl: target.baseUrl });
  });
  afterEach(() => {
    for (const r of recorder.recorded) covered.add(`${r.method.toUpperCase()} ${templateOf(r.path)} ${r.status}`);
    expect(recorder.validateAll()).toBeGreaterThan(0);
  });
  afterAll(async () => {
    recorder?.restore();
    await target?.close();
    if (process.env.CONFORMANCE_REPORT) console.log([...covered].sort().join('\n'));
  });

  let seq = 0;
  const id = (tag: string) => `conf-${tag}-${Date.now()}-${++seq}`;
  const swallow = (p: Promise<unknown>) => p.then(() => 'ok', (e: { data?: { type?: string } }) => e.data?.type ?? 'no data');

  const payCard = (paymentId: string, pg = 'KCP_V2', total = 12_000, c = card('SHINHAN_CARD')) =>
    sdk.payInstantly({ paymentId, channelKey: target.channelKey(pg), orderName: '적합성 주문', amount: { total }, currency: 'KRW', method: cardMethod(c) });

  describe('payInstantly', () => {
    it('200 for a card and a virtual account; 409 ALREADY_PAID; 404 CHANNEL_NOT_FOUND; 400 INVALID_REQUEST; 502 PG_PROVIDER', async () => {
      const paid = id('card');
      await payCard(paid);
      await sdk.payInstantly({
        paymentId: id('va'),
        channelKey: target.channelKey('INICIS_V2'),
        orderName: '가상계좌',
        amount: { total: 5_000 },
        currency: 'KRW',
        method: { virtualAccount: { bank: 'KOOKMIN', expiry: { validHours: 2 }, option: { type: 'NORMAL' } } },
      });
      expect(await swallow(payCard(paid))).toBe('ALREADY_PAID');
      expect(
        await swallow(sdk.payInstantly({ paymentId: id('nochan'), channelKey: 'missing', orderName: 'x', amount: { total: 1 }, currency: 'KRW', method: cardMethod(card('SHINHAN_CARD')) })),
      ).toBe('CHANNEL_NOT_FOUND');
      expect(
        await swallow(
          sdk.payInstantly({ paymentId: id('bad'), channelKey: target.channelKey('KCP_V2'), orderName: 'x', amount: { total: 1 }, currency: 'KRW', method: { card: { credential: { number: '1234', expiryYear: '30', expiryMonth: '12' } } } }),
        ),
      ).toBe('INVALID_REQUEST');
      expect(await swallow(payCard(id('kb'), 'INICIS_V2', 1_000, card('KOOKMIN_CARD')))).toBe('PG_PROVIDER');
      expect(await swallow(payCard(id('poor'), 'INICIS_V2', 1_000, declineCard('INSUFFICIENT_BALANCE')))).toBe('PG_PROVIDER');
    });
  });

  describe('payInstantly limits', () => {
    it('409 SUM_OF_PARTS_EXCEEDS_TOTAL_AMOUNT; 400 MAX_TRANSACTION_COUNT_REACHED after 10 failed attempts on one paymentId', async () => {
      expect(
        await swallow(sdk.payInstantly({ paymentId: id('parts'), channelKey: target.channelKey('KCP_V2'), orderName: 'x', amount: { total: 1_000, taxFree: 800, vat: 300 }, currency: 'KRW', method: cardMethod(card('SHINHAN_CARD')) })),
      ).toBe('SUM_OF_PARTS_EXCEEDS_TOTAL_AMOUNT');
      const retried = id('retries');
      for (let i = 0; i < 10; i++) expect(await swallow(payCard(retried, 'INICIS_V2', 1_000, card('KOOKMIN_CARD')))).toBe('PG_PROVIDER');
      expect(await swallow(payCard(retried, 'INICIS_V2', 1_000, card('SHINHAN_CARD')))).toBe('MAX_TRANSACTION_COUNT_REACHED');
    });
  });

  describe('getPayment', () => {
    it('200 for every status a payment can be in, 404 PAYMENT_NOT_FOUND, 403 FORBIDDEN, 401 UNAUTHORIZED', async () => {
      const paid = id('paid');
      await payCard(paid);
      const partial = id('partial');
      await payCard(partial);
      await sdk.cancelPayment({ paymentId: partial, amount: 1_000, reason: 'p' });
      const cancelled = id('cancelled');
      await payCard(cancelled);
      await sdk.cancelPayment({ paymentId: cancelled, reason: 'c' });
      const failed = id('failed');
      await swallow(payCard(failed, 'NICE_V2', 1_000, card('NH_CARD')));
      const ready = id('ready');
      await sdk.preRegisterPayment({ paymentId: ready, totalAmount: 1_000 });
      const va = id('va');
      await sdk.payInstantly({ paymentId: va, channelKey: target.channelKey('NICE_V2'), orderName: 'va', amount: { total: 1_000 }, currency: 'KRW', method: { virtualAccount: { bank: 'NONGHYUP', expiry: { validHours: 1 }, option: { type: 'NORMAL' } } } });

      const statuses: string[] = [];
      for (const paymentId of [paid, partial, cancelled, failed, ready, va]) statuses.push(String(((await sdk.getPayment({ paymentId })) as { status: string }).status));
      expect(statuses).toEqual(['PAID', 'PARTIAL_CANCELLED', 'CANCELLED', 'FAILED', 'READY', 'VIRTUAL_ACCOUNT_ISSUED']);
      expect(await swallow(sdk.getPayment({ paymentId: id('missing') }))).toBe('PAYMENT_NOT_FOUND');
      expect(await swallow(sdk.getPayment({ paymentId: paid, storeId: 'store-someone-else' }))).toBe('FORBIDDEN');
      const stranger = PaymentClient({ secret: 'wrong-secret', baseUrl: target.baseUrl });
      expect(await swallow(stranger.getPayment({ paymentId: paid }))).toBe('UNAUTHORIZED');
    });
  });

  describe('getPayments and getAllPaymentsByCursor', () => {
    it('200 pages and cursors; 400 for a malformed filter', async () => {
      await payCard(id('list'));
      const page = await sdk.getPayments({ page: { number: 0, size: 5 }, filter: { status: ['PAID', 'CANCELLED'], sortBy: 'STATUS_CHANGED_AT', sortOrder: 'ASC' } });
      expect(page.page.size).toBe(5);
      // Every filter of PortOne's PaymentFilterInput is understood (none is silently ignored).
      const debit = id('list-debit');
      await payCard(debit, 'KCP_V2', 12_000, card('SHINHAN_CARD', 'DEBIT'));
      const filtered = await sdk.getPayments({
        filter: { cardType: 'DEBIT', platformType: 'API', isEscrow: false, version: 'V2', cashReceiptType: 'NO_RECEIPT', textSearch: [{ field: 'PAYMENT_ID', value: debit }] },
      });
      expect(filtered.items.map((p) => ('id' in p ? p.id : undefined))).toEqual([debit]);
      expect((await sdk.getPayments({ filter: { escrowStatus: 'CONFIRMED', textSearch: [{ field: 'PAYMENT_ID', value: debit }] } })).items).toEqual([]);
      const cursor = await sdk.getAllPaymentsByCursor({ size: 3 });
      expect(cursor.items.length).toBeGreaterThan(0);
      const res = await fetch(`${target.baseUrl}/payments?requestBody=${encodeURIComponent('{"page":{"size":"ten"}}')}`, {
        headers: { authorization: `PortOne ${target.apiSecret}` },
      });
      expect(res.status).toBe(400);
    });
  });

  describe('cancelPayment', () => {
    it('200 partial and full; 409s for every PortOne refusal; 404; 502 PG_PROVIDER', async () => {
      const p = id('cancel');
      await payCard(p, 'KCP_V2', 10_000);
      await sdk.cancelPayment({ paymentId: p, amount: 4_000, taxFreeAmount: 0, reason: '부분', currentCancellableAmount: 10_000 });
      expect(await swallow(sdk.cancelPayment({ paymentId: p, amount: 1_000, reason: 'x', currentCancellableAmount: 10_000 }))).toBe('CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN');
      expect(await swallow(sdk.cancelPayment({ paymentId: p, amount: 7_000, reason: 'x' }))).toBe('CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT');
      expect(await swallow(sdk.cancelPayment({ paymentId: p, amount: 1_000, taxFreeAmount: 1_000, reason: 'x' }))).toBe('CANCEL_TAX_FREE_AMOUNT_EXCEEDS_CANCELLABLE_TAX_FREE_AMOUNT');
      await sdk.cancelPayment({ paymentId: p, reason: '전체', requester: 'CUSTOMER' });
      expect(await swallow(sdk.cancelPayment({ paymentId: p, reason: 'again' }))).toBe('PAYMENT_ALREADY_CANCELLED');
      expect(await swallow(sdk.cancelPayment({ paymentId: id('none'), reason: 'x' }))).toBe('PAYMENT_NOT_FOUND');
      const ready = id('ready');
      await sdk.preRegisterPayment({ paymentId: ready, totalAmount: 1_000 });
      expect(await swallow(sdk.cancelPayment({ paymentId: ready, reason: 'x' }))).toBe('PAYMENT_NOT_PAID');
      const debit = id('debit');
      await payCard(debit, 'NICE_V2', 5_000, card('SHINHAN_CARD', 'DEBIT'));
      expect(await swallow(sdk.cancelPayment({ paymentId: debit, amount: 1_000, reason: 'x' }))).toBe('PG_PROVIDER');
      expect(await swallow(sdk.cancelPayment({ paymentId: debit, reason: '' }))).toBe('INVALID_REQUEST');
    });
  });

  describe('cancelPayment limits', () => {
    it('409 MAX_CANCEL_COUNT_REACHED after 50 partial cancels', async () => {
      const p = id('many');
      await payCard(p, 'KCP_V2', 100);
      for (let i = 0; i < 50; i++) await sdk.cancelPayment({ paymentId: p, amount: 1, reason: `부분 ${i}` });
      expect(await swallow(sdk.cancelPayment({ paymentId: p, amount: 1, reason: 'one more' }))).toBe('MAX_CANCEL_COUNT_REACHED');
    });
  });

  describe('preRegisterPayment and closeVirtualAccount', () => {
    it('200 and 409 ALREADY_PAID; 200 close, 409 PAYMENT_NOT_WAITING_FOR_DEPOSIT, 404', async () => {
      const p = id('pre');
      await sdk.preRegisterPayment({ paymentId: p, totalAmount: 3_000, taxFreeAmount: 0, currency: 'KRW' });
      await payCard(p, 'KCP_V2', 3_000);
      expect(await swallow(sdk.preRegisterPayment({ paymentId: p, totalAmount: 3_000 }))).toBe('ALREADY_PAID');

      const va = id('close');
      await sdk.payInstantly({ paymentId: va, channelKey: target.channelKey('INICIS_V2'), orderName: 'va', amount: { total: 1_000 }, currency: 'KRW', method: { virtualAccount: { bank: 'WOORI', expiry: { validHours: 1 }, option: { type: 'NORMAL' } } } });
      await sdk.closeVirtualAccount({ paymentId: va });
      expect(await swallow(sdk.closeVirtualAccount({ paymentId: va }))).toBe('PAYMENT_NOT_WAITING_FOR_DEPOSIT');
      expect(await swallow(sdk.closeVirtualAccount({ paymentId: id('nope') }))).toBe('PAYMENT_NOT_FOUND');
    });
  });

  describe('login and token refresh', () => {
    it('200 tokens, 401 on a bad secret or a reused refresh token, 400 on a missing field', async () => {
      const post = (path: string, body: unknown) => fetch(`${target.baseUrl}${path}`, { method: 'POST', body: JSON.stringify(body) });
      const tokens = (await (await post('/login/api-secret', { apiSecret: target.apiSecret })).json()) as { refreshToken: string };
      await post('/token/refresh', { refreshToken: tokens.refreshToken });
      expect((await post('/token/refresh', { refreshToken: tokens.refreshToken })).status).toBe(401);
      expect((await post('/login/api-secret', { apiSecret: 'nope' })).status).toBe(401);
      expect((await post('/login/api-secret', {})).status).toBe(400);
    });
  });

  defineBillingConformance({ target: () => target, sdk: () => sdk, id, swallow });
  defineIdentityVerificationConformance({ target: () => target, id, swallow });
  defineLookupConformance({ target: () => target, sdk: () => sdk, id, swallow });
  defineCashReceiptConformance({ target: () => target, sdk: () => sdk, id, swallow });
  defineAsyncCancelConformance({ target: () => target, sdk: () => sdk, id, swallow });
  definePaymentProcessConformance({ target: () => target, sdk: () => sdk, id, swallow });
  defineDisputeConformance({ target: () => target, sdk: () => sdk, id, swallow });
  definePromotionConformance({ target: () => target, sdk: () => sdk, id, swallow });
  definePgSpecificConformance({ target: () => target, sdk: () => sdk, id, swallow });
  definePaymentSessionConformance({ target: () => target, sdk: () => sdk, id, swallow });
}
