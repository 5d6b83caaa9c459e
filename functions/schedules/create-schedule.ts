import { randomUUID } from 'node:crypto';
import { PortOneError, invalidRequest } from '../domain/errors.ts';
import { orderDetailsOf, type OrderDetails } from '../domain/payment.ts';
import type { PaymentScheduleRecord } from '../domain/payment-schedule.ts';
import { RETRY_LIMITS, retryOnConflict } from '../domain/retry.ts';
import type { TimerRecord } from '../domain/timer.ts';
import { loadIssuedBillingKey } from '../billing/load-billing-key.ts';
import { loadChannel } from '../payments/approve.ts';
import type { Services } from '../services.ts';
import { storeNow, toWallTime } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';
import { timerIdFor } from '../timers/timer.ts';
import { ConcurrentModificationError } from '../domain/errors.ts';

export interface CreateScheduleInput extends OrderDetails {
  storeId: string;
  paymentId: string;
  billingKey: string;
  channelKey?: string;
  orderName: string;
  amount: { total: number; taxFree?: number; vat?: number };
  currency: string;
  installmentMonth?: number;
  /** Checked when the schedule runs: a promotion over or out of budget by then gives no discount. */
  promotionId?: string;
  timeToPay: string;
}

/**
 * createPaymentSchedule: one schedule record and one timer (kind `payment-schedule`, so one one-shot
 * EventBridge schedule at `timeToPay` in the store's clock), written in one transaction that also
 * claims the paymentId and moves the billing key's version on. A time to pay already past runs at
 * the next timer sweep (the clock advance, or a schedule 60 s ahead on AWS).
 */
export async function createPaymentSchedule(services: Services, input: CreateScheduleInput): Promise<PaymentScheduleRecord> {
  const timeToPay = Date.parse(input.timeToPay);
  if (Number.isNaN(timeToPay)) throw invalidRequest(`timeToPay: not an RFC 3339 timestamp (${input.timeToPay})`);
  if ((input.amount.taxFree ?? 0) + (input.amount.vat ?? 0) > input.amount.total) {
    throw new PortOneError('SUM_OF_PARTS_EXCEEDS_TOTAL_AMOUNT', `면세 금액과 부가세의 합이 결제 금액(${input.amount.total})을 초과합니다.`);
  }
  const existing = await services.repo.getPayment(input.storeId, input.paymentId);
  if (existing && existing.status !== 'READY' && existing.status !== 'FAILED') {
    throw new PortOneError('ALREADY_PAID_OR_WAITING', `이미 결제되었거나 대기 중인 결제 건입니다. (paymentId: ${input.paymentId}, status: ${existing.status})`);
  }
  if (input.channelKey !== undefined) await loadChannel(services, input.storeId, input.channelKey);
  return retryOnConflict<PaymentScheduleRecord>(RETRY_LIMITS.billingKey, async () => {
    const [store, key] = await Promise.all([loadStore(services, input.storeId), loadIssuedBillingKey(services, input.storeId, input.billingKey)]);
    const now = storeNow(services, store);
    const scheduleId = randomUUID();
    const timerId = timerIdFor('payment-schedule', store.storeId, input.paymentId, scheduleId);
    const dueAt = new Date(timeToPay).toISOString();
    const schedule: PaymentScheduleRecord = {
      ...orderDetailsOf(input),
      storeId: store.storeId,
      merchantId: store.merchantId,
      scheduleId,
      paymentId: input.paymentId,
      billingKey: key.billingKey,
      status: 'SCHEDULED',
      ...(input.channelKey !== undefined ? { channelKey: input.channelKey } : {}),
      orderName: input.orderName,
      totalAmount: input.amount.total,
      ...(input.amount.taxFree !== undefined ? { taxFreeAmount: input.amount.taxFree } : {}),
      ...(input.amount.vat !== undefined ? { vatAmount: input.amount.vat } : {}),
      currency: input.currency,
      ...(input.installmentMonth !== undefined ? { installmentMonth: input.installmentMonth } : {}),
      ...(input.promotionId !== undefined ? { promotionId: input.promotionId } : {}),
      timeToPay: dueAt,
      timerId,
      createdAt: now.toISOString(),
      version: 0,
    };
    const timer: TimerRecord = {
      storeId: store.storeId,
      timerId,
      kind: 'payment-schedule',
      paymentId: input.paymentId,
      dueAt,
      state: 'PENDING',
      reason: `payment schedule ${scheduleId}: charge billing key ${key.billingKey} ${input.amount.total} ${input.currency}`,
      scheduleName: timerId,
      createdAt: now.toISOString(),
      payload: { scheduleId },
    };
    // As for payments (payments/commit.ts): the alarm first, so a crash leaves at most an orphan schedule.
    await services.scheduler.schedule(timer, toWallTime(store, new Date(dueAt)));
    const result = await services.repo.createSchedule(schedule, timer, key.version);
    if (result === 'CREATED') return schedule;
    await services.scheduler.unschedule(timer).catch(() => undefined);
    if (result === 'PAYMENT_ALREADY_SCHEDULED') {
      throw new PortOneError('PAYMENT_SCHEDULE_ALREADY_EXISTS', `이미 결제 예약건이 존재하는 결제 건입니다. (paymentId: ${input.paymentId})`);
    }
    throw new ConcurrentModificationError(`billing key ${key.billingKey}`);
  });
}
