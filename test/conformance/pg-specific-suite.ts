/**
 * Conformance of the operations tied to one PG's own features: getPgCardPromotions (KCP),
 * registerStoreReceipt (KG이니시스), getKakaopayPaymentOrder (KakaoPay) and
 * confirmPaymentwallDelivery (Paymentwall, which the SDK has no client for: fetch), success and
 * every error the sandbox gives, validated by the suite's recorder.
 */
import { describe, expect, it } from 'vitest';
import { PgSpecificClient } from '@portone/server-sdk';
import type { BillingConformanceContext as ConformanceContext } from './billing-suite.ts';
import { card, cardMethod } from '../support/cards.ts';
import { sandboxAdmin } from '../support/admin.ts';

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

  describe('getKakaopayPaymentOrder', () => {
    it('200 relaying KakaoPay\'s order (paid, then partly cancelled) or its 400 for an unknown tid; 400 INVALID_REQUEST for a channel that is not KakaoPay\'s or does not exist', async () => {
      const admin = sandboxAdmin(target().baseUrl, target().apiSecret);
      const pgSpecific = PgSpecificClient({ secret: target().apiSecret, baseUrl: target().baseUrl });
      const channelKey = target().channelKey('KAKAOPAY');
      const paymentId = id('kakao-order');
      await admin.post(`/sandbox/payments/${paymentId}/checkout`, { channelKey, orderName: '카카오 주문', totalAmount: 20_000, payMethod: 'EASY_PAY', easyPayProvider: 'KAKAOPAY' });
      const payment = await sdk().getPayment({ paymentId });
      const pgTxId = 'pgTxId' in payment ? (payment.pgTxId as string) : '';
      const paid = await pgSpecific.getKakaopayPaymentOrder({ pgTxId, channelKey });
      expect(paid.statusCode).toBe(200);
      expect(JSON.parse(paid.body)).toMatchObject({ tid: pgTxId, status: 'SUCCESS_PAYMENT', partner_order_id: paymentId, item_name: '카카오 주문', amount: { total: 20_000 } });
      await sdk().cancelPayment({ paymentId, amount: 5_000, reason: '부분 취소' });
      const cancelled = JSON.parse((await pgSpecific.getKakaopayPaymentOrder({ pgTxId, channelKey })).body);
      expect(cancelled).toMatchObject({ status: 'PART_CANCEL_PAYMENT', canceled_amount: { total: 5_000 }, cancel_available_amount: { total: 15_000 } });
      expect(cancelled.payment_action_details.map((a: { payment_action_type: string; amount: number }) => [a.payment_action_type, a.amount])).toEqual([['PAYMENT', 20_000], ['CANCEL', 5_000]]);
      const unknown = await pgSpecific.getKakaopayPaymentOrder({ pgTxId: `${pgTxId}-x`, channelKey });
      expect(unknown.statusCode).toBe(400);
      expect(JSON.parse(unknown.body)).toMatchObject({ error_code: expect.any(Number) });
      expect(await swallow(pgSpecific.getKakaopayPaymentOrder({ pgTxId, channelKey: target().channelKey('KCP_V2') }))).toBe('INVALID_REQUEST');
      expect(await swallow(pgSpecific.getKakaopayPaymentOrder({ pgTxId, channelKey: 'missing' }))).toBe('INVALID_REQUEST');
      expect(await swallow(PgSpecificClient({ secret: 'not-a-secret', baseUrl: target().baseUrl }).getKakaopayPaymentOrder({ pgTxId, channelKey }))).toBe('UNAUTHORIZED');
    });
  });

  describe('confirmPaymentwallDelivery', () => {
    it('200 for a paid Paymentwall transaction (kept in the PG view, the latest replacing the first); 400 for missing physical fields or a cancelled payment; 404 PAYMENT_NOT_FOUND', async () => {
      const admin = sandboxAdmin(target().baseUrl, target().apiSecret);
      await admin.post('/sandbox/signups', { pgProvider: 'PAYMENTWALL' });
      const channel = (await admin.post('/sandbox/channels', { pgProvider: 'PAYMENTWALL' })) as { channelKey: string };
      const paymentId = id('paymentwall');
      await sdk().payInstantly({ paymentId, channelKey: channel.channelKey, orderName: 'Paymentwall order', amount: { total: 5_000 }, currency: 'KRW', method: cardMethod(card('HYUNDAI_CARD')) });
      const paid = await sdk().getPayment({ paymentId });
      const transactionId = 'transactionId' in paid ? paid.transactionId : '';
      const confirm = (body: Record<string, unknown>) => admin.call('POST', '/paymentwall/delivery/confirm', body);
      const digital = {
        transactionId,
        deliveryType: 'DIGITAL',
        deliveryStatus: 'DELIVERED',
        estimatedDeliveryDatetime: '2026-12-01T10:00:00+09:00',
        estimatedUpdateDatetime: '2026-12-01T10:00:00+09:00',
        refundable: false,
        details: '디지털 상품 즉시 제공',
        shippingAddressEmail: 'buyer@example.com',
      };
      expect(await confirm({ ...digital, deliveryStatus: 'ORDER_PLACED' })).toEqual({ status: 200, body: {} });
      expect(await confirm(digital)).toEqual({ status: 200, body: {} });
      expect(((await admin.view(paymentId)) as { pg: Record<string, unknown> }).pg.paymentwallDelivery).toMatchObject({ deliveryStatus: 'DELIVERED', registrations: 2 });
      const physical = await confirm({ ...digital, deliveryType: 'PHYSICAL', carrierType: 'CJ대한통운' });
      expect(physical).toMatchObject({ status: 400, body: { type: 'INVALID_REQUEST', message: expect.stringContaining('carrierTrackingId') } });
      expect(await confirm({ ...digital, transactionId: 'no-such-transaction' })).toMatchObject({ status: 404, body: { type: 'PAYMENT_NOT_FOUND' } });
      expect(await confirm({ ...digital, transactionId: paymentId })).toMatchObject({ status: 404, body: { message: expect.stringContaining('paymentId') } });
      expect(await confirm({ ...digital, deliveryType: 'BY_DRONE' })).toMatchObject({ status: 400, body: { type: 'INVALID_REQUEST' } });
      expect(await sandboxAdmin(target().baseUrl, 'not-a-secret').call('POST', '/paymentwall/delivery/confirm', digital)).toMatchObject({ status: 401, body: { type: 'UNAUTHORIZED' } });
      await sdk().cancelPayment({ paymentId, reason: '환불' });
      expect(await confirm(digital)).toMatchObject({ status: 400, body: { type: 'INVALID_REQUEST' } });
    });
  });
}
