import type { BillingKeyRecord } from '../../domain/billing-key.ts';
import type { PaymentScheduleRecord } from '../../domain/payment-schedule.ts';
import type { Item } from './items.ts';
import {
  billingKeySchedulesIndexPk,
  billingKeySk,
  billingKeysIndexPk,
  scheduleSk,
  scheduledPaymentSk,
  schedulesIndexPk,
  storePk,
  timeSortKey,
} from './keys.ts';
import { INDEX, ITEM_TYPE, ITEM_TYPE_ATTRIBUTE } from './schema.ts';

/** The item builders of billing keys and payment schedules (items.ts holds the others). */
const T1 = INDEX.BY_TIME;
const T2 = INDEX.BY_OWNER;

export const billingKeyItem = (key: BillingKeyRecord): Item => ({
  pk: storePk(key.storeId),
  sk: billingKeySk(key.billingKey),
  [ITEM_TYPE_ATTRIBUTE]: ITEM_TYPE.BILLING_KEY,
  [T1.partitionKey]: billingKeysIndexPk(key.storeId),
  [T1.sortKey]: timeSortKey(key.requestedAt, key.billingKey),
  ...key,
});

export const scheduleItem = (schedule: PaymentScheduleRecord): Item => ({
  pk: storePk(schedule.storeId),
  sk: scheduleSk(schedule.scheduleId),
  [ITEM_TYPE_ATTRIBUTE]: ITEM_TYPE.SCHEDULE,
  [T1.partitionKey]: schedulesIndexPk(schedule.storeId),
  [T1.sortKey]: timeSortKey(schedule.timeToPay, schedule.scheduleId),
  [T2.partitionKey]: billingKeySchedulesIndexPk(schedule.storeId, schedule.billingKey),
  [T2.sortKey]: timeSortKey(schedule.timeToPay, schedule.scheduleId),
  ...schedule,
});

/** The one-schedule-per-payment guard. */
export const scheduledPaymentItem = (schedule: Pick<PaymentScheduleRecord, 'storeId' | 'paymentId' | 'scheduleId'>): Item => ({
  pk: storePk(schedule.storeId),
  sk: scheduledPaymentSk(schedule.paymentId),
  [ITEM_TYPE_ATTRIBUTE]: ITEM_TYPE.SCHEDULED_PAYMENT,
  storeId: schedule.storeId,
  paymentId: schedule.paymentId,
  scheduleId: schedule.scheduleId,
});
