/**
 * Conformance of what follows a payment's authentication or approval: manual confirm
 * (confirmPayment). Driven through the official SDK; every answer validated by the suite's
 * recorder against PortOne's OAS. Runs inside defineConformanceSuite, on its target.
 */
import { describe, expect, it } from 'vitest';
import type { BillingConformanceContext as ConformanceContext } from './billing-suite.ts';
import { manualConfirmChannel } from '../support/billing-window.ts';
import { card } from '../support/cards.ts';
import { payInWindow } from '../support/payment-window.ts';

export function definePaymentProcessConformance({ target, sdk, id, swallow }: ConformanceContext): void {
  describe('confirmPayment (manual confirm)', () => {
    it('200 with the window token; 409 ALREADY_PAID, 409 INFORMATION_MISMATCH, 400 INVALID_PAYMENT_TOKEN, 404 PAYMENT_NOT_FOUND, 502 PG_PROVIDER', async () => {
      const t = target();
      const channelKey = await manualConfirmChannel(t.baseUrl, t.apiSecret, 'INICIS_V2');
      const authenticate = (paymentId: string, company: string) =>
        payInWindow(t.baseUrl, { storeId: t.storeId, channelKey, paymentId, orderName: '수동 승인', totalAmount: 8_000 }, card(company).number);

      const paymentId = id('confirm');
      const answer = await authenticate(paymentId, 'SHINHAN_CARD');
      expect(answer).toMatchObject({ paymentId, paymentToken: expect.any(String) });
      expect(answer.code).toBeUndefined();
      expect(((await sdk().getPayment({ paymentId })) as { status: string }).status).toBe('READY');
      expect(await swallow(sdk().confirmPayment({ paymentId, paymentToken: 'not-the-token' }))).toBe('INVALID_PAYMENT_TOKEN');
      expect(await swallow(sdk().confirmPayment({ paymentId, paymentToken: answer.paymentToken!, totalAmount: 1 }))).toBe('INFORMATION_MISMATCH');
      const confirmed = await sdk().confirmPayment({ paymentId, paymentToken: answer.paymentToken!, txId: answer.txId, currency: 'KRW', totalAmount: 8_000, isTest: true });
      expect(confirmed.pgTxId).toBeTruthy();
      expect(((await sdk().getPayment({ paymentId })) as { status: string }).status).toBe('PAID');
      expect(await swallow(sdk().confirmPayment({ paymentId, paymentToken: answer.paymentToken! }))).toBe('ALREADY_PAID');
      expect(await swallow(sdk().confirmPayment({ paymentId: id('none'), paymentToken: answer.paymentToken! }))).toBe('PAYMENT_NOT_FOUND');

      const refused = id('confirm-kb');
      const kb = await authenticate(refused, 'KOOKMIN_CARD');
      expect(await swallow(sdk().confirmPayment({ paymentId: refused, paymentToken: kb.paymentToken! }))).toBe('PG_PROVIDER');
    });
  });
}
