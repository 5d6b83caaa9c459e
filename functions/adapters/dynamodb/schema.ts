/**
 * The single table's shape, shared by the CDK table (infra/constructs/sandbox-table.ts) and the
 * local runtime, which creates the table itself (table.ts). Key values are built in keys.ts only.
 */
export const PARTITION_KEY = 'pk';
export const SORT_KEY = 'sk';

/** Item kinds, stored in `itemType`; the webhook-dispatch stream filter matches `OUTBOX`. */
export const ITEM_TYPE_ATTRIBUTE = 'itemType';
export const ITEM_TYPE = {
  STORE: 'STORE',
  CHANNEL: 'CHANNEL',
  PAYMENT: 'PAYMENT',
  TIMER: 'TIMER',
  OUTBOX: 'OUTBOX',
  PAYMENT_EVENT: 'PAYMENT_EVENT',
  PAYMENT_REFERENCE: 'PAYMENT_REFERENCE',
  PAYMENTWALL_DELIVERY: 'PAYMENTWALL_DELIVERY',
  CASH_RECEIPT: 'CASH_RECEIPT',
  SECRET: 'SECRET',
  TOKEN: 'TOKEN',
  COUNTER: 'COUNTER',
  BILLING_KEY: 'BILLING_KEY',
  SCHEDULE: 'SCHEDULE',
  SCHEDULED_PAYMENT: 'SCHEDULED_PAYMENT',
  IDENTITY_VERIFICATION: 'IDENTITY_VERIFICATION',
  FAULT: 'FAULT',
  PROMOTION: 'PROMOTION',
  CHECKOUT_PROFILE: 'CHECKOUT_PROFILE',
  PAYMENT_SESSION: 'PAYMENT_SESSION',
} as const;
export type ItemType = (typeof ITEM_TYPE)[keyof typeof ITEM_TYPE];

/** TTL attribute (epoch seconds). It only garbage-collects old sandbox data; it never drives behaviour. */
export const TTL_ATTRIBUTE = 'expiresAt';

/**
 * Two overloaded global secondary indexes keep every list a range read of one page:
 *   BY_TIME   payments by requestedAt · pending timers by due time (sparse) · outbox by creation ·
 *             payment events by creation · cash receipts by issue time ·
 *             billing keys by requestedAt · schedules by time to pay · identity verifications by requestedAt
 *   BY_OWNER  payments by statusChangedAt · a payment's timers by due time · a store's API secrets ·
 *             cash receipts by status update · a store's checkout profiles by creation ·
 *             a billing key's schedules by time to pay
 * Both project all attributes, so a page is one Query with no follow-up reads.
 */
export const INDEX = {
  BY_TIME: { name: 'byTime', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  BY_OWNER: { name: 'byOwner', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
} as const;
