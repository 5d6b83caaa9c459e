import { ConcurrentModificationError, invalidRequest } from '../../functions/domain/errors.ts';
import type { OutboxEvent } from '../../functions/domain/outbox.ts';
import type { PaymentRecord } from '../../functions/domain/payment.ts';
import type { PaymentEventRecord } from '../../functions/domain/payment-event.ts';
import type { CashReceiptRecord } from '../../functions/domain/cash-receipt.ts';
import type { CashReceiptQuery } from '../../functions/ports/cash-receipt-repository.ts';
import type { ChannelRecord, SecretRecord, StoreRecord, TokenRecord } from '../../functions/domain/store.ts';
import type { TimerRecord, TimerState } from '../../functions/domain/timer.ts';
import type { FaultLogEntry } from '../../functions/domain/faults.ts';
import type { PaymentReference } from '../../functions/domain/payment-reference.ts';
import type { PaymentwallDeliveryRecord } from '../../functions/domain/paymentwall-delivery.ts';
import { MAX_COMMITS_TOGETHER, type Page, type PaymentCommit, type PaymentQuery, type PaymentSideEffects, type Repository, type StoreDataKind } from '../../functions/ports/repository.ts';
import { timeSortKey } from '../../functions/adapters/dynamodb/keys.ts';
import type { BillingKeyRecord } from '../../functions/domain/billing-key.ts';
import type { PaymentScheduleRecord } from '../../functions/domain/payment-schedule.ts';
import type { BillingListQuery, CreateScheduleResult, ScheduleChange } from '../../functions/ports/billing-repository.ts';
import type { IdentityVerificationRecord } from '../../functions/domain/identity-verification.ts';
import { newestPromotionFirst, type PromotionRecord } from '../../functions/domain/promotion.ts';
import { newestProfileFirst, type CheckoutProfileRecord } from '../../functions/domain/checkout-profile.ts';
import type { PaymentSessionRecord } from '../../functions/domain/payment-session.ts';

/**
 * The Repository port in memory: a test double for fast use-case tests (no Java, no HTTP). It is
 * not a second product engine: test/contract/repository.contract.ts runs the same cases against it
 * and against the DynamoDB adapter on DynamoDB Local, so both keep the same semantics (conditional
 * writes, all-or-nothing transactions, ordering and paging).
 *
 * Records are copied in and out, like a real store: a caller mutating what it read changes nothing.
 */
export class InMemoryRepository implements Repository {
  private readonly stores = new Map<string, StoreRecord>();
  private readonly secrets = new Map<string, SecretRecord>();
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly channels = new Map<string, ChannelRecord>();
  private readonly payments = new Map<string, PaymentRecord>();
  private readonly timers = new Map<string, TimerRecord>();
  private readonly outbox = new Map<string, OutboxEvent>();
  private readonly paymentEvents = new Map<string, PaymentEventRecord>();
  private readonly cashReceipts = new Map<string, CashReceiptRecord>();
  private readonly billingKeys = new Map<string, BillingKeyRecord>();
  private readonly identityVerifications = new Map<string, IdentityVerificationRecord>();
  private readonly promotions = new Map<string, PromotionRecord>();
  private readonly checkoutProfiles = new Map<string, CheckoutProfileRecord>();
  private readonly paymentSessions = new Map<string, PaymentSessionRecord>();
  private readonly schedules = new Map<string, PaymentScheduleRecord>();
  /** paymentId → scheduleId: one schedule per payment. */
  private readonly scheduledPayments = new Map<string, string>();
  private readonly faults: FaultLogEntry[] = [];
  /** API reads of webhook-probe payments, by key(storeId, paymentId). */
  private readonly probeReads = new Map<string, number>();
  /** key(storeId, kind, value) → paymentId */
  private readonly paymentReferences = new Map<string, string>();
  /** key(storeId, paymentId) → the payment's delivery registration */
  private readonly paymentwallDeliveries = new Map<string, PaymentwallDeliveryRecord>();
  /** Calls per method, so tests can assert that a use case reads a page, not the store. */
  readonly calls = new Map<string, number>();

  private count(method: string) {
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
  }

  // ── stores ──
  async getStore(storeId: string) {
    this.count('getStore');
    return copy(this.stores.get(storeId));
  }

  async createStore(store: StoreRecord, seed: { secrets?: SecretRecord[]; channels?: ChannelRecord[] } = {}) {
    this.count('createStore');
    const secrets = seed.secrets ?? [];
    const channels = seed.channels ?? [];
    if (this.stores.has(store.storeId) || secrets.some((s) => this.secrets.has(s.hash)) || channels.some((c) => this.channels.has(key(c.storeId, c.channelKey)))) {
      return false;
    }
    this.stores.set(store.storeId, copy(store));
    for (const s of secrets) this.secrets.set(s.hash, copy(s));
    for (const c of channels) this.channels.set(key(c.storeId, c.channelKey), copy(c));
    return true;
  }

  async saveStore(store: StoreRecord, expectedVersion: number) {
    this.count('saveStore');
    const current = this.stores.get(store.storeId);
    if (!current || current.version !== expectedVersion) throw new ConcurrentModificationError(`store ${store.storeId}`, copy(current));
    this.stores.set(store.storeId, copy({ ...store, version: expectedVersion + 1 }));
    store.version = expectedVersion + 1;
  }

  async saveStoreWebhook(storeId: string, webhook: StoreRecord['webhook'], expectedVersion: number) {
    this.count('saveStoreWebhook');
    const current = this.stores.get(storeId);
    if (!current || current.version !== expectedVersion) throw new ConcurrentModificationError(`store ${storeId}`, copy(current));
    this.stores.set(storeId, { ...current, webhook: copy(webhook), version: expectedVersion + 1 });
  }

  async addSignup(storeId: string, pgProvider: string) {
    this.count('addSignup');
    const current = this.stores.get(storeId);
    if (current && !current.signups.includes(pgProvider)) current.signups = [...current.signups, pgProvider];
  }

  async advanceClock(storeId: string, newOffsetMs: number) {
    this.count('advanceClock');
    const current = this.stores.get(storeId);
    if (!current || current.clockOffsetMs > newOffsetMs) return false;
    current.clockOffsetMs = newOffsetMs;
    return true;
  }

  async endConsoleSessions(storeId: string) {
    this.count('endConsoleSessions');
    const current = this.stores.get(storeId);
    if (!current) throw new Error(`no store ${storeId}`);
    current.consoleSessionVersion = (current.consoleSessionVersion ?? 0) + 1;
  }

  // ── secrets and tokens ──
  async putSecret(secret: SecretRecord) {
    this.count('putSecret');
    if (this.secrets.has(secret.hash)) throw new Error('secret exists');
    this.secrets.set(secret.hash, copy(secret));
  }

  async findSecret(hash: string) {
    this.count('findSecret');
    return copy(this.secrets.get(hash));
  }

  async listSecrets(storeId: string) {
    this.count('listSecrets');
    return [...this.secrets.values()]
      .filter((s) => s.storeId === storeId)
      .sort((a, b) => (timeSortKey(a.createdAt, a.secretId) < timeSortKey(b.createdAt, b.secretId) ? -1 : 1))
      .map((s) => copy(s));
  }

  async revokeSecret(secret: SecretRecord, expectedStoreVersion: number) {
    this.count('revokeSecret');
    const store = this.stores.get(secret.storeId);
    if (!store || store.version !== expectedStoreVersion || this.secrets.get(secret.hash)?.storeId !== secret.storeId) {
      throw new ConcurrentModificationError(`secrets of store ${secret.storeId}`);
    }
    this.secrets.delete(secret.hash);
    store.version = expectedStoreVersion + 1;
  }

  async putToken(hash: string, token: TokenRecord) {
    this.count('putToken');
    this.tokens.set(hash, copy(token));
  }

  async findToken(hash: string) {
    this.count('findToken');
    return copy(this.tokens.get(hash));
  }

  async revokeToken(hash: string) {
    this.count('revokeToken');
    return this.tokens.delete(hash);
  }

  // ── channels ──
  async putChannel(channel: ChannelRecord) {
    this.count('putChannel');
    const k = key(channel.storeId, channel.channelKey);
    if (this.channels.has(k)) return false;
    this.channels.set(k, copy(channel));
    return true;
  }

  async replaceChannel(channel: ChannelRecord) {
    this.count('replaceChannel');
    const k = key(channel.storeId, channel.channelKey);
    if (!this.channels.has(k)) return false;
    this.channels.set(k, copy(channel));
    return true;
  }

  async getChannel(storeId: string, channelKey: string) {
    this.count('getChannel');
    return copy(this.channels.get(key(storeId, channelKey)));
  }

  async listChannels(storeId: string) {
    this.count('listChannels');
    return [...this.channels.values()].filter((c) => c.storeId === storeId).sort(by((c) => c.channelKey)).map((c) => copy(c));
  }

  // ── payments ──
  async getPayment(storeId: string, paymentId: string) {
    this.count('getPayment');
    return copy(this.payments.get(key(storeId, paymentId)));
  }

  async getPaymentContext(storeId: string, paymentId: string, also: { channelKey?: string; cashReceipt?: boolean } = {}) {
    this.count('getPaymentContext');
    return {
      store: copy(this.stores.get(storeId)),
      payment: copy(this.payments.get(key(storeId, paymentId))),
      ...(also.channelKey !== undefined && { channel: copy(this.channels.get(key(storeId, also.channelKey))) }),
      ...(also.cashReceipt && { cashReceipt: copy(this.cashReceipts.get(key(storeId, paymentId))) }),
    };
  }

  async getPaymentsById(storeId: string, paymentIds: string[]) {
    this.count('getPaymentsById');
    const found = new Map<string, PaymentRecord>();
    for (const id of paymentIds) {
      const payment = this.payments.get(key(storeId, id));
      if (payment) found.set(id, copy(payment));
    }
    return found;
  }

  async queryPayments(storeId: string, query: PaymentQuery): Promise<Page<PaymentRecord>> {
    this.count('queryPayments');
    const time = (p: PaymentRecord) => (query.order === 'STATUS_CHANGED_AT' ? p.statusChangedAt : p.requestedAt);
    const rows = [...this.payments.values()]
      .filter((p) => p.storeId === storeId && (query.from === undefined || time(p) >= query.from) && (query.until === undefined || time(p) < query.until))
      .map((p) => ({ sortKey: timeSortKey(time(p), p.paymentId), record: p }));
    return page(rows, query.descending, query.limit, query.after);
  }

  // ── cash receipts ──
  async getCashReceipt(storeId: string, paymentId: string) {
    this.count('getCashReceipt');
    return copy(this.cashReceipts.get(key(storeId, paymentId)));
  }

  async saveCashReceipt(receipt: CashReceiptRecord, expectedVersion: number | null) {
    this.count('saveCashReceipt');
    if (this.cashReceiptConflict(receipt, expectedVersion)) return false;
    const version = (expectedVersion ?? 0) + 1;
    this.cashReceipts.set(key(receipt.storeId, receipt.paymentId), copy({ ...receipt, version }));
    receipt.version = version;
    return true;
  }

  async queryCashReceipts(storeId: string, query: CashReceiptQuery): Promise<Page<CashReceiptRecord>> {
    this.count('queryCashReceipts');
    const time = (r: CashReceiptRecord) => (query.order === 'STATUS_UPDATED_AT' ? r.statusUpdatedAt : r.issuedAt);
    const rows = [...this.cashReceipts.values()]
      .filter((r) => r.storeId === storeId && time(r) >= query.from && time(r) < query.until)
      .map((r) => ({ sortKey: timeSortKey(time(r), r.paymentId), record: r }));
    return page(rows, query.descending, query.limit, query.after);
  }

  private cashReceiptConflict(receipt: CashReceiptRecord, expectedVersion: number | null): boolean {
    const current = this.cashReceipts.get(key(receipt.storeId, receipt.paymentId));
    return expectedVersion === null ? current !== undefined : current?.version !== expectedVersion;
  }

  async queryPaymentEvents(storeId: string, query: { from: string; until: string; limit: number; after?: string }): Promise<Page<PaymentEventRecord>> {
    this.count('queryPaymentEvents');
    const rows = [...this.paymentEvents.values()]
      .filter((e) => e.storeId === storeId && e.createdAt >= query.from && e.createdAt < query.until)
      .map((e) => ({ sortKey: timeSortKey(e.createdAt, e.eventId), record: e }));
    return page(rows, false, query.limit, query.after);
  }

  async countPayments(storeId: string) {
    this.count('countPayments');
    return [...this.payments.values()].filter((p) => p.storeId === storeId).length;
  }

  async commitPayment(payment: PaymentRecord, expectedVersion: number | null, effects: PaymentSideEffects = {}) {
    this.count('commitPayment');
    const conflict = this.commitConflict({ payment, expectedVersion, effects });
    if (conflict) throw conflict;
    this.applyCommit({ payment, expectedVersion, effects });
  }

  async commitPaymentsTogether(changes: PaymentCommit[]) {
    this.count('commitPaymentsTogether');
    if (changes.length > MAX_COMMITS_TOGETHER) return false;
    // The same item twice in one transaction is refused by DynamoDB as well.
    if (new Set(changes.map((c) => key(c.payment.storeId, c.payment.paymentId))).size !== changes.length) return false;
    if (changes.some((change) => this.commitConflict(change))) return false;
    for (const change of changes) this.applyCommit(change);
    return true;
  }

  /** All conditions first: a transaction either applies whole or not at all. */
  private commitConflict({ payment, expectedVersion, effects = {} }: PaymentCommit): ConcurrentModificationError | undefined {
    const current = this.payments.get(key(payment.storeId, payment.paymentId));
    const conflict = () => new ConcurrentModificationError(`payment ${payment.paymentId}`, copy(current));
    if (expectedVersion === null ? current !== undefined : current?.version !== expectedVersion) return conflict();
    for (const t of effects.putTimers ?? []) if (this.timers.has(key(t.storeId, t.timerId))) return conflict();
    for (const t of [...(effects.cancelTimers ?? []), ...(effects.fireTimers ?? [])]) {
      if (this.timers.get(key(payment.storeId, t.timerId))?.state !== 'PENDING') return conflict();
    }
    for (const e of effects.outbox ?? []) if (this.outbox.has(outboxKey(e))) return conflict();
    for (const { receipt, expectedVersion: v } of effects.cashReceipts ?? []) if (this.cashReceiptConflict(receipt, v)) return conflict();
    return undefined;
  }

  private applyCommit({ payment, expectedVersion, effects = {} }: PaymentCommit) {
    const version = (expectedVersion ?? 0) + 1;
    this.payments.set(key(payment.storeId, payment.paymentId), copy({ ...payment, version }));
    for (const t of effects.putTimers ?? []) this.timers.set(key(t.storeId, t.timerId), copy(t));
    for (const t of effects.cancelTimers ?? []) this.settle(payment.storeId, t.timerId, 'CANCELLED', t.at);
    for (const t of effects.fireTimers ?? []) this.settle(payment.storeId, t.timerId, 'FIRED', t.at);
    for (const e of effects.outbox ?? []) this.outbox.set(outboxKey(e), copy(e));
    for (const e of effects.events ?? []) this.paymentEvents.set(key(e.storeId, e.paymentId, e.eventId), copy(e));
    for (const { receipt, expectedVersion: v } of effects.cashReceipts ?? []) this.cashReceipts.set(key(receipt.storeId, receipt.paymentId), copy({ ...receipt, version: (v ?? 0) + 1 }));
    payment.version = version;
  }

  // ── timers ──
  async getTimer(storeId: string, timerId: string) {
    this.count('getTimer');
    return copy(this.timers.get(key(storeId, timerId)));
  }

  async listPaymentTimers(storeId: string, paymentId: string) {
    this.count('listPaymentTimers');
    return [...this.timers.values()]
      .filter((t) => t.storeId === storeId && t.paymentId === paymentId)
      .sort(by((t) => `${t.dueAt}#${t.timerId}`))
      .map((t) => copy(t));
  }

  async countPendingTimers(storeId: string) {
    this.count('countPendingTimers');
    return [...this.timers.values()].filter((t) => t.storeId === storeId && t.state === 'PENDING').length;
  }

  async listPendingTimers(storeId: string, query: { untilIso?: string; limit: number; after?: string }): Promise<Page<TimerRecord>> {
    this.count('listPendingTimers');
    const rows = [...this.timers.values()]
      .filter((t) => t.storeId === storeId && t.state === 'PENDING' && (query.untilIso === undefined || t.dueAt <= query.untilIso))
      .map((t) => ({ sortKey: timeSortKey(t.dueAt, t.timerId), record: t }));
    return page(rows, false, query.limit, query.after);
  }

  async settleTimer(storeId: string, timerId: string, state: Exclude<TimerState, 'PENDING'>, at: string) {
    this.count('settleTimer');
    if (this.timers.get(key(storeId, timerId))?.state !== 'PENDING') return false;
    this.settle(storeId, timerId, state, at);
    return true;
  }

  // ── outbox ──
  async listOutbox(storeId: string, paymentId: string) {
    this.count('listOutbox');
    return [...this.outbox.values()]
      .filter((e) => e.storeId === storeId && e.paymentId === paymentId)
      .sort(by((e) => e.eventId))
      .map((e) => copy(e));
  }

  async listRecentOutbox(storeId: string, query: { limit: number; after?: string }): Promise<Page<OutboxEvent>> {
    this.count('listRecentOutbox');
    const rows = [...this.outbox.values()].filter((e) => e.storeId === storeId).map((e) => ({ sortKey: timeSortKey(e.createdAt, e.eventId), record: e }));
    return page(rows, true, query.limit, query.after);
  }

  async getOutbox(storeId: string, paymentId: string, eventId: string) {
    this.count('getOutbox');
    return copy(this.outbox.get(outboxKey({ storeId, paymentId, eventId })));
  }

  async saveOutbox(event: OutboxEvent, expectedVersion: number, retryTimer?: TimerRecord) {
    this.count('saveOutbox');
    const current = this.outbox.get(outboxKey(event));
    if (current?.version !== expectedVersion) return false;
    if (retryTimer && this.timers.has(key(retryTimer.storeId, retryTimer.timerId))) return false;
    this.outbox.set(outboxKey(event), copy({ ...event, version: expectedVersion + 1 }));
    if (retryTimer) this.timers.set(key(retryTimer.storeId, retryTimer.timerId), copy(retryTimer));
    event.version = expectedVersion + 1;
    return true;
  }

  async insertOutbox(event: OutboxEvent) {
    this.count('insertOutbox');
    if (this.outbox.has(outboxKey(event))) return false;
    this.outbox.set(outboxKey(event), copy(event));
    return true;
  }

  // ── identity verifications ──
  async getIdentityVerification(storeId: string, id: string) {
    this.count('getIdentityVerification');
    return copy(this.identityVerifications.get(key(storeId, id)));
  }

  async queryIdentityVerifications(storeId: string, query: BillingListQuery): Promise<Page<IdentityVerificationRecord>> {
    this.count('queryIdentityVerifications');
    const rows = [...this.identityVerifications.values()].filter((v) => v.storeId === storeId).map((v) => ({ sortKey: timeSortKey(v.requestedAt, v.id), record: v }));
    return page(rows, query.descending, query.limit, query.after);
  }

  async saveIdentityVerification(record: IdentityVerificationRecord, expectedVersion: number | null) {
    this.count('saveIdentityVerification');
    const k = key(record.storeId, record.id);
    const current = this.identityVerifications.get(k);
    if (expectedVersion === null ? current !== undefined : current?.version !== expectedVersion) {
      throw new ConcurrentModificationError(`identity verification ${record.id}`, copy(current));
    }
    const version = (expectedVersion ?? 0) + 1;
    this.identityVerifications.set(k, copy({ ...record, version }));
    record.version = version;
  }

  // ── promotions ──
  async getPromotion(storeId: string, promotionId: string) {
    this.count('getPromotion');
    return copy(this.promotions.get(key(storeId, promotionId)));
  }

  async listPromotions(storeId: string) {
    this.count('listPromotions');
    return [...this.promotions.values()].filter((p) => p.storeId === storeId).sort(newestPromotionFirst).map((p) => copy(p)!);
  }

  async createPromotion(promotion: PromotionRecord) {
    this.count('createPromotion');
    const k = key(promotion.storeId, promotion.id);
    if (this.promotions.has(k)) return false;
    this.promotions.set(k, copy(promotion)!);
    return true;
  }

  async adjustPromotionSpent(storeId: string, promotionId: string, delta: number) {
    this.count('adjustPromotionSpent');
    const current = this.promotions.get(key(storeId, promotionId));
    if (!current || current.totalBudget - current.spentAmount < delta || current.spentAmount < -delta) return false;
    current.spentAmount += delta;
    return true;
  }

  async setPromotionState(storeId: string, promotionId: string, change: { pausedAt?: string | null; terminatedAt?: string }) {
    this.count('setPromotionState');
    const current = this.promotions.get(key(storeId, promotionId));
    if (!current || current.terminatedAt !== undefined) return false;
    if (change.pausedAt === null) delete current.pausedAt;
    else if (change.pausedAt !== undefined) current.pausedAt = change.pausedAt;
    if (change.terminatedAt !== undefined) current.terminatedAt = change.terminatedAt;
    return true;
  }

  // ── checkout profiles and payment sessions (keyed alone: no store in their key) ──
  async getCheckoutProfile(profileKey: string) {
    this.count('getCheckoutProfile');
    return copy(this.checkoutProfiles.get(profileKey));
  }

  async listCheckoutProfiles(storeId: string) {
    this.count('listCheckoutProfiles');
    return [...this.checkoutProfiles.values()].filter((p) => p.storeId === storeId).sort(newestProfileFirst).map((p) => copy(p));
  }

  async createCheckoutProfile(profile: CheckoutProfileRecord) {
    this.count('createCheckoutProfile');
    if (this.checkoutProfiles.has(profile.profileKey)) return false;
    this.checkoutProfiles.set(profile.profileKey, copy(profile));
    return true;
  }

  async deleteCheckoutProfile(storeId: string, profileKey: string) {
    this.count('deleteCheckoutProfile');
    if (this.checkoutProfiles.get(profileKey)?.storeId !== storeId) return false;
    return this.checkoutProfiles.delete(profileKey);
  }

  async getPaymentSession(sessionId: string) {
    this.count('getPaymentSession');
    return copy(this.paymentSessions.get(sessionId));
  }

  async createPaymentSession(session: PaymentSessionRecord) {
    this.count('createPaymentSession');
    if (this.paymentSessions.has(session.id)) return false;
    this.paymentSessions.set(session.id, copy(session));
    return true;
  }

  async closePaymentSession(sessionId: string, closedAt: string) {
    this.count('closePaymentSession');
    const current = this.paymentSessions.get(sessionId);
    if (!current || current.closedAt !== undefined) return false;
    current.closedAt = closedAt;
    return true;
  }

  // ── billing keys and payment schedules ──
  async getBillingKey(storeId: string, billingKey: string) {
    this.count('getBillingKey');
    return copy(this.billingKeys.get(key(storeId, billingKey)));
  }

  async queryBillingKeys(storeId: string, query: BillingListQuery): Promise<Page<BillingKeyRecord>> {
    this.count('queryBillingKeys');
    const rows = [...this.billingKeys.values()].filter((k) => k.storeId === storeId).map((k) => ({ sortKey: timeSortKey(k.requestedAt, k.billingKey), record: k }));
    return page(rows, query.descending, query.limit, query.after);
  }

  async commitBillingKey(billingKey: BillingKeyRecord, expectedVersion: number | null, outbox: OutboxEvent[] = []) {
    this.count('commitBillingKey');
    const k = key(billingKey.storeId, billingKey.billingKey);
    const current = this.billingKeys.get(k);
    if (expectedVersion === null ? current !== undefined : current?.version !== expectedVersion) {
      throw new ConcurrentModificationError(`billing key ${billingKey.billingKey}`, copy(current));
    }
    if (outbox.some((e) => this.outbox.has(outboxKey(e)))) throw new ConcurrentModificationError(`billing key ${billingKey.billingKey}`);
    const version = (expectedVersion ?? 0) + 1;
    this.billingKeys.set(k, copy({ ...billingKey, version }));
    for (const e of outbox) this.outbox.set(outboxKey(e), copy(e));
    billingKey.version = version;
  }

  async getPaymentSchedule(storeId: string, scheduleId: string) {
    this.count('getPaymentSchedule');
    return copy(this.schedules.get(key(storeId, scheduleId)));
  }

  async querySchedules(storeId: string, query: BillingListQuery): Promise<Page<PaymentScheduleRecord>> {
    this.count('querySchedules');
    const rows = [...this.schedules.values()].filter((s) => s.storeId === storeId).map((s) => ({ sortKey: timeSortKey(s.timeToPay, s.scheduleId), record: s }));
    return page(rows, query.descending, query.limit, query.after);
  }

  async listBillingKeySchedules(storeId: string, billingKey: string) {
    this.count('listBillingKeySchedules');
    return [...this.schedules.values()]
      .filter((s) => s.storeId === storeId && s.billingKey === billingKey)
      .sort(by((s) => timeSortKey(s.timeToPay, s.scheduleId)))
      .map((s) => copy(s));
  }

  async getPaymentScheduleId(storeId: string, paymentId: string) {
    this.count('getPaymentScheduleId');
    return this.scheduledPayments.get(key(storeId, paymentId));
  }

  async createSchedule(schedule: PaymentScheduleRecord, timer: TimerRecord, billingKeyVersion: number): Promise<CreateScheduleResult> {
    this.count('createSchedule');
    const owner = this.billingKeys.get(key(schedule.storeId, schedule.billingKey));
    if (this.schedules.has(key(schedule.storeId, schedule.scheduleId)) || this.timers.has(key(timer.storeId, timer.timerId))) return 'BILLING_KEY_CHANGED';
    if (this.scheduledPayments.has(key(schedule.storeId, schedule.paymentId))) return 'PAYMENT_ALREADY_SCHEDULED';
    if (!owner || owner.version !== billingKeyVersion || owner.status !== 'ISSUED') return 'BILLING_KEY_CHANGED';
    this.schedules.set(key(schedule.storeId, schedule.scheduleId), copy({ ...schedule, version: 1 }));
    this.scheduledPayments.set(key(schedule.storeId, schedule.paymentId), schedule.scheduleId);
    this.timers.set(key(timer.storeId, timer.timerId), copy(timer));
    owner.version = billingKeyVersion + 1;
    schedule.version = 1;
    return 'CREATED';
  }

  async saveSchedules(storeId: string, changes: ScheduleChange[]) {
    this.count('saveSchedules');
    for (const c of changes) {
      if (this.schedules.get(key(storeId, c.schedule.scheduleId))?.version !== c.expectedVersion) return false;
      if (c.settleTimer && this.timers.get(key(storeId, c.settleTimer.timerId))?.state !== 'PENDING') return false;
      if (c.releasePaymentId && this.scheduledPayments.get(key(storeId, c.schedule.paymentId)) !== c.schedule.scheduleId) return false;
    }
    for (const c of changes) {
      this.schedules.set(key(storeId, c.schedule.scheduleId), copy({ ...c.schedule, version: c.expectedVersion + 1 }));
      if (c.settleTimer) this.settle(storeId, c.settleTimer.timerId, c.settleTimer.state, c.settleTimer.at);
      if (c.releasePaymentId) this.scheduledPayments.delete(key(storeId, c.schedule.paymentId));
      c.schedule.version = c.expectedVersion + 1;
    }
    return true;
  }

  // ── store reset ──
  async recordFault(entry: FaultLogEntry) {
    this.count('recordFault');
    this.faults.push(structuredClone(entry));
  }

  async listFaults(storeId: string, query: { paymentId?: string; limit: number }) {
    this.count('listFaults');
    return this.faults
      .filter((f) => f.storeId === storeId && (query.paymentId === undefined || f.paymentId === query.paymentId))
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.faultId < b.faultId ? 1 : -1))
      .slice(0, query.limit)
      .map((f) => structuredClone(f));
  }

  async putPaymentReference(storeId: string, reference: PaymentReference, paymentId: string) {
    this.count('putPaymentReference');
    this.paymentReferences.set(key(storeId, reference.kind, reference.value), paymentId);
  }

  async findPaymentReference(storeId: string, reference: PaymentReference) {
    this.count('findPaymentReference');
    return this.paymentReferences.get(key(storeId, reference.kind, reference.value));
  }

  async getPaymentwallDelivery(storeId: string, paymentId: string) {
    this.count('getPaymentwallDelivery');
    return copy(this.paymentwallDeliveries.get(key(storeId, paymentId)));
  }

  async savePaymentwallDelivery(storeId: string, paymentId: string, record: PaymentwallDeliveryRecord) {
    this.count('savePaymentwallDelivery');
    const stored = this.paymentwallDeliveries.get(key(storeId, paymentId));
    if ((stored?.registrations ?? 0) !== record.registrations - 1) return false;
    this.paymentwallDeliveries.set(key(storeId, paymentId), copy(record));
    return true;
  }

  async recordProbeRead(storeId: string, paymentId: string) {
    this.count('recordProbeRead');
    this.probeReads.set(key(storeId, paymentId), (this.probeReads.get(key(storeId, paymentId)) ?? 0) + 1);
  }

  async countProbeReads(storeId: string, paymentId: string) {
    this.count('countProbeReads');
    return this.probeReads.get(key(storeId, paymentId)) ?? 0;
  }

  async deleteStoreItems(storeId: string, kinds: readonly StoreDataKind[]) {
    this.count('deleteStoreItems');
    let deleted = 0;
    const sweep = <T extends { storeId: string }>(map: Map<string, T>) => {
      for (const [k, v] of map) if (v.storeId === storeId && map.delete(k)) deleted++;
    };
    if (kinds.includes('PAYMENT')) {
      sweep(this.payments);
      for (const k of this.probeReads.keys()) if ((JSON.parse(k) as string[])[0] === storeId) this.probeReads.delete(k);
      for (const k of this.paymentReferences.keys()) if ((JSON.parse(k) as string[])[0] === storeId) this.paymentReferences.delete(k);
      for (const k of this.paymentwallDeliveries.keys()) if ((JSON.parse(k) as string[])[0] === storeId) this.paymentwallDeliveries.delete(k);
      // Derived from payments, so not counted (as the adapter does not count them).
      for (const [k, e] of this.paymentEvents) if (e.storeId === storeId) this.paymentEvents.delete(k);
    }
    if (kinds.includes('TIMER')) sweep(this.timers);
    if (kinds.includes('FAULT')) {
      const kept = this.faults.filter((f) => f.storeId !== storeId);
      deleted += this.faults.length - kept.length;
      this.faults.splice(0, this.faults.length, ...kept);
    }
    if (kinds.includes('OUTBOX')) sweep(this.outbox);
    if (kinds.includes('IDENTITY_VERIFICATION')) sweep(this.identityVerifications);
    if (kinds.includes('CASH_RECEIPT')) sweep(this.cashReceipts);
    if (kinds.includes('PROMOTION')) sweep(this.promotions);
    if (kinds.includes('BILLING')) {
      sweep(this.billingKeys);
      sweep(this.schedules);
      for (const k of this.scheduledPayments.keys()) if ((JSON.parse(k) as string[])[0] === storeId) this.scheduledPayments.delete(k);
    }
    return deleted;
  }

  private settle(storeId: string, timerId: string, state: 'FIRED' | 'CANCELLED', at: string) {
    const timer = this.timers.get(key(storeId, timerId))!;
    this.timers.set(key(storeId, timerId), { ...timer, state, ...(state === 'FIRED' ? { firedAt: at } : { cancelledAt: at }) });
  }
}

const key = (...parts: string[]) => JSON.stringify(parts);
const outboxKey = (e: Pick<OutboxEvent, 'storeId' | 'paymentId' | 'eventId'>) => key(e.storeId, e.paymentId, e.eventId);
const copy = <T>(value: T): T => (value === undefined ? value : structuredClone(value));
const by =
  <T>(f: (t: T) => string) =>
  (a: T, b: T) =>
    f(a) < f(b) ? -1 : f(a) > f(b) ? 1 : 0;

/** Sorted rows after the `after` position, `limit` of them; positions are the rows' sort keys. */
function page<T>(rows: { sortKey: string; record: T }[], descending: boolean, limit: number, after?: string): Page<T> {
  rows.sort(by((r) => r.sortKey));
  if (descending) rows.reverse();
  let start = 0;
  if (after !== undefined) {
    let last: string;
    try {
      last = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as string;
      if (typeof last !== 'string') throw new Error();
    } catch {
      throw invalidRequest('cursor: not a cursor this API issued');
    }
    start = rows.findIndex((r) => (descending ? r.sortKey < last : r.sortKey > last));
    if (start === -1) start = rows.length;
  }
  const slice = rows.slice(start, start + limit);
  const positions = slice.map((r) => Buffer.from(JSON.stringify(r.sortKey), 'utf8').toString('base64url'));
  const more = start + limit < rows.length;
  return { items: slice.map((r) => copy(r.record)), positions, ...(more ? { next: positions[positions.length - 1] } : {}) };
}
