/**
 * Conformance of the cash receipt (현금영수증) operations, driven through the official SDK's
 * `cashReceipt` client; every answer validated by the suite's recorder against PortOne's OAS
 * (unknown properties rejected). Runs inside defineConformanceSuite, on its target.
 */
import { describe, expect, it } from 'vitest';
import type { BillingConformanceContext as ConformanceContext } from './billing-suite.ts';
import { card, cardMethod } from '../support/cards.ts';
import { submitWindow } from '../support/payment-window.ts';

export function defineCashReceiptConformance({ target, sdk, id, swallow }: ConformanceContext): void {
  const receipts = () => sdk().cashReceipt;
  const issue = (paymentId: string, channelKey = target().channelKey('KCP_V2')) =>
    receipts().issueCashReceipt({
      paymentId,
      channelKey,
      type: 'PERSONAL',
      orderName: '현금 주문',
      currency: 'KRW',
      amount: { total: 11_000 },
      customer: { identityNumber: '01012345678' },
    });

  describe('cash receipts', () => {
    it('issue 200, 409 CASH_RECEIPT_ALREADY_ISSUED, 404 CHANNEL_NOT_FOUND, 400 INVALID_REQUEST; get 200 (ISSUED, CANCELLED) and 404; list 200; cancel 200, 404 CASH_RECEIPT_NOT_ISSUED / CASH_RECEIPT_NOT_FOUND', async () => {
      const paymentId = id('receipt');
      const { cashReceipt } = await issue(paymentId);
      expect(cashReceipt.issueNumber).toMatch(/^\d{9}$/);
      expect(await swallow(issue(paymentId))).toBe('CASH_RECEIPT_ALREADY_ISSUED');
      expect(await swallow(issue(id('nochan'), 'missing'))).toBe('CHANNEL_NOT_FOUND');
      expect(await swallow(receipts().issueCashReceipt({ paymentId: id('usd'), channelKey: target().channelKey('KCP_V2'), type: 'CORPORATE', orderName: 'x', currency: 'USD', amount: { total: 10 }, customer: { identityNumber: '1234567890' } }))).toBe('INVALID_REQUEST');

      expect(await receipts().getCashReceiptByPaymentId({ paymentId })).toMatchObject({ status: 'ISSUED', isManual: true, amount: 11_000, vatAmount: 1_000, issueNumber: cashReceipt.issueNumber });
      expect(await swallow(receipts().getCashReceiptByPaymentId({ paymentId: id('none') }))).toBe('CASH_RECEIPT_NOT_FOUND');
      const list = await receipts().getCashReceipts({ page: { number: 0, size: 5 }, filter: { paymentId, statuses: ['ISSUED'] } });
      expect(list.items.map((r) => (r as { paymentId: string }).paymentId)).toEqual([paymentId]);

      expect(await receipts().cancelCashReceiptByPaymentId({ paymentId })).toMatchObject({ cancelledAmount: 11_000 });
      expect(await receipts().getCashReceiptByPaymentId({ paymentId })).toMatchObject({ status: 'CANCELLED' });
      expect(await swallow(receipts().cancelCashReceiptByPaymentId({ paymentId }))).toBe('CASH_RECEIPT_NOT_ISSUED');
      expect(await swallow(receipts().cancelCashReceiptByPaymentId({ paymentId: id('none') }))).toBe('CASH_RECEIPT_NOT_FOUND');
    });

    it('cancelling a payment in full cancels its receipt; a partial cancel leaves it issued', async () => {
      const paymentId = id('paid-receipt');
      await sdk().payInstantly({ paymentId, channelKey: target().channelKey('KCP_V2'), orderName: '현금영수증 결제', amount: { total: 11_000 }, currency: 'KRW', method: cardMethod(card('SHINHAN_CARD')) });
      await issue(paymentId);
      await sdk().cancelPayment({ paymentId, amount: 1_000, reason: '부분' });
      expect(await receipts().getCashReceiptByPaymentId({ paymentId })).toMatchObject({ status: 'ISSUED' });
      await sdk().cancelPayment({ paymentId, reason: '전체' });
      expect(await receipts().getCashReceiptByPaymentId({ paymentId })).toMatchObject({ status: 'CANCELLED' });
    });

    it('requested with the payment: getPayment 200 with cashReceipt ISSUED (PAID, PARTIAL_CANCELLED) and CANCELLED (CANCELLED); getCashReceiptByPaymentId / getCashReceipts / getPayments / getAllPaymentEventsByCursor 200', async () => {
      const t = target();
      const from = new Date(Date.now() - 1000).toISOString();
      const cashReceiptOf = async (paymentId: string) => ((await sdk().getPayment({ paymentId })) as { cashReceipt?: { status: string } }).cashReceipt;
      // A transfer: the buyer asks in the PG window.
      const transfer = id('transfer-receipt');
      const request = { storeId: t.storeId, channelKey: t.channelKey('KCP_V2'), paymentId: transfer, orderName: '계좌이체', totalAmount: 11_000, payMethod: 'TRANSFER' };
      expect((await submitWindow(t.baseUrl, request, { bank: 'SHINHAN', cashReceiptType: 'PERSONAL', cashReceiptNumber: '01012345678' })).code).toBeUndefined();
      expect(await cashReceiptOf(transfer)).toMatchObject({ status: 'ISSUED', type: 'PERSONAL' });
      await sdk().cancelPayment({ paymentId: transfer, amount: 1_000, reason: '부분' });
      expect(await cashReceiptOf(transfer)).toMatchObject({ status: 'ISSUED' });
      await sdk().cancelPayment({ paymentId: transfer, reason: '전체' });
      expect(await cashReceiptOf(transfer)).toMatchObject({ status: 'CANCELLED' });
      expect(await receipts().getCashReceiptByPaymentId({ paymentId: transfer })).toMatchObject({ status: 'CANCELLED', isManual: false });

      // A virtual account asks through payInstantly; the receipt comes with the deposit (the console's
      // 테스트 입금웹훅통지, through the sandbox API: not recorded, PortOne has no such operation).
      const va = id('va-receipt');
      await sdk().payInstantly({
        paymentId: va,
        channelKey: t.channelKey('INICIS_V2'),
        orderName: '가상계좌',
        amount: { total: 20_000 },
        currency: 'KRW',
        method: { virtualAccount: { bank: 'SHINHAN', expiry: { validHours: 24 }, option: { type: 'NORMAL' }, cashReceipt: { type: 'CORPORATE', customerIdentityNumber: '1234567890' } } },
      });
      const notified = await fetch(`${t.baseUrl}/sandbox/payments/${encodeURIComponent(va)}/virtual-account/test-deposit-notification`, { method: 'POST', headers: { authorization: `PortOne ${t.apiSecret}` } });
      expect(notified.status).toBe(200);
      expect(await cashReceiptOf(va)).toMatchObject({ status: 'ISSUED', type: 'CORPORATE' });
      expect(await receipts().getCashReceiptByPaymentId({ paymentId: va })).toMatchObject({ status: 'ISSUED', isManual: false });
      const listed = await receipts().getCashReceipts({ page: { number: 0, size: 10 }, filter: { isManual: false } });
      expect(listed.items.map((r) => (r as { paymentId: string }).paymentId)).toEqual(expect.arrayContaining([transfer, va]));
      await sdk().getPayments({ filter: { storeId: t.storeId }, page: { number: 0, size: 10 } });
      const until = new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();
      const events = (await sdk().getAllPaymentEventsByCursor({ from, until, size: 1000 })).items.map((i) => i.paymentEvent as { paymentId: string; cashReceipt?: { status: string } });
      expect(events.filter((e) => e.paymentId === transfer).map((e) => e.cashReceipt?.status)).toEqual(['ISSUED', 'ISSUED', 'CANCELLED']);
    });
  });
}
