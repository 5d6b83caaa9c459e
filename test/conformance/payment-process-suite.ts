/**
 * Conformance of what follows a payment's authentication or approval: manual confirm
 * (confirmPayment), the confirm process (컨펌 프로세스), manual capture (capturePayment) and escrow. Driven through the official SDK; every answer validated by the suite's
 * recorder against PortOne's OAS. Runs inside defineConformanceSuite, on its target.
 */
import { describe, expect, it } from 'vitest';
import type { BillingConformanceContext as ConformanceContext } from './billing-suite.ts';
import { manualConfirmChannel, sandboxChannel } from '../support/billing-window.ts';
import { card, cardMethod } from '../support/cards.ts';
import { payInWindow } from '../support/payment-window.ts';
import { sandboxAdmin } from '../support/admin.ts';

export function definePaymentProcessConformance({ target, sdk, id, swallow }: ConformanceContext): void {
  /** The sandbox's own API (not recorded: PortOne has no operation for the buyer's side). */
  const sandbox = async (path: string, body: unknown) => {
    const res = await fetch(`${target().baseUrl}/sandbox/${path}`, { method: 'POST', headers: { authorization: `PortOne ${target().apiSecret}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
  };
  const payCardOn = (paymentId: string) =>
    sdk().payInstantly({ paymentId, channelKey: target().channelKey('KCP_V2'), orderName: '일반 결제', amount: { total: 5_000 }, currency: 'KRW', method: cardMethod(card('SHINHAN_CARD')) });

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

  describe('the confirm process (컨펌 프로세스)', () => {
    it('getPayment of a payment the confirm process stopped: FAILED with failure.reason and no PG code (no answer from the confirm URL)', async () => {
      const t = target();
      const admin = sandboxAdmin(t.baseUrl, t.apiSecret);
      // A confirm host that never resolves (.invalid): no answer, on a laptop and on a deployment alike.
      await admin.put('/sandbox/webhook/notice-url-hosts', { hosts: ['confirm.invalid'] });
      await admin.put('/sandbox/webhook/confirm-process', { enabled: true });
      try {
        const paymentId = id('confirm-process');
        const request = { storeId: t.storeId, channelKey: t.channelKey('KCP_V2'), paymentId, orderName: '컨펌', totalAmount: 7_000, confirmUrl: 'https://confirm.invalid/confirm' };
        const answer = await payInWindow(t.baseUrl, request, card('SHINHAN_CARD').number);
        expect(answer.code).toBe('ConfirmProcessFailed');
        expect(await sdk().getPayment({ paymentId })).toMatchObject({ status: 'FAILED', failure: { reason: expect.any(String) } });
      } finally {
        await admin.put('/sandbox/webhook/confirm-process', { enabled: false });
        await admin.put('/sandbox/webhook/notice-url-hosts', { hosts: [] });
      }
    });
  });

  describe('capturePayment (manual capture)', () => {
    it('200 {} on a manual-capture channel; 502 PG_PROVIDER twice or without manual capture; 409 PAYMENT_NOT_PAID; 404 PAYMENT_NOT_FOUND', async () => {
      const t = target();
      const channelKey = await sandboxChannel(t.baseUrl, t.apiSecret, { pgProvider: 'KCP_V2', manualCapture: true });
      const pay = (paymentId: string, key = channelKey) =>
        sdk().payInstantly({ paymentId, channelKey: key, orderName: '수동 매입', amount: { total: 6_000 }, currency: 'KRW', method: cardMethod(card('SHINHAN_CARD')) });
      const paymentId = id('capture');
      await pay(paymentId);
      expect(await sdk().capturePayment({ paymentId })).toEqual({});
      expect(await swallow(sdk().capturePayment({ paymentId }))).toBe('PG_PROVIDER');
      const auto = id('capture-auto');
      await pay(auto, t.channelKey('KCP_V2'));
      expect(await swallow(sdk().capturePayment({ paymentId: auto }))).toBe('PG_PROVIDER');
      const ready = id('capture-ready');
      await sdk().preRegisterPayment({ paymentId: ready, totalAmount: 1_000 });
      expect(await swallow(sdk().capturePayment({ paymentId: ready }))).toBe('PAYMENT_NOT_PAID');
      expect(await swallow(sdk().capturePayment({ paymentId: id('none') }))).toBe('PAYMENT_NOT_FOUND');
    });
  });

  describe('escrow', () => {
    it('apply 200, modify 200, confirm 200 with the payment escrow REGISTERED → CONFIRMED; 400 INVALID_REQUEST, 409 PAYMENT_NOT_PAID, 404, 502 PG_PROVIDER', async () => {
      const logistics = { company: 'CJ' as const, invoiceNumber: '1234-5678', sentAt: '2026-03-02T06:00:00Z' };
      const paymentId = id('escrow');
      await sdk().payInstantly({ paymentId, channelKey: target().channelKey('KCP_V2'), orderName: '에스크로', amount: { total: 30_000 }, currency: 'KRW', isEscrow: true, method: cardMethod(card('SHINHAN_CARD')) });
      expect(((await sdk().getPayment({ paymentId })) as { escrow?: unknown }).escrow).toEqual({ status: 'BEFORE_REGISTERED' });
      expect(await swallow(sdk().confirmEscrow({ paymentId }))).toBe('PG_PROVIDER');
      const applied = await sdk().applyEscrowLogistics({ paymentId, logistics, receiver: { name: '홍길동', address: { addressLine1: '서울시', addressLine2: '1동' } }, products: [{ id: 'p1', name: '상품', amount: 30_000, quantity: 1 }] });
      expect(applied.invoiceNumber).toBe('1234-5678');
      expect(((await sdk().getPayment({ paymentId })) as { escrow?: { status: string } }).escrow?.status).toBe('REGISTERED');
      expect((await sdk().modifyEscrowLogistics({ paymentId, logistics: { ...logistics, invoiceNumber: '9999' } })).invoiceNumber).toBe('9999');
      expect((await sdk().confirmEscrow({ paymentId, fromStore: true })).completedAt).toBeTruthy();
      expect(((await sdk().getPayment({ paymentId })) as { escrow?: { status: string } }).escrow?.status).toBe('CONFIRMED');

      const plain = id('escrow-plain');
      await payCardOn(plain);
      expect(await swallow(sdk().applyEscrowLogistics({ paymentId: plain, logistics }))).toBe('INVALID_REQUEST');
      const ready = id('escrow-ready');
      await sdk().preRegisterPayment({ paymentId: ready, totalAmount: 1_000 });
      expect(await swallow(sdk().modifyEscrowLogistics({ paymentId: ready, logistics }))).toBe('PAYMENT_NOT_PAID');
      expect(await swallow(sdk().confirmEscrow({ paymentId: id('none') }))).toBe('PAYMENT_NOT_FOUND');
    });

    it("the buyer's 구매 거절 (sandbox API): getPayment and getPayments 200 with escrow REJECTED, then REJECT_CONFIRMED; confirmEscrow 502 PG_PROVIDER after it; cancelled: CANCELLED", async () => {
      const paymentId = id('escrow-reject');
      await sdk().payInstantly({ paymentId, channelKey: target().channelKey('KCP_V2'), orderName: '에스크로 거절', amount: { total: 30_000 }, currency: 'KRW', isEscrow: true, method: cardMethod(card('SHINHAN_CARD')) });
      await sdk().applyEscrowLogistics({ paymentId, logistics: { company: 'CJ', invoiceNumber: '1234-5678', sentAt: '2026-03-02T06:00:00Z' } });
      const escrowOf = async () => ((await sdk().getPayment({ paymentId })) as { escrow?: { status: string } }).escrow;
      await sandbox(`payments/${encodeURIComponent(paymentId)}/escrow/buyer-decision`, { decision: 'REJECT' });
      expect(await escrowOf()).toEqual({ status: 'REJECTED', company: 'CJ', invoiceNumber: '1234-5678', sentAt: '2026-03-02T06:00:00.000Z', appliedAt: expect.any(String) });
      expect(await swallow(sdk().confirmEscrow({ paymentId }))).toBe('PG_PROVIDER');
      await sandbox(`payments/${encodeURIComponent(paymentId)}/escrow/rejection/confirm`, {});
      expect((await escrowOf())?.status).toBe('REJECT_CONFIRMED');
      await sdk().getPayments({ filter: { storeId: target().storeId }, page: { number: 0, size: 5 } });
      await sdk().cancelPayment({ paymentId, reason: '구매 거절 환불' });
      expect((await escrowOf())?.status).toBe('CANCELLED');
    });
  });
}
