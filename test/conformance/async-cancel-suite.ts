/**
 * Conformance of asynchronous cancels and stopPaymentCancellation through the official SDK: the
 * REQUESTED cancellation cancelPayment answers, FAILED and SUCCEEDED ones in getPayment, the stop
 * answer and its errors, each validated against PortOne's OAS by the suite's recorder. A fault rule
 * (sandbox API, not recorded) makes cancels of this suite's payments pending.
 */
import { describe, expect, it } from 'vitest';
import type { BillingConformanceContext as ConformanceContext } from './billing-suite.ts';
import { card, cardMethod } from '../support/cards.ts';

export function defineAsyncCancelConformance({ target, sdk, id, swallow }: ConformanceContext): void {
  const sandbox = (method: string, path: string, body?: object) =>
    fetch(`${target().baseUrl}/sandbox/${path}`, { method, headers: { authorization: `PortOne ${target().apiSecret}`, 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  // KCP's test channel has no batch void, so moving the store clock never crosses one (time of day).
  const pay = (paymentId: string) =>
    sdk().payInstantly({ paymentId, channelKey: target().channelKey('KCP_V2'), orderName: '비동기 취소', amount: { total: 10_000 }, currency: 'KRW', method: cardMethod(card('SHINHAN_CARD')) });

  describe('asynchronous cancel and stopPaymentCancellation', () => {
    it('cancel 200 REQUESTED; 502 while pending; stop 200, 409 PAYMENT_CANCELLATION_NOT_PENDING, 404 PAYMENT_CANCELLATION_NOT_FOUND / PAYMENT_NOT_FOUND; FAILED, SUCCEEDED and REQUESTED cancellations in getPayment', async () => {
      const rules = [{ id: 'conf-later', operation: 'cancel', paymentIdPrefix: 'conf-async', effect: { kind: 'async-cancel', delaySeconds: 600, outcome: 'SUCCEEDED' } }];
      expect((await sandbox('PUT', 'faults', { rules })).status).toBe(200);
      try {
        const paymentId = id('async');
        await pay(paymentId);
        const first = await sdk().cancelPayment({ paymentId, amount: 4_000, reason: '중단할 취소' });
        expect(first.cancellation).toMatchObject({ status: 'REQUESTED', totalAmount: 4_000 });
        const firstId = (first.cancellation as { id: string }).id;
        expect(await swallow(sdk().cancelPayment({ paymentId, amount: 1_000, reason: '또' }))).toBe('PG_PROVIDER');
        expect(await sdk().stopPaymentCancellation({ paymentId, cancellationId: firstId })).toMatchObject({ stoppedAt: expect.any(String) });
        expect(await swallow(sdk().stopPaymentCancellation({ paymentId, cancellationId: firstId }))).toBe('PAYMENT_CANCELLATION_NOT_PENDING');
        expect(await swallow(sdk().stopPaymentCancellation({ paymentId, cancellationId: 'nope' }))).toBe('PAYMENT_CANCELLATION_NOT_FOUND');
        expect(await swallow(sdk().stopPaymentCancellation({ paymentId: id('none'), cancellationId: 'nope' }))).toBe('PAYMENT_NOT_FOUND');

        await sdk().cancelPayment({ paymentId, amount: 4_000, reason: '비동기 취소' });
        expect((await sandbox('POST', 'clock', { by: 'PT10M' })).status).toBe(200);
        await sdk().cancelPayment({ paymentId, amount: 1_000, reason: '대기 중' });
        // One getPayment shows all three states: stopped (FAILED), answered (SUCCEEDED), pending (REQUESTED).
        const payment = (await sdk().getPayment({ paymentId })) as { status: string; cancellations?: { status: string; totalAmount: number }[] };
        expect(payment.status).toBe('PARTIAL_CANCELLED');
        expect(payment.cancellations?.map((c) => [c.status, c.totalAmount])).toEqual([['FAILED', 4_000], ['SUCCEEDED', 4_000], ['REQUESTED', 1_000]]);
      } finally {
        await sandbox('PUT', 'faults', { rules: [] });
      }
    });
  });
}
