/**
 * Conformance of the billing-key and payment-schedule operations: driven through the official SDK's
 * `billingKey` and `paymentSchedule` clients, every answer validated by the suite's recorder against
 * PortOne's OAS (unknown properties rejected). Runs inside defineConformanceSuite, on its target.
 */
import { describe, expect, it } from 'vitest';
import type { PaymentClient } from '@portone/server-sdk';
import type { ConformanceTarget } from './target.ts';
import { card, cardMethod } from '../support/cards.ts';
import { issueInWindow, manualConfirmChannel, openBillingWindow, submitBillingWindow } from '../support/billing-window.ts';

export interface BillingConformanceContext {
  target: () => ConformanceTarget;
  sdk: () => ReturnType<typeof PaymentClient>;
  id: (tag: string) => string;
  swallow: (p: Promise<unknown>) => Promise<string>;
}

export function defineBillingConformance({ target, sdk, id, swallow }: BillingConformanceContext): void {
  const issue = (pg = 'KCP_V2', issuer = 'SHINHAN_CARD') =>
    sdk().billingKey.issueBillingKey({ channelKey: target().channelKey(pg), method: cardMethod(card(issuer)), customer: { id: 'customer-1' }, customData: 'conformance' });
  const payment = (billingKey: string) => ({ billingKey, orderName: '정기결제', amount: { total: 9_900 }, currency: 'KRW' as const });

  describe('billing keys', () => {
    it('issue 200, 404 CHANNEL_NOT_FOUND, 400 INVALID_REQUEST, 502 PG_PROVIDER; get 200 (ISSUED, DELETED) and 404; list 200; delete 200, 409, 404', async () => {
      const { billingKeyInfo } = await issue();
      expect(billingKeyInfo.channels?.[0]?.pgMerchantId).toBe('A52LD');
      expect(await swallow(sdk().billingKey.issueBillingKey({ channelKey: 'missing', method: cardMethod(card('SHINHAN_CARD')) }))).toBe('CHANNEL_NOT_FOUND');
      expect(
        await swallow(sdk().billingKey.issueBillingKey({ channelKey: target().channelKey('KCP_V2'), method: { card: { credential: { number: '12', expiryYear: '30', expiryMonth: '12' } } } })),
      ).toBe('INVALID_REQUEST');
      // DAOU publishes no billing test MID: its test channel issues no keys.
      expect(await swallow(issue('DAOU'))).toBe('PG_PROVIDER');

      const info = await sdk().billingKey.getBillingKeyInfo({ billingKey: billingKeyInfo.billingKey });
      expect(info).toMatchObject({ status: 'ISSUED', customData: 'conformance' });
      expect(await swallow(sdk().billingKey.getBillingKeyInfo({ billingKey: 'billing-key-missing' }))).toBe('BILLING_KEY_NOT_FOUND');
      const list = await sdk().billingKey.getBillingKeyInfos({ page: { size: 5 }, sort: { by: 'ISSUED_AT', order: 'DESC' }, filter: { status: ['ISSUED'], customerId: 'customer-1' } });
      expect(list.items.map((k) => (k as { billingKey: string }).billingKey)).toContain(billingKeyInfo.billingKey);

      await sdk().billingKey.deleteBillingKey({ billingKey: billingKeyInfo.billingKey, reason: '해지' });
      expect(await sdk().billingKey.getBillingKeyInfo({ billingKey: billingKeyInfo.billingKey })).toMatchObject({ status: 'DELETED' });
      expect(await swallow(sdk().billingKey.deleteBillingKey({ billingKey: billingKeyInfo.billingKey }))).toBe('BILLING_KEY_ALREADY_DELETED');
      expect(await swallow(sdk().billingKey.deleteBillingKey({ billingKey: 'billing-key-missing' }))).toBe('BILLING_KEY_NOT_FOUND');
    });
  });

  describe('payWithBillingKey', () => {
    it('200, 409 ALREADY_PAID, 404 BILLING_KEY_NOT_FOUND / CHANNEL_NOT_FOUND, 409 BILLING_KEY_ALREADY_DELETED, 502 PG_PROVIDER, 400', async () => {
      const key = (await issue()).billingKeyInfo.billingKey;
      const paid = id('bk-pay');
      const result = await sdk().payWithBillingKey({ paymentId: paid, ...payment(key) });
      expect(result.payment.pgTxId).toBeTruthy();
      expect(await sdk().getPayment({ paymentId: paid })).toMatchObject({ status: 'PAID', billingKey: key });
      expect(await swallow(sdk().payWithBillingKey({ paymentId: paid, ...payment(key) }))).toBe('ALREADY_PAID');
      expect(await swallow(sdk().payWithBillingKey({ paymentId: id('bk-nokey'), ...payment('billing-key-missing') }))).toBe('BILLING_KEY_NOT_FOUND');
      expect(await swallow(sdk().payWithBillingKey({ paymentId: id('bk-nochan'), ...payment(key), channelKey: 'missing' }))).toBe('CHANNEL_NOT_FOUND');
      expect(await swallow(sdk().payWithBillingKey({ paymentId: id('bk-bad'), ...payment(key), amount: { total: 0 } }))).toBe('INVALID_REQUEST');
      // 비인증 payment with a KB국민카드 at INICIS: the PG refuses it.
      const kb = (await issue('INICIS_V2', 'KOOKMIN_CARD')).billingKeyInfo.billingKey;
      expect(await swallow(sdk().payWithBillingKey({ paymentId: id('bk-kb'), ...payment(kb) }))).toBe('PG_PROVIDER');
      await sdk().billingKey.deleteBillingKey({ billingKey: kb });
      expect(await swallow(sdk().payWithBillingKey({ paymentId: id('bk-deleted'), ...payment(kb) }))).toBe('BILLING_KEY_ALREADY_DELETED');
    });
  });

  describe('payment schedules', () => {
    it('create 200 / 409 PAYMENT_SCHEDULE_ALREADY_EXISTS / 409 ALREADY_PAID_OR_WAITING / 404 / 409 deleted key; get 200 / 404; list 200; revoke 200 / 409 / 404; delete a scheduled key 409', async () => {
      const key = (await issue()).billingKeyInfo.billingKey;
      const timeToPay = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
      const first = id('sched');
      const { schedule } = await sdk().paymentSchedule.createPaymentSchedule({ paymentId: first, payment: payment(key), timeToPay });
      expect(await swallow(sdk().paymentSchedule.createPaymentSchedule({ paymentId: first, payment: payment(key), timeToPay }))).toBe('PAYMENT_SCHEDULE_ALREADY_EXISTS');
      // The paymentId belongs to the schedule until it runs or is revoked.
      expect(await swallow(sdk().payWithBillingKey({ paymentId: first, ...payment(key) }))).toBe('PAYMENT_SCHEDULE_ALREADY_EXISTS');
      const paid = id('sched-paid');
      await sdk().payWithBillingKey({ paymentId: paid, ...payment(key) });
      expect(await swallow(sdk().paymentSchedule.createPaymentSchedule({ paymentId: paid, payment: payment(key), timeToPay }))).toBe('ALREADY_PAID_OR_WAITING');
      expect(await swallow(sdk().paymentSchedule.createPaymentSchedule({ paymentId: id('s'), payment: payment('billing-key-missing'), timeToPay }))).toBe('BILLING_KEY_NOT_FOUND');
      expect(await swallow(sdk().paymentSchedule.createPaymentSchedule({ paymentId: id('s'), payment: { ...payment(key), amount: { total: 100, taxFree: 90, vat: 20 } }, timeToPay }))).toBe(
        'SUM_OF_PARTS_EXCEEDS_TOTAL_AMOUNT',
      );

      expect(await sdk().paymentSchedule.getPaymentSchedule({ paymentScheduleId: schedule.id })).toMatchObject({ status: 'SCHEDULED', paymentId: first, billingKey: key });
      expect(await swallow(sdk().paymentSchedule.getPaymentSchedule({ paymentScheduleId: 'missing' }))).toBe('PAYMENT_SCHEDULE_NOT_FOUND');
      const list = await sdk().paymentSchedule.getPaymentSchedules({ filter: { billingKey: key, status: ['SCHEDULED'] }, sort: { by: 'TIME_TO_PAY', order: 'ASC' } });
      expect(list.items.map((s) => (s as { id: string }).id)).toEqual([schedule.id]);

      // Inferred from PortOne's OAS error list: a key with scheduled payments is not deleted.
      expect(await swallow(sdk().billingKey.deleteBillingKey({ billingKey: key }))).toBe('PAYMENT_SCHEDULE_ALREADY_EXISTS');
      const revoked = await sdk().paymentSchedule.revokePaymentSchedules({ billingKey: key });
      expect(revoked.revokedScheduleIds).toEqual([schedule.id]);
      expect(await swallow(sdk().paymentSchedule.revokePaymentSchedules({ scheduleIds: [schedule.id] }))).toBe('PAYMENT_SCHEDULE_ALREADY_REVOKED');
      expect(await swallow(sdk().paymentSchedule.revokePaymentSchedules({ scheduleIds: ['missing'] }))).toBe('PAYMENT_SCHEDULE_NOT_FOUND');
      expect(await swallow(sdk().paymentSchedule.revokePaymentSchedules({ billingKey: 'billing-key-missing' }))).toBe('BILLING_KEY_NOT_FOUND');
      expect(await sdk().paymentSchedule.getPaymentSchedule({ paymentScheduleId: schedule.id })).toMatchObject({ status: 'REVOKED' });
      await sdk().billingKey.deleteBillingKey({ billingKey: key });
      expect(await swallow(sdk().paymentSchedule.createPaymentSchedule({ paymentId: id('s'), payment: payment(key), timeToPay }))).toBe('BILLING_KEY_ALREADY_DELETED');
      expect(await swallow(sdk().paymentSchedule.revokePaymentSchedules({ billingKey: key }))).toBe('BILLING_KEY_ALREADY_DELETED');
    });
  });

  describe('manual confirm (수동 승인) of a key issued in the browser', () => {
    it('confirmBillingKey 200 / 409 BILLING_KEY_ALREADY_ISSUED / 409 INFORMATION_MISMATCH / 404 / 400 / 502 PG_PROVIDER; the pending key is 404 for get and BILLING_KEY_NOT_ISSUED for delete', async () => {
      const t = target();
      const kcp = await manualConfirmChannel(t.baseUrl, t.apiSecret, 'KCP_V2');
      const request = { storeId: t.storeId, channelKey: kcp, billingKeyMethod: 'CARD', customer: { customerId: 'confirm-1' } };
      const opened = await openBillingWindow(t.baseUrl, request);
      const answer = await submitBillingWindow(t.baseUrl, opened.token, card('SHINHAN_CARD').number);
      expect(answer).toMatchObject({ transactionType: 'ISSUE_BILLING_KEY', billingKey: 'NEEDS_CONFIRMATION' });
      const token = answer.billingIssueToken!;
      expect(await swallow(sdk().billingKey.getBillingKeyInfo({ billingKey: opened.billingKey }))).toBe('BILLING_KEY_NOT_FOUND');
      expect(await swallow(sdk().billingKey.deleteBillingKey({ billingKey: opened.billingKey }))).toBe('BILLING_KEY_NOT_ISSUED');
      expect(await swallow(sdk().billingKey.confirmBillingKey({ billingIssueToken: token, isTest: false }))).toBe('INFORMATION_MISMATCH');
      expect(await swallow(sdk().billingKey.confirmBillingKey({ billingIssueToken: 'billing-issue-token.billing-key-missing' }))).toBe('BILLING_KEY_NOT_FOUND');
      expect(await swallow(sdk().billingKey.confirmBillingKey({ billingIssueToken: 'not-a-token' }))).toBe('INVALID_REQUEST');

      const confirmed = await sdk().billingKey.confirmBillingKey({ billingIssueToken: token, isTest: true });
      expect(confirmed.billingKey).toBe(opened.billingKey);
      expect(await sdk().billingKey.getBillingKeyInfo({ billingKey: confirmed.billingKey })).toMatchObject({ status: 'ISSUED', channels: [{ pgMerchantId: 'A52LD' }] });
      expect(await swallow(sdk().billingKey.confirmBillingKey({ billingIssueToken: token }))).toBe('BILLING_KEY_ALREADY_ISSUED');

      // DAOU's test channel issues no keys: the PG refuses at confirm time.
      const daou = await manualConfirmChannel(t.baseUrl, t.apiSecret, 'DAOU');
      const refused = await issueInWindow(t.baseUrl, { ...request, channelKey: daou }, card('SHINHAN_CARD').number);
      expect(await swallow(sdk().billingKey.confirmBillingKey({ billingIssueToken: refused.billingIssueToken! }))).toBe('PG_PROVIDER');
      expect(await swallow(sdk().billingKey.confirmBillingKey({ billingIssueToken: refused.billingIssueToken! }))).toBe('PG_PROVIDER');
    });

    it('confirmBillingKeyIssueAndPay 200 (the key issued and the first payment PAID) / 409 INFORMATION_MISMATCH / 409 BILLING_KEY_ALREADY_ISSUED / 400 for the other kind of token', async () => {
      const t = target();
      const kcp = await manualConfirmChannel(t.baseUrl, t.apiSecret, 'KCP_V2');
      const paymentId = id('confirm-pay');
      const request = { storeId: t.storeId, channelKey: kcp, paymentId, orderName: '첫 달', totalAmount: 9_900, currency: 'KRW', billingKeyAndPayMethod: 'CARD' };
      const answer = await issueInWindow(t.baseUrl, request, card('SHINHAN_CARD').number, 'ISSUE_BILLING_KEY_AND_PAY');
      expect(answer).toMatchObject({ transactionType: 'ISSUE_BILLING_KEY_AND_PAY', billingKey: 'NEEDS_CONFIRMATION', txId: 'NEEDS_CONFIRMATION', paymentId });
      const token = answer.billingIssueToken!;
      expect(await swallow(sdk().getPayment({ paymentId }))).toBe('PAYMENT_NOT_FOUND');
      expect(await swallow(sdk().billingKey.confirmBillingKey({ billingIssueToken: token }))).toBe('INVALID_REQUEST');
      expect(await swallow(sdk().billingKey.confirmBillingKeyIssueAndPay({ billingIssueToken: token, totalAmount: 100 }))).toBe('INFORMATION_MISMATCH');
      expect(await swallow(sdk().billingKey.confirmBillingKeyIssueAndPay({ billingIssueToken: token, paymentId: 'other' }))).toBe('INFORMATION_MISMATCH');
      const confirmed = await sdk().billingKey.confirmBillingKeyIssueAndPay({ billingIssueToken: token, paymentId, currency: 'KRW', totalAmount: 9_900, taxFreeAmount: 0 });
      expect(confirmed.paymentId).toBe(paymentId);
      expect(await sdk().getPayment({ paymentId })).toMatchObject({ status: 'PAID', billingKey: confirmed.billingKey });
      expect(await swallow(sdk().billingKey.confirmBillingKeyIssueAndPay({ billingIssueToken: token }))).toBe('BILLING_KEY_ALREADY_ISSUED');
    });
  });
}
