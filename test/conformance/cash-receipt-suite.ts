/**
 * Conformance of the cash receipt (현금영수증) operations, driven through the official SDK's
 * `cashReceipt` client; every answer validated by the suite's recorder against PortOne's OAS
 * (unknown properties rejected). Runs inside defineConformanceSuite, on its target.
 */
import { describe, expect, it } from 'vitest';
import type { BillingConformanceContext as ConformanceContext } from './billing-suite.ts';
import { card, cardMethod } from '../support/cards.ts';

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
  });
}
