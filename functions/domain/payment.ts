/**
 * A payment as pg-sandbox keeps it: PortOne's view (what `GET /payments/{id}` shows) and the PG's
 * view (what the PG really did with the money) in one record, so one conditional write changes
 * both consistently. The two diverge in test mode on purpose: a PG's nightly batch void (매입 전
 * 일괄취소) changes only the PG view.
 */
import type { ConfirmCall } from './confirm-process.ts';
import type { AutoRefundRule, MethodKind } from './profiles/types.ts';
import type { ChannelMode } from './store.ts';
import type { PendingConfirm } from './manual-confirm.ts';
import type { EscrowRecord } from './escrow.ts';
import type { Dispute } from './dispute.ts';
import type { PaymentPromotion } from './promotion.ts';
import type { CashReceiptRequest, PaymentCashReceipt } from './cash-receipt.ts';

export type PaymentStatus =
  | 'READY'
  | 'PAY_PENDING'
  | 'VIRTUAL_ACCOUNT_ISSUED'
  | 'PAID'
  | 'FAILED'
  | 'PARTIAL_CANCELLED'
  | 'CANCELLED';

/** One list of methods: the profiles' (profiles/types.ts). */
export type { MethodKind } from './profiles/types.ts';

export interface ChannelRef {
  type: 'TEST' | 'LIVE';
  id: string;
  key: string;
  name: string;
  pgProvider: string;
  pgMerchantId: string;
}

/**
 * One cancel of a payment. Most PGs answer a cancel at once (`SUCCEEDED`). An asynchronous cancel
 * (PortOne's `RequestedPaymentCancellation`; docs/async-cancel.md) is `REQUESTED` until the PG
 * answers later, then `SUCCEEDED` or `FAILED`; stopPaymentCancellation ends it `FAILED` too.
 */
export interface Cancellation {
  status: CancellationStatus;
  id: string;
  pgCancellationId: string;
  totalAmount: number;
  taxFreeAmount: number;
  vatAmount: number;
  reason: string;
  /** When the money went back: set once `SUCCEEDED` (PortOne leaves it out on the other states). */
  cancelledAt?: string;
  requestedAt: string;
  trigger: 'API' | 'CONSOLE';
  requester?: 'CUSTOMER' | 'ADMIN';
  /** Sandbox only, never shown: how a `REQUESTED` cancellation ends, decided when it was accepted. */
  pending?: PendingCancel;
  /** Sandbox only, never shown: why it ended `FAILED` (the PG's refusal, or stopped by the merchant). */
  failure?: { pgCode?: string; pgMessage?: string; stoppedAt?: string; at: string };
}

export type CancellationStatus = 'REQUESTED' | 'SUCCEEDED' | 'FAILED';

/** What an asynchronous cancel will do when its completion timer fires. */
export interface PendingCancel {
  /** Store time the PG answers. */
  dueAt: string;
  /** What the PG will answer (a fault rule or the PG's profile decided it). */
  outcome: 'SUCCEEDED' | 'FAILED';
  timerId: string;
  /** The request's own choices, applied on completion. */
  skipWebhook?: boolean;
  refundAccount?: AccountRefund['refundAccount'];
}

/** Money already given back: the cancellations that succeeded (a pending or failed one moved none). */
export const succeededCancellations = (p: Pick<PaymentRecord, 'cancellations'>): Cancellation[] =>
  p.cancellations.filter((c) => c.status === 'SUCCEEDED');

/** The cancellation still waiting for the PG, if any: at most one at a time. */
export const pendingCancellation = (p: Pick<PaymentRecord, 'cancellations'>): Cancellation | undefined =>
  p.cancellations.find((c) => c.status === 'REQUESTED');

/** The PG's side of the dual ledger. */
export interface PgView {
  /** Did the PG take real money (test card charged, easy-pay balance withdrawn)? */
  withdrawn: boolean;
  /** The auto-refund that applies to this very payment (after method exceptions and overrides). */
  autoRefund: AutoRefundRule;
  /** Human description of the rule, shown by the sandbox API and console. */
  ruleDescription: string;
  /** When the PG's batch voided it (PortOne is not told in test mode). */
  voidedAt?: string;
  /** Money the PG gave back (refunds through PortOne cancels). */
  refunded: number;
  /** Virtual accounts: real money received at the PG. Test mode never turns this into PAID. */
  depositReceived?: { amount: number; at: string; depositorName?: string };
  /** Virtual accounts: the console's 테스트 입금웹훅통지 marked it paid without money. */
  testDepositNotifiedAt?: string;
  easyPayViaGeneralPg?: boolean;
  /**
   * The PG's auto-refund timer while it is PENDING; null once none is pending. Kept here because it
   * changes only together with this record, so a cancel needs no timer read. Undefined on records
   * written before the field existed: read the timer then.
   */
  pendingVoidTimerId?: string | null;
  cardType?: 'CREDIT' | 'DEBIT' | 'GIFT';
  methodKind?: MethodKind;
  /**
   * The channel's mode when the payment was approved; absent = TEST. Kept on the payment so a later
   * mode change of the channel never changes the rules of a payment already made.
   */
  channelMode?: ChannelMode;
  /** Virtual-account refunds the PG paid out, each to the cancel request's `refundAccount` (live-like channels). */
  accountRefunds?: AccountRefund[];
  /** Manual capture (수동 매입): when capturePayment had the PG purchase the approval. */
  capturedAt?: string;
}

/** Money the PG sent back to a bank account (OAS `CancelPaymentBody.refundAccount`) for one cancellation. */
export interface AccountRefund {
  cancellationId: string;
  amount: number;
  at: string;
  refundAccount: { bank: string; number: string; holderName: string; holderPhoneNumber?: string };
}

export interface PaymentWebhookLog {
  id: string;
  status?: 'SUCCEEDED' | 'FAILED_NOT_OK_RESPONSE' | 'FAILED_UNEXPECTED_ERROR';
  paymentStatus?: PaymentStatus;
  url: string;
  isAsync?: boolean;
  currentExecutionCount?: number;
  maxExecutionCount?: number;
  trigger?: 'MANUAL' | 'VIRTUAL_ACCOUNT_DEPOSIT' | 'ASYNC_CANCEL_APPROVED' | 'ASYNC_CANCEL_FAILED' | 'ASYNC_PAY_APPROVED' | 'ASYNC_PAY_FAILED';
  request?: { header?: string; body: string; requestedAt?: string };
  response?: { code: string; header: string; body: string; respondedAt: string };
  triggeredAt?: string;
}

/**
 * The merchant's own words about the order, from PortOne's payment request: kept on the payment as
 * given and shown back by getPayment. Every way of paying carries them through {@link orderDetailsOf}.
 */
export interface OrderDetails {
  customer?: Record<string, unknown>;
  customData?: string;
  noticeUrls?: string[];
  isCulturalExpense?: boolean;
  isEscrow?: boolean;
  products?: unknown[];
  productCount?: number;
}

/** Exactly the order details of a request or a payment, nothing else it carries. */
export const orderDetailsOf = (from: OrderDetails): OrderDetails => ({
  customer: from.customer,
  customData: from.customData,
  noticeUrls: from.noticeUrls,
  isCulturalExpense: from.isCulturalExpense,
  isEscrow: from.isEscrow,
  products: from.products,
  productCount: from.productCount,
});

export interface PaymentRecord extends OrderDetails {
  storeId: string;
  merchantId: string;
  paymentId: string;
  transactionId: string;
  version: number;
  status: PaymentStatus;
  channel?: ChannelRef;
  orderName: string;
  currency: string;
  amount: {
    total: number;
    taxFree: number;
    vat: number;
    supply: number;
    discount: number;
    paid: number;
    cancelled: number;
    cancelledTaxFree: number;
  };
  /** Sum of cancellations' VAT, kept so the last cancel can take exactly what is left. */
  cancelledVat: number;
  method?: Record<string, unknown>;
  customer: Record<string, unknown>;
  /** Where the payment was requested from (API call, PC or mobile checkout). */
  origin: { platformType: 'API' | 'PC' | 'MOBILE'; ipAddress: string; userAgent?: string; url?: string };
  requestedAt: string;
  updatedAt: string;
  statusChangedAt: string;
  paidAt?: string;
  failedAt?: string;
  failure?: { reason?: string; pgCode?: string; pgMessage?: string };
  cancelledAt?: string;
  pgTxId?: string;
  receiptUrl?: string;
  cancellations: Cancellation[];
  webhooks: PaymentWebhookLog[];
  /**
   * Whether any outbox entry (delivery log) exists for it, so a read without webhooks skips the
   * outbox query. Only ever turns true. Undefined on records older than the field: look.
   */
  hasWebhooks?: boolean;
  /** Failed payment attempts on this paymentId so far (PortOne caps them). */
  failedAttempts?: number;
  /** Set by preRegisterPayment: a later payment must match. */
  preRegistered?: { totalAmount?: number; taxFreeAmount?: number; currency?: string };
  pg?: PgView;
  /** A payment made with a billing key (payWithBillingKey or a schedule): the key, as PortOne shows it. */
  billingKey?: string;
  /** The payment schedule that made this payment, if one did. */
  scheduleId?: string;
  /**
   * Earlier attempts (PortOne's transactions) on this paymentId that failed before this one
   * started, oldest first; at most LIMITS.failedAttempts, so the item stays within its budget.
   */
  pastAttempts?: PaymentAttempt[];
  /** How many of the payment's events (domain/payment-event.ts) are stored; undefined: none yet. */
  eventsRecorded?: number;
  /** Manual confirm: authenticated in the window, waiting for confirmPayment (domain/manual-confirm.ts). */
  pendingConfirm?: PendingConfirm;
  /** The confirm process (컨펌 프로세스): the call to the merchant's confirmUrl for this transaction (domain/confirm-process.ts). */
  confirmCall?: ConfirmCall;
  /** Escrow payments: the shipment registered and the purchase confirmation (domain/escrow.ts). */
  escrow?: EscrowRecord;
  /** Disputes (분쟁) raised on it, oldest first (sandbox API: docs/disputes.md); undefined: none. */
  disputes?: Dispute[];
  /** The card promotion the request named (`promotionId`) and the discount it holds (domain/promotion.ts). */
  promotion?: PaymentPromotion;
  /** The cash receipt (현금영수증) the buyer asked for with a transfer or virtual account; issued when it is PAID. */
  cashReceiptRequest?: CashReceiptRequest;
  /** That receipt once issued, as getPayment shows it (`cashReceipt`); written with the receipt itself, always. */
  cashReceipt?: PaymentCashReceipt;
}

/**
 * A failed attempt kept when another attempt replaces it: what differs per attempt. The order
 * itself (name, customer, products …) is the payment's, shown from the current record.
 */
export type PaymentAttempt = Pick<
  PaymentRecord,
  'transactionId' | 'status' | 'channel' | 'method' | 'amount' | 'currency' | 'requestedAt' | 'updatedAt' | 'statusChangedAt' | 'failedAt' | 'failure' | 'billingKey' | 'scheduleId'
>;

/** The attempt `existing` was, when a new attempt replaces it: only settled (failed) ones are kept. */
export function pastAttemptsAfter(existing: PaymentRecord | undefined): PaymentAttempt[] | undefined {
  if (existing?.status !== 'FAILED') return existing?.pastAttempts;
  const { transactionId, status, channel, method, amount, currency, updatedAt, statusChangedAt, failedAt, failure, billingKey, scheduleId } = existing;
  const attempt: PaymentAttempt = { transactionId, status, channel, method, amount, currency, requestedAt: existing.requestedAt, updatedAt, statusChangedAt, failedAt, failure, billingKey, scheduleId };
  return [...(existing.pastAttempts ?? []), attempt];
}

/**
 * The payment's current attempt ended FAILED at `at` (store time) for `failure`. A failed attempt
 * the merchant's own process caused (refused confirm, expired confirm) counts toward the attempt
 * limit; the customer closing the window does not.
 */
export function failedPayment(payment: PaymentRecord, at: string, failure: PaymentRecord['failure'], countsAsAttempt: boolean): PaymentRecord {
  return {
    ...structuredClone(payment),
    status: 'FAILED',
    failedAt: at,
    updatedAt: at,
    statusChangedAt: at,
    ...(countsAsAttempt ? { failedAttempts: (payment.failedAttempts ?? 0) + 1 } : {}),
    failure,
  };
}

export const isCancelled = (s: PaymentStatus) => s === 'CANCELLED' || s === 'PARTIAL_CANCELLED';
export const isPaidLike = (s: PaymentStatus) => s === 'PAID' || s === 'PARTIAL_CANCELLED';
