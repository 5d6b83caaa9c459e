/**
 * Every key value of the single table, and nothing else builds one. Layout (pk / sk):
 *
 *   STORE#<storeId> / META                          store settings, test clock offset, webhook config
 *   STORE#<storeId> / CHANNEL#<channelKey>          test channel
 *   STORE#<storeId> / PAYMENT#<paymentId>           payment: PortOne view + PG view in one item
 *   STORE#<storeId> / TIMER#<timerId>               timer (PG void, webhook retry …)
 *   STORE#<storeId> / OUTBOX#<paymentId>#<eventId>  webhook outbox entry (stream-dispatched on AWS)
 *   STORE#<storeId> / COUNTER#PAYMENT#<shard>       payment count, sharded so writers rarely meet
 *   STORE#<storeId> / PAYMENTEVENT#<paymentId>#<eventId>  payment event (paid, cancelled)
 *   STORE#<storeId> / PAYREF#<kind>#<value>        a PG's or PortOne's id of a payment → paymentId (KakaoPay tid …)
 *   STORE#<storeId> / PWDELIVERY#<paymentId>       a Paymentwall payment's delivery registration
 *   STORE#<storeId> / BILLINGKEY#<billingKey>       billing key (빌링키)
 *   STORE#<storeId> / CASHRECEIPT#<paymentId>       cash receipt (현금영수증), one per payment
 *   STORE#<storeId> / SCHEDULE#<scheduleId>         payment schedule (결제 예약)
 *   STORE#<storeId> / SCHEDULEDPAYMENT#<paymentId>  guard: the paymentId has a schedule (one per payment)
 *   STORE#<storeId> / PROBEREADS#<paymentId>        API reads of a webhook-probe payment (a counter)
 *   STORE#<storeId> / IDV#<identityVerificationId>  identity verification (본인인증)
 *   STORE#<storeId> / FAULT#P#<paymentId>#<at>#<id> an injected fault of a payment's request (FAULT#O#<operation>#… without one)
 *   SECRET#<sha256> / SECRET                        API secret → store (listed per store in BY_OWNER)
 *   TOKEN#<sha256>  / TOKEN                         access/refresh token → store
 *   CHECKOUTPROFILE#<profileKey> / CHECKOUTPROFILE  checkout profile (listed per store in BY_OWNER)
 *   PAYMENTSESSION#<sessionId> / PAYMENTSESSION     payment session (결제 세션) of hosted checkout
 *
 * Ids come from callers and may hold any character, so each id is escaped (`%` → `%25`, `#` →
 * `%23`) before it goes into a key: a `#` then only ever separates parts, and no id's key is a
 * prefix of another id's key (payment `pf` never lists the outbox of payment `pf#x`).
 */
const esc = (id: string) => id.replace(/%/g, '%25').replace(/#/g, '%23');

export const storePk = (storeId: string) => `STORE#${esc(storeId)}`;
export const META = 'META';
export const CHANNEL_PREFIX = 'CHANNEL#';
export const channelSk = (channelKey: string) => `${CHANNEL_PREFIX}${esc(channelKey)}`;
export const PAYMENT_PREFIX = 'PAYMENT#';
export const paymentSk = (paymentId: string) => `${PAYMENT_PREFIX}${esc(paymentId)}`;
export const TIMER_PREFIX = 'TIMER#';
export const timerSk = (timerId: string) => `${TIMER_PREFIX}${esc(timerId)}`;
export const OUTBOX_PREFIX = 'OUTBOX#';
/** Outbox entries sort under their payment, so a payment's webhook log is one query. */
export const outboxPaymentPrefix = (paymentId: string) => `${OUTBOX_PREFIX}${esc(paymentId)}#`;
export const outboxSk = (paymentId: string, eventId: string) => `${outboxPaymentPrefix(paymentId)}${esc(eventId)}`;
export const PAYMENT_EVENT_PREFIX = 'PAYMENTEVENT#';
export const paymentEventSk = (paymentId: string, eventId: string) => `${PAYMENT_EVENT_PREFIX}${esc(paymentId)}#${esc(eventId)}`;
export const PAYMENT_REFERENCE_PREFIX = 'PAYREF#';
export const paymentReferenceSk = (kind: string, value: string) => `${PAYMENT_REFERENCE_PREFIX}${esc(kind)}#${esc(value)}`;
export const PAYMENTWALL_DELIVERY_PREFIX = 'PWDELIVERY#';
export const paymentwallDeliverySk = (paymentId: string) => `${PAYMENTWALL_DELIVERY_PREFIX}${esc(paymentId)}`;
export const PAYMENT_COUNTER_PREFIX = 'COUNTER#PAYMENT#';
export const PAYMENT_COUNTER_SHARDS = 16;
export const paymentCounterSk = (shard: number) => `${PAYMENT_COUNTER_PREFIX}${shard}`;
export const BILLING_KEY_PREFIX = 'BILLINGKEY#';
export const billingKeySk = (billingKey: string) => `${BILLING_KEY_PREFIX}${esc(billingKey)}`;
export const CASH_RECEIPT_PREFIX = 'CASHRECEIPT#';
export const cashReceiptSk = (paymentId: string) => `${CASH_RECEIPT_PREFIX}${esc(paymentId)}`;
export const SCHEDULE_PREFIX = 'SCHEDULE#';
export const scheduleSk = (scheduleId: string) => `${SCHEDULE_PREFIX}${esc(scheduleId)}`;
export const SCHEDULED_PAYMENT_PREFIX = 'SCHEDULEDPAYMENT#';
export const scheduledPaymentSk = (paymentId: string) => `${SCHEDULED_PAYMENT_PREFIX}${esc(paymentId)}`;
export const PROBE_READS_PREFIX = 'PROBEREADS#';
export const probeReadsSk = (paymentId: string) => `${PROBE_READS_PREFIX}${esc(paymentId)}`;
export const IDENTITY_VERIFICATION_PREFIX = 'IDV#';
export const identityVerificationSk = (id: string) => `${IDENTITY_VERIFICATION_PREFIX}${esc(id)}`;
export const PROMOTION_PREFIX = 'PROMOTION#';
export const promotionSk = (promotionId: string) => `${PROMOTION_PREFIX}${esc(promotionId)}`;
export const FAULT_PREFIX = 'FAULT#';
/** A payment's faults sort together, oldest first; requests without a payment group by operation. */
export const faultGroupPrefix = (paymentId: string | undefined, operation: string) =>
  paymentId === undefined ? `${FAULT_PREFIX}O#${esc(operation)}#` : `${FAULT_PREFIX}P#${esc(paymentId)}#`;
export const faultSk = (paymentId: string | undefined, operation: string, at: string, faultId: string) =>
  `${faultGroupPrefix(paymentId, operation)}${at}#${esc(faultId)}`;
export const SECRET_SK = 'SECRET';
export const secretPk = (hash: string) => `SECRET#${hash}`;
export const TOKEN_SK = 'TOKEN';
export const tokenPk = (hash: string) => `TOKEN#${hash}`;
/** Profiles and sessions are found by their key alone (the operations reading them name no store). */
export const CHECKOUT_PROFILE_SK = 'CHECKOUTPROFILE';
export const checkoutProfilePk = (profileKey: string) => `CHECKOUTPROFILE#${esc(profileKey)}`;
export const PAYMENT_SESSION_SK = 'PAYMENTSESSION';
export const paymentSessionPk = (sessionId: string) => `PAYMENTSESSION#${esc(sessionId)}`;

// ── index keys (schema.ts INDEX) ──
/** BY_TIME and BY_OWNER partition of a store's payments. */
export const paymentsIndexPk = (storeId: string) => `${storePk(storeId)}#PAYMENTS`;
/** Time first, then the escaped id: equal times still sort, and `#` cannot appear inside either. */
export const timeSortKey = (iso: string, id: string) => `${iso}#${esc(id)}`;
/** BY_TIME partition of a store's PENDING timers (settled timers drop out of it). */
export const dueTimersIndexPk = (storeId: string) => `${storePk(storeId)}#DUE`;
/** BY_OWNER partition of a store's checkout profiles (by creation). */
export const storeCheckoutProfilesIndexPk = (storeId: string) => `${storePk(storeId)}#CHECKOUTPROFILES`;
/** BY_OWNER partition of a store's API secrets. */
export const storeSecretsIndexPk = (storeId: string) => `${storePk(storeId)}#SECRETS`;
/** BY_OWNER partition of one payment's timers. */
export const paymentTimersIndexPk = (storeId: string, paymentId: string) => `${storePk(storeId)}#TIMERS#${esc(paymentId)}`;
/** BY_TIME partition of a store's outbox entries. */
export const outboxIndexPk = (storeId: string) => `${storePk(storeId)}#OUTBOX`;
/** BY_TIME partition of a store's payment events (by creation). */
export const paymentEventsIndexPk = (storeId: string) => `${storePk(storeId)}#PAYMENTEVENTS`;
/** BY_TIME (by issue time) and BY_OWNER (by status update) partition of a store's cash receipts. */
export const cashReceiptsIndexPk = (storeId: string) => `${storePk(storeId)}#CASHRECEIPTS`;
/** BY_TIME partition of a store's billing keys (by request time). */
export const billingKeysIndexPk = (storeId: string) => `${storePk(storeId)}#BILLINGKEYS`;
/** BY_TIME partition of a store's payment schedules (by time to pay). */
export const schedulesIndexPk = (storeId: string) => `${storePk(storeId)}#SCHEDULES`;
/** BY_OWNER partition of one billing key's schedules (by time to pay). */
export const billingKeySchedulesIndexPk = (storeId: string, billingKey: string) => `${storePk(storeId)}#SCHEDULES#${esc(billingKey)}`;
/** BY_TIME partition of a store's identity verifications (by request time). */
export const identityVerificationsIndexPk = (storeId: string) => `${storePk(storeId)}#IDVS`;
