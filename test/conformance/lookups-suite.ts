/**
 * Conformance of PortOne's look-up operations the SDK has no method for or that read what payments
 * left behind: getBankInfos, getPaymentTransactions, getAllPaymentEventsByCursor. Every answer is
 * validated by the suite's recorder against PortOne's OAS (unknown properties rejected).
 */
import { describe, expect, it } from 'vitest';
import type { BillingConformanceContext as ConformanceContext } from './billing-suite.ts';
import { card, cardMethod } from '../support/cards.ts';

export function defineLookupConformance({ target, sdk, id, swallow }: ConformanceContext): void {
  const pay = (paymentId: string, issuer: string, pg = 'INICIS_V2') =>
    sdk().payInstantly({ paymentId, channelKey: target().channelKey(pg), orderName: '시도 내역', amount: { total: 10_000 }, currency: 'KRW', method: cardMethod(card(issuer)) });

  describe('getBankInfos', () => {
    it('200 with every PortOne bank and its Korean name, without credentials (the OAS declares no security)', async () => {
      const res = await fetch(`${target().baseUrl}/banks`);
      expect(res.status).toBe(200);
      const { items } = (await res.json()) as { items: { bank: string; name: { ko: string } }[] };
      expect(items).toContainEqual({ bank: 'KAKAO', name: { ko: '카카오뱅크' } });
      expect(items).toContainEqual({ bank: 'NONGHYUP', name: { ko: 'NH농협은행' } });
      expect(items).toHaveLength(79);
    });
  });

  describe('getPaymentTransactions', () => {
    it('200 with each attempt (two refused, then paid) as its own transaction; 404 PAYMENT_NOT_FOUND; 403 FORBIDDEN', async () => {
      const paymentId = id('attempts');
      // 이니시스 refuses KB국민 test cards: two failed attempts, then a 신한 card pays.
      expect(await swallow(pay(paymentId, 'KOOKMIN_CARD'))).toBe('PG_PROVIDER');
      expect(await swallow(pay(paymentId, 'KOOKMIN_CARD'))).toBe('PG_PROVIDER');
      await pay(paymentId, 'SHINHAN_CARD');
      const items = (await sdk().getPaymentTransactions({ paymentId })).items as { id: string; status: string }[];
      expect(items.map((t) => t.status)).toEqual(['FAILED', 'FAILED', 'PAID']);
      expect(new Set(items.map((t) => t.id)).size).toBe(3);
      const payment = (await sdk().getPayment({ paymentId })) as { transactionId: string };
      expect(items[2]).toMatchObject({ id: payment.transactionId, paymentId });
      expect(await swallow(sdk().getPaymentTransactions({ paymentId: id('missing') }))).toBe('PAYMENT_NOT_FOUND');
      expect(await swallow(sdk().getPaymentTransactions({ paymentId, storeId: 'store-someone-else' }))).toBe('FORBIDDEN');
    });
  });

  describe('getAllPaymentEventsByCursor', () => {
    it('200: a paid, a partial-cancel and a cancel event in creation order, resumable by cursor; 400 for a malformed body; 403 FORBIDDEN', async () => {
      const from = new Date(Date.now() - 1000).toISOString();
      const paymentId = id('events');
      await pay(paymentId, 'SHINHAN_CARD', 'KCP_V2');
      await sdk().cancelPayment({ paymentId, amount: 4_000, reason: '부분 취소' });
      await sdk().cancelPayment({ paymentId, reason: '나머지 취소' });
      // The sandbox's clock may run ahead of this process (a deployed target): read up to far ahead.
      const until = new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();
      const events = async (page: { size: number; cursor?: string }) =>
        (await sdk().getAllPaymentEventsByCursor({ from, until, ...page })).items.map((i) => ({ ...(i.paymentEvent as { id: string; paymentId: string; type: string; eventAmount: number }), cursor: i.cursor }));
      const all = await events({ size: 1000 });
      const mine = all.filter((e) => e.paymentId === paymentId);
      expect(mine.map((e) => [e.type, e.eventAmount])).toEqual([
        ['PAID', 10_000],
        ['PARTIAL_CANCELLED', -4_000],
        ['CANCELLED', -6_000],
      ]);
      const [first] = await events({ size: 1 });
      const [next] = await events({ size: 1, cursor: first!.cursor });
      expect(next!.id).toBe(all[1]!.id);
      const res = await fetch(`${target().baseUrl}/payment-events-by-cursor?requestBody=${encodeURIComponent('{"size":"ten"}')}`, {
        headers: { authorization: `PortOne ${target().apiSecret}` },
      });
      expect(res.status).toBe(400);
      expect(await swallow(sdk().getAllPaymentEventsByCursor({ storeId: 'store-someone-else' }))).toBe('FORBIDDEN');
    });
  });
}
