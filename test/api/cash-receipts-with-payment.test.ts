/**
 * 현금영수증 requested with a transfer or virtual-account payment, as a shop meets it: the browser
 * SDK's request through the PG window (plain HTTP, as /sdk.js and the window's form), payInstantly,
 * and the official @portone/server-sdk reading the receipt back over real HTTP. The per-PG facts
 * (profile `cashReceiptType`, `cashReceiptsInTest`) each have a scenario.
 */
import { PaymentClient } from '@portone/server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannel } from '../../functions/stores/channels.ts';
import { openWindow, submitWindow } from '../support/payment-window.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';

let sandbox: TestSandbox;
let sdk: ReturnType<typeof PaymentClient>;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  sdk = PaymentClient({ secret: sandbox.store.apiSecret, baseUrl: sandbox.url });
});
afterAll(() => sandbox?.close());

let seq = 0;
const newId = (tag: string) => `cr-${tag}-${Date.now()}-${++seq}`;
const request = (paymentId: string, pg: string, payMethod: 'TRANSFER' | 'VIRTUAL_ACCOUNT', extra: Record<string, unknown> = {}) => ({
  storeId: sandbox.store.storeId,
  channelKey: sandbox.channelKey(pg),
  paymentId,
  orderName: '현금영수증 주문',
  totalAmount: 11_000,
  payMethod,
  ...extra,
});
const receiptOf = async (paymentId: string) => ((await sdk.getPayment({ paymentId })) as { cashReceipt?: { status: string; type?: string; totalAmount: number } }).cashReceipt;
const admin = (path: string) => fetch(`${sandbox.url}/sandbox/${path}`, { method: 'POST', headers: { authorization: `PortOne ${sandbox.store.apiSecret}`, 'content-type': 'application/json' }, body: '{}' });

describe('현금영수증 with a transfer (실시간 계좌이체), chosen in the PG window', () => {
  it('the buyer picks 지출증빙 and enters the number: PAID with the receipt ISSUED in getPayment, getCashReceiptByPaymentId and getCashReceipts; a full cancel cancels it', async () => {
    const paymentId = newId('transfer');
    const answer = await submitWindow(sandbox.url, request(paymentId, 'KCP_V2', 'TRANSFER'), { bank: 'SHINHAN', cashReceiptType: 'CORPORATE', cashReceiptNumber: '123-45-67890' });
    expect(answer.code).toBeUndefined();
    expect(await receiptOf(paymentId)).toMatchObject({ status: 'ISSUED', type: 'CORPORATE', totalAmount: 11_000 });
    expect(await sdk.cashReceipt.getCashReceiptByPaymentId({ paymentId })).toMatchObject({ status: 'ISSUED', isManual: false, type: 'CORPORATE', amount: 11_000, vatAmount: 1_000 });
    const listed = await sdk.cashReceipt.getCashReceipts({ filter: { paymentId, isManual: false } });
    expect(listed.items).toHaveLength(1);

    await sdk.cancelPayment({ paymentId, reason: '주문 취소' });
    expect(await receiptOf(paymentId)).toMatchObject({ status: 'CANCELLED' });
    expect(await sdk.cashReceipt.getCashReceiptByPaymentId({ paymentId })).toMatchObject({ status: 'CANCELLED', cancelledAt: expect.any(String) });
  });

  it('미발행 (the window starts there unless the PG presets the SDK type): no receipt', async () => {
    const paymentId = newId('none');
    await submitWindow(sandbox.url, request(paymentId, 'KCP_V2', 'TRANSFER', { transfer: { cashReceiptType: 'PERSONAL' } }), { bank: 'SHINHAN', cashReceiptNumber: '' });
    expect(((await sdk.getPayment({ paymentId })) as { status: string }).status).toBe('PAID');
    expect(await receiptOf(paymentId)).toBeUndefined();
    await expect(sdk.cashReceipt.getCashReceiptByPaymentId({ paymentId })).rejects.toMatchObject({ data: { type: 'CASH_RECEIPT_NOT_FOUND' } });
  });

  it('a number that is none of the receipt numbers is refused in the window, which asks again', async () => {
    const paymentId = newId('bad');
    const { token } = await openWindow(sandbox.url, request(paymentId, 'KCP_V2', 'TRANSFER'));
    const res = await fetch(`${sandbox.url}/checkout/pay`, { method: 'POST', body: new URLSearchParams({ s: token, bank: 'SHINHAN', cashReceiptType: 'PERSONAL', cashReceiptNumber: '12' }) });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('현금영수증 발급 번호를 확인하세요');
    expect(((await sdk.getPayment({ paymentId })) as { status: string }).status).toBe('READY');
  });
});

describe('per-PG facts (profile cashReceiptType, cashReceiptsInTest)', () => {
  it('KG이니시스 hides the choice for ANONYMOUS; NHN KCP (field not supported) still asks', async () => {
    const hidden = await openWindow(sandbox.url, request(newId('inicis'), 'INICIS_V2', 'TRANSFER', { transfer: { cashReceiptType: 'CASH_RECEIPT_TYPE_ANONYMOUS' } }));
    expect(hidden.html).not.toContain('data-testid="cash-receipt"');
    const asked = await openWindow(sandbox.url, request(newId('kcp'), 'KCP_V2', 'TRANSFER', { transfer: { cashReceiptType: 'ANONYMOUS' } }));
    expect(asked.html).toContain('data-testid="cash-receipt"');
  });

  it('토스페이먼츠 starts on the SDK type and its customerIdentifier (nothing to enter), but issues no receipt in test', async () => {
    const paymentId = newId('toss');
    const opened = await openWindow(sandbox.url, request(paymentId, 'TOSSPAYMENTS', 'TRANSFER', { transfer: { cashReceiptType: 'PERSONAL', customerIdentifier: '01012345678' } }));
    expect(opened.html).toMatch(/value="PERSONAL" checked/);
    expect(opened.html).toContain('value="01012345678"');
    await submitWindow(sandbox.url, request(paymentId, 'TOSSPAYMENTS', 'TRANSFER', { transfer: { cashReceiptType: 'PERSONAL', customerIdentifier: '01012345678' } }), { bank: 'SHINHAN' });
    expect(((await sdk.getPayment({ paymentId })) as { status: string }).status).toBe('PAID');
    expect(await receiptOf(paymentId)).toBeUndefined();
  });
});

describe('현금영수증 with a virtual account: issued at the deposit', () => {
  it('payInstantly with method.virtualAccount.cashReceipt: none while waiting; the test deposit notification pays it and issues the receipt', async () => {
    const paymentId = newId('va');
    await sdk.payInstantly({
      paymentId,
      channelKey: sandbox.channelKey('INICIS_V2'),
      orderName: '가상계좌 주문',
      amount: { total: 20_000 },
      currency: 'KRW',
      method: { virtualAccount: { bank: 'SHINHAN', expiry: { validHours: 24 }, option: { type: 'NORMAL' }, cashReceipt: { type: 'PERSONAL', customerIdentityNumber: '01012345678' } } },
    });
    expect(await receiptOf(paymentId)).toBeUndefined();
    await expect(sdk.cashReceipt.getCashReceiptByPaymentId({ paymentId })).rejects.toMatchObject({ data: { type: 'CASH_RECEIPT_NOT_FOUND' } });
    expect((await admin(`payments/${paymentId}/virtual-account/test-deposit-notification`)).status).toBe(200);
    expect(await receiptOf(paymentId)).toMatchObject({ status: 'ISSUED', type: 'PERSONAL', totalAmount: 20_000 });
    expect(await sdk.cashReceipt.getCashReceiptByPaymentId({ paymentId })).toMatchObject({ status: 'ISSUED', isManual: false });
  });

  it('on a live-like channel the real deposit issues it; NO_RECEIPT asks for none', async () => {
    const live = await createChannel(sandbox.services, sandbox.store.storeId, { pgProvider: 'INICIS_V2', mode: 'LIVE_LIKE' });
    const pay = (paymentId: string, type: 'CORPORATE' | 'NO_RECEIPT') =>
      sdk.payInstantly({
        paymentId,
        channelKey: live.channelKey,
        orderName: '가상계좌 주문',
        amount: { total: 20_000 },
        currency: 'KRW',
        method: { virtualAccount: { bank: 'SHINHAN', expiry: { validHours: 24 }, option: { type: 'NORMAL' }, cashReceipt: { type, customerIdentityNumber: '1234567890' } } },
      });
    const [asked, none] = [newId('live'), newId('live-none')];
    await pay(asked, 'CORPORATE');
    await pay(none, 'NO_RECEIPT');
    for (const id of [asked, none]) expect((await admin(`payments/${id}/virtual-account/deposit`)).status).toBe(200);
    expect(await receiptOf(asked)).toMatchObject({ status: 'ISSUED', type: 'CORPORATE' });
    expect(await receiptOf(none)).toBeUndefined();
  });
});
