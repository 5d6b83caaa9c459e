import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { BillingKeyRecord } from '../../functions/domain/billing-key.ts';
import { ConcurrentModificationError } from '../../functions/domain/errors.ts';
import type { PaymentScheduleRecord } from '../../functions/domain/payment-schedule.ts';
import type { TimerRecord } from '../../functions/domain/timer.ts';
import type { Repository } from '../../functions/ports/repository.ts';

/**
 * The billing part of the Repository contract (ports/billing-repository.ts), run on the in-memory
 * double and on DynamoDB Local by the same two files as repository.contract.ts.
 */
export function billingRepositoryContract(name: string, repository: () => Repository) {
  describe(`Billing repository contract: ${name}`, () => {
    const repo = () => repository();

    it('creates a billing key once, replaces it only over the version it read, and lists keys by request time', async () => {
      const storeId = `store-${randomUUID()}`;
      const a = billingKey(storeId, 'bk-a', '2026-01-01T00:00:00.000Z');
      const b = billingKey(storeId, 'bk-b', '2026-01-02T00:00:00.000Z');
      await repo().commitBillingKey(a, null);
      await repo().commitBillingKey(b, null);
      expect(a.version).toBe(1);
      await expect(repo().commitBillingKey({ ...a }, null)).rejects.toBeInstanceOf(ConcurrentModificationError);
      const deleted = { ...a, status: 'DELETED' as const, deletedAt: T0 };
      await repo().commitBillingKey(deleted, 1);
      const lost = await repo().commitBillingKey({ ...a, customData: 'stale' }, 1).catch((e: unknown) => e);
      expect(lost).toBeInstanceOf(ConcurrentModificationError);
      expect((lost as ConcurrentModificationError).current).toMatchObject({ status: 'DELETED', version: 2 });
      expect((await repo().getBillingKey(storeId, 'bk-a'))?.status).toBe('DELETED');
      const newest = await repo().queryBillingKeys(storeId, { descending: true, limit: 1 });
      expect(newest.items.map((k) => k.billingKey)).toEqual(['bk-b']);
      const rest = await repo().queryBillingKeys(storeId, { descending: true, limit: 5, after: newest.next });
      expect(rest.items.map((k) => k.billingKey)).toEqual(['bk-a']);
    });

    it('creates a schedule with its timer only on an ISSUED key at the version read, one per paymentId', async () => {
      const storeId = `store-${randomUUID()}`;
      const key = billingKey(storeId, 'bk', T0);
      await repo().commitBillingKey(key, null);
      const first = schedule(storeId, 'bk', 'pay-1', '2026-02-01T00:00:00.000Z');
      expect(await repo().createSchedule(first, timerOf(first), 1)).toBe('CREATED');
      expect(await repo().getTimer(storeId, first.timerId)).toMatchObject({ state: 'PENDING', kind: 'payment-schedule' });
      // The key moved on with the schedule: a writer holding version 1 loses.
      const again = schedule(storeId, 'bk', 'pay-2', '2026-03-01T00:00:00.000Z');
      expect(await repo().createSchedule(again, timerOf(again), 1)).toBe('BILLING_KEY_CHANGED');
      expect(await repo().getPaymentSchedule(storeId, again.scheduleId)).toBeUndefined();
      expect(await repo().getTimer(storeId, again.timerId)).toBeUndefined();
      const samePayment = schedule(storeId, 'bk', 'pay-1', '2026-04-01T00:00:00.000Z');
      expect(await repo().createSchedule(samePayment, timerOf(samePayment), 2)).toBe('PAYMENT_ALREADY_SCHEDULED');
      expect(await repo().createSchedule(again, timerOf(again), 2)).toBe('CREATED');
      await repo().commitBillingKey({ ...key, status: 'DELETED' }, 3);
      const late = schedule(storeId, 'bk', 'pay-3', '2026-05-01T00:00:00.000Z');
      expect(await repo().createSchedule(late, timerOf(late), 4)).toBe('BILLING_KEY_CHANGED');
      expect((await repo().listBillingKeySchedules(storeId, 'bk')).map((s) => s.paymentId)).toEqual(['pay-1', 'pay-2']);
      expect((await repo().querySchedules(storeId, { descending: false, limit: 10 })).items.map((s) => s.paymentId)).toEqual(['pay-1', 'pay-2']);
    });

    it('changes schedules all or nothing, settling timers and freeing the paymentId in the same write', async () => {
      const storeId = `store-${randomUUID()}`;
      await repo().commitBillingKey(billingKey(storeId, 'bk', T0), null);
      const one = schedule(storeId, 'bk', 'pay-1', '2026-02-01T00:00:00.000Z');
      const two = schedule(storeId, 'bk', 'pay-2', '2026-03-01T00:00:00.000Z');
      await repo().createSchedule(one, timerOf(one), 1);
      await repo().createSchedule(two, timerOf(two), 2);
      const revoke = (s: PaymentScheduleRecord, expectedVersion: number) => ({
        schedule: { ...s, status: 'REVOKED' as const, revokedAt: T0 },
        expectedVersion,
        settleTimer: { timerId: s.timerId, state: 'CANCELLED' as const, at: T0 },
        releasePaymentId: true,
      });
      // The second change names a stale version: nothing of the first applies either.
      expect(await repo().saveSchedules(storeId, [revoke(one, 1), revoke(two, 7)])).toBe(false);
      expect((await repo().getPaymentSchedule(storeId, one.scheduleId))?.status).toBe('SCHEDULED');
      expect((await repo().getTimer(storeId, one.timerId))?.state).toBe('PENDING');
      expect(await repo().getPaymentScheduleId(storeId, 'pay-2')).toBe(two.scheduleId);
      expect(await repo().saveSchedules(storeId, [revoke(one, 1), revoke(two, 1)])).toBe(true);
      expect(await repo().getPaymentScheduleId(storeId, 'pay-2')).toBeUndefined();
      expect(await repo().getPaymentSchedule(storeId, two.scheduleId)).toMatchObject({ status: 'REVOKED', version: 2 });
      expect((await repo().getTimer(storeId, two.timerId))?.state).toBe('CANCELLED');
      // Revoked, the paymentId can be scheduled again.
      const redo = schedule(storeId, 'bk', 'pay-1', '2026-06-01T00:00:00.000Z');
      expect(await repo().createSchedule(redo, timerOf(redo), 3)).toBe('CREATED');
    });
  });
}

const T0 = '2026-01-01T00:00:00.000Z';

function billingKey(storeId: string, id: string, requestedAt: string): BillingKeyRecord {
  return {
    storeId,
    merchantId: 'merchant-contract',
    billingKey: id,
    status: 'ISSUED',
    channel: { type: 'TEST', id: 'ch', key: 'ch', name: 'ch', pgProvider: 'KCP_V2', pgMerchantId: 'A52LD' },
    card: {},
    cardNumber: '4092021000000006',
    cardExpiry: { year: '30', month: '12' },
    customer: {},
    platformType: 'API',
    methodKind: 'CARD',
    pgTxId: 'pg',
    requestedAt,
    issuedAt: requestedAt,
    version: 0,
  };
}

function schedule(storeId: string, key: string, paymentId: string, timeToPay: string): PaymentScheduleRecord {
  const scheduleId = `sched-${randomUUID()}`;
  return {
    storeId,
    merchantId: 'merchant-contract',
    scheduleId,
    paymentId,
    billingKey: key,
    status: 'SCHEDULED',
    orderName: 'contract',
    totalAmount: 1000,
    currency: 'KRW',
    timeToPay,
    timerId: `paysched-${scheduleId}`,
    createdAt: T0,
    version: 0,
  };
}

const timerOf = (s: PaymentScheduleRecord): TimerRecord => ({
  storeId: s.storeId,
  timerId: s.timerId,
  kind: 'payment-schedule',
  paymentId: s.paymentId,
  dueAt: s.timeToPay,
  state: 'PENDING',
  reason: 'contract',
  scheduleName: s.timerId,
  createdAt: T0,
  payload: { scheduleId: s.scheduleId },
});
