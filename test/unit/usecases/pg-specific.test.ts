import { describe, expect, it } from 'vitest';
import { cancelPayment } from '../../../functions/payments/cancel-payment.ts';
import { pgCardPromotions, registerStoreReceipt } from '../../../functions/payments/pg-specific.ts';
import { kakaopayOrder } from '../../../functions/payments/kakaopay-order.ts';
import { confirmPaymentwallDelivery } from '../../../functions/payments/paymentwall-delivery.ts';
import { dualView } from '../../../functions/payments/dual-view.ts';
import { createChannel, recordSignup } from '../../../functions/stores/channels.ts';
import type { PaymentwallDelivery } from '../../../functions/domain/paymentwall-delivery.ts';
import { payByCard, payByEasyPay } from '../../support/unit-requests.ts';
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

  it('getKakaopayPaymentOrder: KakaoPay\'s order of a tid under the channel\'s CID, as KakaoPay answers it; unknown tids are KakaoPay\'s 400', async () => {
    const w = await unitWorld();
    const channelKey = w.channelKey('KAKAOPAY');
    const paid = await payByEasyPay(w, 'kakao-1', 'KAKAOPAY', { pg: 'KAKAOPAY', total: 30_000 });
    const pgTxId = paid.pgTxId!;
    const answer = await kakaopayOrder(w.services, w.storeId, { pgTxId, channelKey });
    expect(answer.statusCode).toBe(200);
    const order = JSON.parse(answer.body);
    expect(order).toMatchObject({
      tid: pgTxId,
      cid: 'TC0ONETIME',
      status: 'SUCCESS_PAYMENT',
      partner_order_id: 'kakao-1',
      amount: { total: 30_000, tax_free: 0, vat: paid.amount.vat, point: 0, discount: 0, green_deposit: 0 },
      cancel_available_amount: { total: 30_000 },
      item_name: '테스트 주문',
    });
    // KakaoPay writes Korean local time without an offset.
    expect(order.approved_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    await cancelPayment(w.services, w.storeId, 'kakao-1', { reason: '전체' });
    const cancelled = JSON.parse((await kakaopayOrder(w.services, w.storeId, { pgTxId, channelKey })).body);
    expect(cancelled).toMatchObject({ status: 'CANCEL_PAYMENT', canceled_amount: { total: 30_000 }, cancel_available_amount: { total: 0 } });
    expect(cancelled.payment_action_details.map((a: { aid: string }) => a.aid)).toEqual([order.payment_action_details[0].aid, expect.stringMatching(/^A\w{19}$/)]);
    // A tid KakaoPay does not know, or one of another store, is KakaoPay's own refusal relayed.
    expect((await kakaopayOrder(w.services, w.storeId, { pgTxId: 'T0000000000000000000', channelKey })).statusCode).toBe(400);
    const other = await w.newStore();
    const otherKakao = other.channels.find((c) => c.pgProvider === 'KAKAOPAY')!.channelKey;
    expect((await kakaopayOrder(w.services, other.storeId, { pgTxId, channelKey: otherKakao })).statusCode).toBe(400);
    expect(await rejection(kakaopayOrder(w.services, w.storeId, { pgTxId, channelKey: w.channelKey('KCP_V2') }))).toMatchObject({ type: 'INVALID_REQUEST', status: 400 });
    expect(await rejection(kakaopayOrder(w.services, w.storeId, { pgTxId, channelKey: 'missing' }))).toMatchObject({ type: 'INVALID_REQUEST', status: 400 });
  });

  it('getKakaopayPaymentOrder: a payment whose commit failed after its tid was kept is not found', async () => {
    const w = await unitWorld();
    const channelKey = w.channelKey('KAKAOPAY');
    await w.repo.putPaymentReference(w.storeId, { kind: 'PG_TX_ID', value: 'kakaopay-orphan' }, 'never-committed');
    expect((await kakaopayOrder(w.services, w.storeId, { pgTxId: 'kakaopay-orphan', channelKey })).statusCode).toBe(400);
  });

  it('confirmPaymentwallDelivery: a paid Paymentwall transaction takes the delivery, the latest replacing the first; physical ones need the address', async () => {
    const w = await unitWorld();
    await recordSignup(w.services, w.storeId, 'PAYMENTWALL');
    const channel = await createChannel(w.services, w.storeId, { pgProvider: 'PAYMENTWALL' });
    const paid = await payByCard(w, 'pw-1', { channelKey: channel.channelKey, total: 5_000 });
    const digital: PaymentwallDelivery = {
      transactionId: paid.transactionId,
      deliveryType: 'DIGITAL',
      deliveryStatus: 'ORDER_PLACED',
      estimatedDeliveryDatetime: '2026-12-01T10:00:00+09:00',
      estimatedUpdateDatetime: '2026-12-01T10:00:00+09:00',
      refundable: true,
      details: '이용권',
      shippingAddressEmail: 'buyer@example.com',
    };
    expect(await confirmPaymentwallDelivery(w.services, w.storeId, digital)).toEqual({});
    await confirmPaymentwallDelivery(w.services, w.storeId, { ...digital, deliveryStatus: 'DELIVERED' });
    expect((await dualView(w.services, w.storeId, 'pw-1')).pg.paymentwallDelivery).toMatchObject({ deliveryStatus: 'DELIVERED', registrations: 2, registeredAt: expect.any(String) });
    const physical = { ...digital, deliveryType: 'PHYSICAL' as const, carrierTrackingId: '1234', carrierType: 'CJ대한통운' };
    expect(await rejection(confirmPaymentwallDelivery(w.services, w.storeId, physical))).toMatchObject({ type: 'INVALID_REQUEST', message: expect.stringContaining('shippingAddressCountry') });
    expect(await rejection(confirmPaymentwallDelivery(w.services, w.storeId, { ...digital, transactionId: 'pw-1' }))).toMatchObject({ type: 'PAYMENT_NOT_FOUND', message: expect.stringContaining('paymentId') });
    // Another PG's payment is not a Paymentwall transaction.
    const kcp = await payByCard(w, 'kcp-1', { pg: 'KCP_V2' });
    expect(await rejection(confirmPaymentwallDelivery(w.services, w.storeId, { ...digital, transactionId: kcp.transactionId }))).toMatchObject({ type: 'PAYMENT_NOT_FOUND', status: 404 });
    await cancelPayment(w.services, w.storeId, 'pw-1', { reason: '환불' });
    expect(await rejection(confirmPaymentwallDelivery(w.services, w.storeId, digital))).toMatchObject({ type: 'INVALID_REQUEST' });
    // Other PGs' views carry no delivery.
    expect((await dualView(w.services, w.storeId, 'kcp-1')).pg.paymentwallDelivery).toBeUndefined();
  });
});
