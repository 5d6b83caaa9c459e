import { loadBillingKey, alreadyDeleted } from '../billing/load-billing-key.ts';
import { PortOneError, invalidRequest } from '../domain/errors.ts';
import type { PaymentScheduleRecord } from '../domain/payment-schedule.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';
import { loadSchedule } from './list-schedules.ts';

/** One transaction holds 3 writes per schedule (schedule, timer, paymentId guard): DynamoDB's 100-write limit. */
export const MAX_REVOKE = 33;

/**
 * revokePaymentSchedules, all or nothing: by ids, every named schedule must still be SCHEDULED
 * (else PAYMENT_SCHEDULE_ALREADY_PROCESSED / _REVOKED and nothing changes); by billing key, every
 * SCHEDULED one of the key. One transaction moves each to REVOKED, cancels its timer and frees its
 * paymentId; the claim of a firing schedule needs SCHEDULED too, so revoke racing fire has one winner.
 */
export async function revokeSchedules(services: Services, storeId: string, input: { billingKey?: string; scheduleIds?: string[] }) {
  if (input.billingKey === undefined && (input.scheduleIds === undefined || input.scheduleIds.length === 0)) {
    throw invalidRequest('give billingKey or scheduleIds');
  }
  const store = await loadStore(services, storeId);
  let targets: PaymentScheduleRecord[];
  if (input.scheduleIds?.length) {
    targets = await Promise.all(input.scheduleIds.map((id) => loadSchedule(services, storeId, id)));
    if (input.billingKey !== undefined) {
      const other = targets.find((s) => s.billingKey !== input.billingKey);
      if (other) throw invalidRequest(`scheduleIds: ${other.scheduleId} belongs to another billing key`);
    }
    for (const s of targets) {
      if (s.status === 'REVOKED') throw new PortOneError('PAYMENT_SCHEDULE_ALREADY_REVOKED', `이미 취소된 결제 예약건입니다. (scheduleId: ${s.scheduleId})`);
      if (s.status !== 'SCHEDULED') throw new PortOneError('PAYMENT_SCHEDULE_ALREADY_PROCESSED', `이미 처리된 결제 예약건입니다. (scheduleId: ${s.scheduleId}, status: ${s.status})`);
    }
  } else {
    const key = await loadBillingKey(services, storeId, input.billingKey!);
    if (key.status === 'DELETED') throw alreadyDeleted(key);
    targets = (await services.repo.listBillingKeySchedules(storeId, key.billingKey)).filter((s) => s.status === 'SCHEDULED');
  }
  if (targets.length > MAX_REVOKE) throw invalidRequest(`at most ${MAX_REVOKE} schedules per call (all or nothing); revoke by scheduleIds in parts`);
  const revokedAt = storeNow(services, store).toISOString();
  const changes = targets.map((s) => ({
    schedule: { ...s, status: 'REVOKED' as const, revokedAt },
    expectedVersion: s.version,
    settleTimer: { timerId: s.timerId, state: 'CANCELLED' as const, at: revokedAt },
    releasePaymentId: true,
  }));
  if (changes.length > 0 && !(await services.repo.saveSchedules(storeId, changes))) {
    // Something fired or was revoked since it was read: say which, as a fresh request would.
    for (const s of targets) {
      const now = await loadSchedule(services, storeId, s.scheduleId);
      if (now.status === 'REVOKED') throw new PortOneError('PAYMENT_SCHEDULE_ALREADY_REVOKED', `이미 취소된 결제 예약건입니다. (scheduleId: ${s.scheduleId})`);
      if (now.status !== 'SCHEDULED') throw new PortOneError('PAYMENT_SCHEDULE_ALREADY_PROCESSED', `이미 처리된 결제 예약건입니다. (scheduleId: ${s.scheduleId}, status: ${now.status})`);
    }
    throw new PortOneError('CONFLICT', 'a schedule changed while it was being revoked; nothing was revoked, try again');
  }
  await Promise.all(targets.map((s) => services.scheduler.unschedule({ scheduleName: s.timerId }).catch(() => undefined)));
  return { revokedScheduleIds: targets.map((s) => s.scheduleId), revokedAt };
}
