import { readAll, sortByTime } from '../billing/list-billing-keys.ts';
import { PortOneError } from '../domain/errors.ts';
import { statusTimestamp, type PaymentScheduleRecord } from '../domain/payment-schedule.ts';
import type { Services } from '../services.ts';

export async function loadSchedule(services: Services, storeId: string, scheduleId: string): Promise<PaymentScheduleRecord> {
  const schedule = await services.repo.getPaymentSchedule(storeId, scheduleId);
  if (!schedule) throw new PortOneError('PAYMENT_SCHEDULE_NOT_FOUND', `결제 예약건이 존재하지 않습니다. (scheduleId: ${scheduleId})`);
  return schedule;
}

/** PortOne's `PaymentScheduleFilterInput` (the HTTP schema is checked against it). */
export interface ScheduleFilter {
  storeId?: string;
  billingKey?: string;
  /** Bounds of the time to pay: from inclusive, until exclusive. */
  from?: string;
  until?: string;
  /** PortOne's statuses; `PENDING` (never produced here) matches nothing. */
  status?: string[];
  /** Every sandbox schedule is a test one: `false` matches none. */
  isForTest?: boolean;
}

export interface ScheduleSort {
  by?: 'CREATED_AT' | 'TIME_TO_PAY' | 'COMPLETED_AT' | 'STATUS_TIMESTAMP';
  order?: 'DESC' | 'ASC';
}

export function matchesScheduleFilter(s: PaymentScheduleRecord, f: ScheduleFilter = {}): boolean {
  if (f.isForTest === false) return false;
  if (f.billingKey !== undefined && s.billingKey !== f.billingKey) return false;
  if (f.status && !f.status.includes(s.status)) return false;
  if (f.from && s.timeToPay < new Date(f.from).toISOString()) return false;
  if (f.until && s.timeToPay >= new Date(f.until).toISOString()) return false;
  return true;
}

const timeOf = (s: PaymentScheduleRecord, by: ScheduleSort['by']) =>
  by === 'CREATED_AT' ? s.createdAt : by === 'COMPLETED_AT' ? s.completedAt : by === 'STATUS_TIMESTAMP' ? statusTimestamp(s) : s.timeToPay;

/**
 * getPaymentSchedules: a page of the store's (or one billing key's) schedules. Without a billing
 * key it reads every schedule of the store (O(schedules)); with one, only that key's.
 */
export async function listSchedules(services: Services, storeId: string, input: { page?: { number?: number; size?: number }; sort?: ScheduleSort; filter?: ScheduleFilter }) {
  const number = input.page?.number ?? 0;
  const size = input.page?.size ?? 10;
  const all =
    input.filter?.billingKey !== undefined
      ? await services.repo.listBillingKeySchedules(storeId, input.filter.billingKey)
      : await readAll((after) => services.repo.querySchedules(storeId, { descending: false, limit: 100, after }));
  const matching = sortByTime(
    all.filter((s) => matchesScheduleFilter(s, input.filter)),
    (s) => timeOf(s, input.sort?.by),
    (s) => s.scheduleId,
    input.sort?.order !== 'ASC',
  );
  return { items: matching.slice(number * size, (number + 1) * size), page: { number, size, totalCount: matching.length } };
}
