/**
 * Conformance of the operations tied to one PG's own features: getPgCardPromotions (KCP) and
 * registerStoreReceipt (KG이니시스), through the official SDK, success and every error the sandbox
 * gives, validated by the suite's recorder.
 */
import { describe, expect, it } from 'vitest';
import type { BillingConformanceContext as ConformanceContext } from './billing-suite.ts';
import { card, cardMethod } from '../support/cards.ts';

export function definePgSpecificConformance({ target, sdk, id, swallow }: ConformanceContext): void {
  describe('getPgCardPromotions', () => {
    it('200 with the KCP promotions the amount reaches, filtered by card company; 400 for a PG without them; 404 CHANNEL_NOT_FOUND', async () => {
      const kcp = target().channelKey('KCP_V2');
      const all = await sdk().additionalFeature.getPgCardPromotions({ channelKey: kcp, amount: 30_000 });
      expect(all.promotions?.map((p) => p.cardCompany)).toEqual(['HYUNDAI_CARD', 'SAMSUNG_CARD']);
      const hyundai = await sdk().additionalFeature.getPgCardPromotions({ channelKey: kcp, amount: 30_000, cardCompany: 'HYUNDAI_CARD' });
      expect(hyundai.promotions).toEqual([{ promotionId: expect.any(String), cardCompany: 'HYUNDAI_CARD', discountAmount: 1_000, minimumPaymentAmount: 10_000 }]);
      expect(await swallow(sdk().additionalFeature.getPgCardPromotions({ channelKey: target().channelKey('INICIS_V2'), amount: 30_000 }))).toBe('INVALID_REQUEST');
      expect(await swallow(sdk().additionalFeature.getPgCardPromotions({ channelKey: 'missing', amount: 30_000 }))).toBe('CHANNEL_NOT_FOUND');
    });
  });

  describe('registerStoreReceipt', () => {
    it('200 with the receipt URL on a paid 이니시스 payment; 409 PAYMENT_NOT_PAID; 404 PAYMENT_NOT_FOUND; 400 on another PG and for items above the payment', async () => {
      const pay = (paymentId: string, pg: string) =>
        sdk().payInstantly({ paymentId, channelKey: target().channelKey(pg), orderName: '하위 상점 주문', amount: { total: 30_000 }, currency: 'KRW', method: cardMethod(card('SHINHAN_CARD')) });
      const item = (totalAmount: number) => ({ storeBusinessRegistrationNumber: '1234567890', storeName: '하위 상점', totalAmount, currency: 'KRW' as const });
      const paid = id('store-receipt');
      await pay(paid, 'INICIS_V2');
      const registered = await sdk().registerStoreReceipt({ paymentId: paid, items: [item(10_000), item(20_000)] });
      expect(registered.receiptUrl).toMatch(/^https:\/\//);
      expect(await swallow(sdk().registerStoreReceipt({ paymentId: paid, items: [item(30_001)] }))).toBe('INVALID_REQUEST');
      const kcp = id('store-receipt-kcp');
      await pay(kcp, 'KCP_V2');
      expect(await swallow(sdk().registerStoreReceipt({ paymentId: kcp, items: [item(1_000)] }))).toBe('INVALID_REQUEST');
      const ready = id('store-receipt-ready');
      await sdk().preRegisterPayment({ paymentId: ready, totalAmount: 1_000 });
      expect(await swallow(sdk().registerStoreReceipt({ paymentId: ready, items: [item(1_000)] }))).toBe('PAYMENT_NOT_PAID');
      expect(await swallow(sdk().registerStoreReceipt({ paymentId: id('none'), items: [item(1_000)] }))).toBe('PAYMENT_NOT_FOUND');
    });
  });
}
