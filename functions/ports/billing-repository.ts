import type { BillingKeyRecord } from '../domain/billing-key.ts';
import type { OutboxEvent } from '../domain/outbox.ts';
import type { PaymentScheduleRecord } from '../domain/payment-schedule.ts';
import type { TimerRecord } from '../domain/timer.ts';
import type { Page } from './repository.ts';

/** A page of a store's billing keys (by request time) or schedules (by time to pay). */
export interface BillingListQuery {
  descending: boolean;
  limit: number;
  after?: string;
}

/** Why a schedule was not created: the paymentId already has one, or the key changed (deleted, or another schedule won). */
export type CreateScheduleResult = 'CREATED' | 'PAYMENT_ALREADY_SCHEDULED' | 'BILLING_KEY_CHANGED';

/** One schedule's state change inside {@link BillingRepository.saveSchedules}. */
export interface ScheduleChange {
  schedule: PaymentScheduleRecord;
  expectedVersion: number;
  /** Its timer, moved out of PENDING in the same write (it must still be PENDING). */
  settleTimer?: { timerId: string; state: 'FIRED' | 'CANCELLED'; at: string };
  /** Frees the paymentId for another schedule (a revocation). */
  releasePaymentId?: boolean;
}

/**
 * Billing keys and payment schedules as the use cases see them (part of the Repository port).
 *
 * A schedule is created in one transaction with its timer, a per-paymentId guard (PortOne allows
 * one schedule per payment: PAYMENT_SCHEDULE_ALREADY_EXISTS) and a version step of its billing key,
 * so a key deletion that checked "no schedules left" against an older version loses the race
 * instead of leaving a schedule on a deleted key.
 */
export interface BillingRepository {
  getBillingKey(storeId: string, billingKey: string): Promise<BillingKeyRecord | undefined>;
  /** A page of the store's billing keys by request time. */
  queryBillingKeys(storeId: string, query: BillingListQuery): Promise<Page<BillingKeyRecord>>;
  /**
   * Writes a billing key with its webhook outbox entries. `expectedVersion` null: must not exist;
   * otherwise the stored version must match (ConcurrentModificationError when not).
   */
  commitBillingKey(key: BillingKeyRecord, expectedVersion: number | null, outbox?: OutboxEvent[]): Promise<void>;

  getPaymentSchedule(storeId: string, scheduleId: string): Promise<PaymentScheduleRecord | undefined>;
  /** A page of the store's schedules by time to pay. */
  querySchedules(storeId: string, query: BillingListQuery): Promise<Page<PaymentScheduleRecord>>;
  /** The schedule holding a paymentId (the one-schedule-per-payment guard), until a revocation frees it. */
  getPaymentScheduleId(storeId: string, paymentId: string): Promise<string | undefined>;
  /** Every schedule of one billing key, by time to pay (a key holds few). */
  listBillingKeySchedules(storeId: string, billingKey: string): Promise<PaymentScheduleRecord[]>;
  /** Creates a schedule with its timer, if the key is still ISSUED at `billingKeyVersion` and the paymentId has no schedule. */
  createSchedule(schedule: PaymentScheduleRecord, timer: TimerRecord, billingKeyVersion: number): Promise<CreateScheduleResult>;
  /** Applies every change or none (each guarded by its version); false when any condition failed. */
  saveSchedules(storeId: string, changes: ScheduleChange[]): Promise<boolean>;
}
