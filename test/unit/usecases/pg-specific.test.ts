import { describe, expect, it } from 'vitest';
import { cancelPayment } from '../../../functions/payments/cancel-payment.ts';
import { pgCardPromotions, registerStoreReceipt } from '../../../functions/payments/pg-specific.ts';
import { payByCard } from '../../support/unit-requests.ts';
import { rejection, unitWorld } from '../../support/unit-services.ts';

const item = (totalAmount: number, currency = 'KRW') => ({ storeBusinessRegistrationNumber: '1234567890', storeName: '하위 상점', totalAmount, currency });

describe('PG-specific operations', () => {
  it('getPgCardPromotions: KCP\'s promotions the amount reaches, by card company; other PGs are refused', async () => {
    const w = await unitWorld();
    const kcp = w.channelKey('KCP_V2');
    expect((await pgCardPromotions(w.services, w.storeId, { channelKey: kcp, amount: 9_999 })).map((p) => p.cardCompany)).toEqual([]);
    expect((await pgCardPromotions(w.services, w.storeId, { channelKey: kcp, amount: 50_000 })).map((p) => p.cardCompany)).toEqual(['HYUNDAI_CARD', 'SHINHAN_CARD', 'SAMSUNG_CARD']);
    expect((await pgCardPromotions(w.services, w.storeId, { channelKey: kcp, amount: 50_000, cardCompany: 'SHINHAN_CARD' })).map((p) => p.discountAmount)).toEqual([3_000]);
    expect(await rejection(pgCardPromotions(w.services, w.storeId, { channelKey: w.channelKey('NICE_V2'), amount: 50_000 }))).toMatchObject({ type: 'INVALID_REQUEST' });
    expect(await rejection(pgCardPromotions(w.services, w.storeId, { channelKey: 'missing', amount: 50_000 }))).toMatchObject({ type: 'CHANNEL_NOT_FOUND' });
  });

  it('registerStoreReceipt: 이니시스 paid payments only, items in its currency and within what is still paid', async () => {
    const w = await unitWorld();
    const paid = await payByCard(w, 'inicis', { pg: 'INICIS_V2', total: 30_000 });
    expect(await registerStoreReceipt(w.services, w.storeId, 'inicis', [item(10_000), item(20_000)])).toEqual({ receiptUrl: paid.receiptUrl });
    expect(await rejection(registerStoreReceipt(w.services, w.storeId, 'inicis', [item(1_000, 'USD')]))).toMatchObject({ type: 'INVALID_REQUEST' });
    await cancelPayment(w.services, w.storeId, 'inicis', { amount: 10_000, reason: '부분' });
    expect(await rejection(registerStoreReceipt(w.services, w.storeId, 'inicis', [item(20_001)]))).toMatchObject({ type: 'INVALID_REQUEST' });
    await payByCard(w, 'kcp', { pg: 'KCP_V2' });
    expect(await rejection(registerStoreReceipt(w.services, w.storeId, 'kcp', [item(1_000)]))).toMatchObject({ type: 'INVALID_REQUEST' });
    await cancelPayment(w.services, w.storeId, 'inicis', { reason: '전체' });
    expect(await rejection(registerStoreReceipt(w.services, w.storeId, 'inicis', [item(1_000)]))).toMatchObject({ type: 'PAYMENT_NOT_PAID', status: 409 });
    expect(await rejection(registerStoreReceipt(w.services, w.storeId, 'none', [item(1_000)]))).toMatchObject({ type: 'PAYMENT_NOT_FOUND' });
  });
});
