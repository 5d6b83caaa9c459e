import type { OutboxEvent } from '../domain/outbox.ts';
import type { BillingRepository } from './billing-repository.ts';
import type { IdentityVerificationRepository } from './identity-verification-repository.ts';
import type { CashReceiptRepository } from './cash-receipt-repository.ts';
import type { PromotionRepository } from './promotion-repository.ts';
import type { CheckoutRepository } from './checkout-repository.ts';
import type { CashReceiptRecord } from '../domain/cash-receipt.ts';
import type { PaymentRecord } from '../domain/payment.ts';
import type { PaymentEventRecord } from '../domain/payment-event.ts';
import type { PaymentReference } from '../domain/payment-reference.ts';
import type { PaymentwallDeliveryRecord } from '../domain/paymentwall-delivery.ts';
import type { ChannelRecord, SecretRecord, StoreRecord, TokenRecord } from '../domain/store.ts';
import type { TimerRecord, TimerState } from '../domain/timer.ts';
import type { FaultLogEntry } from '../domain/faults.ts';

/** One payment change for commitPaymentsTogether: commitPayment's arguments. */
export interface PaymentCommit {
  payment: PaymentRecord;
  expectedVersion: number | null;
  effects?: PaymentSideEffects;
}

/**
 * Most payment changes one commitPaymentsTogether takes: a transaction holds 100 writes, so 50
 * changes of two writes each (a timer's effect on its payment, the timer marked fired) fill one.
 */
export const MAX_COMMITS_TOGETHER = 50;

/** Extra writes that must commit atomically with a payment change (timers, outbox events, payment events). */
export interface PaymentSideEffects {
  /** Cash receipts that change with the payment (issued or cancelled with it), each over the version it read (null: none stored). */
  cashReceipts?: { receipt: CashReceiptRecord; expectedVersion: number | null }[];
  /** Payment events to store; an event already stored (same id) is replaced by the same content. */
  events?: PaymentEventRecord[];
  putTimers?: TimerRecord[];
  cancelTimers?: { timerId: string; at: string }[];
  fireTimers?: { timerId: string; at: string }[];
  outbox?: OutboxEvent[];
}

/** One page of a list, and where the next one starts (absent on the last page). Opaque to callers. */
export interface Page<T> {
  items: T[];
  /** `positions[i]` resumes right after `items[i]` (PortOne's per-item cursors). */
  positions: string[];
  next?: string;
}

/** What a payment operation decides on, read in one round trip (`getPaymentContext`). */
export interface PaymentContext {
  store?: StoreRecord;
  payment?: PaymentRecord;
  /** Only when asked for (`channelKey`). */
  channel?: ChannelRecord;
  /** Only when asked for (`cashReceipt: true`). */
  cashReceipt?: CashReceiptRecord;
}

/** Which time payments are listed by; both are kept in order by the store. */
export type PaymentOrder = 'REQUESTED_AT' | 'STATUS_CHANGED_AT';

export interface PaymentQuery {
  order: PaymentOrder;
  descending: boolean;
  /** Inclusive lower and exclusive upper bound of the ordering time (RFC 3339 UTC). */
  from?: string;
  until?: string;
  /** Most items to return; a page may hold fewer and still have a `next`. */
  limit: number;
  /** The `next` of the previous page. */
  after?: string;
}

/** The item kinds a store reset deletes. */
export type StoreDataKind = 'PAYMENT' | 'TIMER' | 'OUTBOX' | 'BILLING' | 'IDENTITY_VERIFICATION' | 'FAULT' | 'CASH_RECEIPT' | 'PROMOTION';

/**
 * Everything pg-sandbox keeps, as the use cases see it. Every state change is a conditional write:
 * a lost race is a `ConcurrentModificationError` (domain/errors.ts) or a `false` result, never a
 * silent overwrite. Billing keys and payment schedules are in ports/billing-repository.ts, identity verifications in ports/identity-verification-repository.ts, cash receipts in ports/cash-receipt-repository.ts, promotions in ports/promotion-repository.ts, checkout profiles and payment sessions in ports/checkout-repository.ts. Implementations: the DynamoDB adapter (adapters/dynamodb) and, for fast use-case
 * tests, an in-memory double proven equivalent by one contract suite (test/contract).
 */
export interface Repository extends BillingRepository, IdentityVerificationRepository, CashReceiptRepository, PromotionRepository, CheckoutRepository {
  // ── stores ──
  getStore(storeId: string): Promise<StoreRecord | undefined>;
  /** Creates a store with its first secret and channels in one write; false when the id exists. */
  createStore(store: StoreRecord, seed?: { secrets?: SecretRecord[]; channels?: ChannelRecord[] }): Promise<boolean>;
  /** Replaces a store's settings if nobody changed it since `expectedVersion`. */
  saveStore(store: StoreRecord, expectedVersion: number): Promise<void>;
  /** Replaces only the webhook settings, guarded by the version (never puts back a stale clock). */
  saveStoreWebhook(storeId: string, webhook: StoreRecord['webhook'], expectedVersion: number): Promise<void>;
  /** Adds a PG to the store's signups; touches nothing else. */
  addSignup(storeId: string, pgProvider: string): Promise<void>;
  /** Moves the test clock forward only: false when the stored offset is larger or the store is gone. */
  advanceClock(storeId: string, newOffsetMs: number): Promise<boolean>;
  /** Moves the store's console session version on by one: every console session signed before it ends. */
  endConsoleSessions(storeId: string): Promise<void>;

  // ── secrets and tokens ──
  putSecret(secret: SecretRecord): Promise<void>;
  findSecret(hash: string): Promise<SecretRecord | undefined>;
  /** The store's API secrets, oldest first. */
  listSecrets(storeId: string): Promise<SecretRecord[]>;
  /**
   * Deletes a secret if it still exists and the store is still at `expectedStoreVersion`, and moves
   * the store's version on in the same write: of two racing revocations that each checked "not the
   * last one", one gets ConcurrentModificationError and checks again.
   */
  revokeSecret(secret: SecretRecord, expectedStoreVersion: number): Promise<void>;
  putToken(hash: string, token: TokenRecord): Promise<void>;
  findToken(hash: string): Promise<TokenRecord | undefined>;
  /** Deletes a token; false when it was already gone. */
  revokeToken(hash: string): Promise<boolean>;

  // ── channels ──
  /** False when a channel with that key exists. */
  putChannel(channel: ChannelRecord): Promise<boolean>;
  /** Overwrites an existing channel (a setting such as its mode; the last writer wins); false when there is none. */
  replaceChannel(channel: ChannelRecord): Promise<boolean>;
  getChannel(storeId: string, channelKey: string): Promise<ChannelRecord | undefined>;
  listChannels(storeId: string): Promise<ChannelRecord[]>;

  // ── payments ──
  getPayment(storeId: string, paymentId: string): Promise<PaymentRecord | undefined>;
  /**
   * The store and a payment, with a channel and the payment's cash receipt when asked, all read
   * consistently in one call: pay and cancel need them together, and one round trip costs DynamoDB
   * (and the SDK's pipeline) about what one item does, where separate reads cost each their own.
   */
  getPaymentContext(storeId: string, paymentId: string, also?: { channelKey?: string; cashReceipt?: boolean }): Promise<PaymentContext>;
  /** A page of payments in time order; reads about one page, whatever the store holds. */
  queryPayments(storeId: string, query: PaymentQuery): Promise<Page<PaymentRecord>>;
  /** How many payments the store holds (kept as a counter, not counted). */
  countPayments(storeId: string): Promise<number>;
  /**
   * Writes a payment and its side effects in one transaction. `expectedVersion` null means "must
   * not exist yet"; otherwise the stored version must match, so of two racing writers exactly one
   * wins and the loser gets ConcurrentModificationError (carrying the stored payment when known).
   * On success `payment.version` is the new version.
   */
  commitPayment(payment: PaymentRecord, expectedVersion: number | null, effects?: PaymentSideEffects): Promise<void>;
  /**
   * Commits several payment changes (different payments, at most MAX_COMMITS_TOGETHER) as one
   * all-or-nothing write: true when all applied (each `payment.version` is then the new one); false
   * when nothing was written because a condition failed or the writes do not fit one transaction.
   * The caller then commits them in smaller parts, down to one by one with commitPayment, to learn
   * each one's fate.
   */
  commitPaymentsTogether(changes: PaymentCommit[]): Promise<boolean>;
  /**
   * A page of the store's payment events by creation time, oldest first: `from` inclusive, `until`
   * exclusive (RFC 3339 UTC). Reads about one page, whatever the store holds.
   */
  queryPaymentEvents(storeId: string, query: { from: string; until: string; limit: number; after?: string }): Promise<Page<PaymentEventRecord>>;
  /** Payments by id, read consistently in as few calls as the store allows; missing ids are absent. */
  getPaymentsById(storeId: string, paymentIds: string[]): Promise<Map<string, PaymentRecord>>;

  /**
   * Remembers which payment a reference (domain/payment-reference.ts) belongs to; writing the same
   * entry again is harmless. Written before the payment's own commit, so an entry may name a
   * payment that never got that id (its commit failed): readers check the payment.
   */
  putPaymentReference(storeId: string, reference: PaymentReference, paymentId: string): Promise<void>;
  /** The paymentId a reference was kept for, if any (read consistently). */
  findPaymentReference(storeId: string, reference: PaymentReference): Promise<string | undefined>;

  /** A Paymentwall payment's delivery registration (domain/paymentwall-delivery.ts), kept beside the payment. */
  getPaymentwallDelivery(storeId: string, paymentId: string): Promise<PaymentwallDeliveryRecord | undefined>;
  /**
   * Saves a payment's delivery registration if the stored one is still the `registrations`-th
   * before it (none stored for the first): false when another registration was saved meanwhile.
   */
  savePaymentwallDelivery(storeId: string, paymentId: string, record: PaymentwallDeliveryRecord): Promise<boolean>;

  // ── timers ──
  getTimer(storeId: string, timerId: string): Promise<TimerRecord | undefined>;
  /** Every timer of one payment, in due order. */
  listPaymentTimers(storeId: string, paymentId: string): Promise<TimerRecord[]>;
  /** PENDING timers due at or before `untilIso` (all pending without it), in due order, a page at a time. */
  listPendingTimers(storeId: string, query: { untilIso?: string; limit: number; after?: string }): Promise<Page<TimerRecord>>;
  /** How many PENDING timers the store holds (counted in the due index, without reading the timers). */
  countPendingTimers(storeId: string): Promise<number>;
  /** PENDING → FIRED/CANCELLED exactly once; false when someone else already moved it. */
  settleTimer(storeId: string, timerId: string, state: Exclude<TimerState, 'PENDING'>, at: string): Promise<boolean>;

  // ── webhook outbox ──
  /** One payment's outbox entries. */
  listOutbox(storeId: string, paymentId: string): Promise<OutboxEvent[]>;
  /** The store's newest outbox entries first, a page at a time. */
  listRecentOutbox(storeId: string, query: { limit: number; after?: string }): Promise<Page<OutboxEvent>>;
  getOutbox(storeId: string, paymentId: string, eventId: string): Promise<OutboxEvent | undefined>;
  /** Conditional replace of an entry (its delivery state) with the retry timer it schedules, if any. */
  saveOutbox(event: OutboxEvent, expectedVersion: number, retryTimer?: TimerRecord): Promise<boolean>;
  /** A new entry on its own (a manual resend); false when one with that key exists. */
  insertOutbox(event: OutboxEvent): Promise<boolean>;

  // ── webhook receiver probe (probe/run-probe.ts) ──
  /** Counts one API read of a payment the probe made, so it can see whether a receiver reads it again for a duplicate. */
  recordProbeRead(storeId: string, paymentId: string): Promise<void>;
  /** How many times the API has read that payment (0 when never). */
  countProbeReads(storeId: string, paymentId: string): Promise<number>;

  // ── fault injection log (faults/) ──
  recordFault(entry: FaultLogEntry): Promise<void>;
  /** Injected faults, newest first: one payment's, or the store's (those without a payment included). */
  listFaults(storeId: string, query: { paymentId?: string; limit: number }): Promise<FaultLogEntry[]>;

  // ── store reset ──
  /** Deletes a store's items of these kinds; the store, secrets and channels stay. Returns how many. */
  deleteStoreItems(storeId: string, kinds: readonly StoreDataKind[]): Promise<number>;
}
