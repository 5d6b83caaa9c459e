import { invalidRequest } from '../domain/errors.ts';
import type { PaymentRecord } from '../domain/payment.ts';
import type { PaymentOrder, PaymentQuery } from '../ports/repository.ts';
import type { Services } from '../services.ts';
import { attemptStatus, sortByCreation } from '../webhooks/present.ts';
import { presentEscrow } from './escrow.ts';

/**
 * PortOne's `PaymentFilterInput`, as this use case understands it. The HTTP schema
 * (http/portone/schemas.ts) is checked against this type, not the other way round.
 */
export interface PaymentFilter {
  merchantId?: string;
  storeId?: string;
  timestampType?: 'CREATED_AT' | 'STATUS_CHANGED_AT';
  from?: string;
  until?: string;
  status?: string[];
  methods?: string[];
  pgProvider?: string[];
  isTest?: boolean;
  /** Only payments a payment schedule made (true), or none of them (false). */
  isScheduled?: boolean;
  sortBy?: PaymentOrder;
  sortOrder?: 'DESC' | 'ASC';
  currency?: string;
  /** PortOne's API generation: every sandbox payment is a V2 payment. */
  version?: 'V1' | 'V2';
  /** The status of the payment's latest webhook (its delivery log's newest entry). */
  webhookStatus?: 'SUCCEEDED' | 'FAILED_NOT_OK_RESPONSE' | 'FAILED_UNEXPECTED_ERROR';
  /** Where it was requested from: PortOne's `PaymentClientType`. */
  platformType?: 'SDK_MOBILE' | 'SDK_PC' | 'API';
  isEscrow?: boolean;
  /** The escrow status getPayment shows (`escrow.status`). */
  escrowStatus?: 'REGISTERED' | 'DELIVERED' | 'CONFIRMED' | 'REJECTED' | 'CANCELLED' | 'REJECT_CONFIRMED';
  /** Card payments' card (`method.card`). */
  cardBrand?: string;
  cardType?: string;
  cardOwnerType?: string;
  giftCertificateType?: string;
  /** The type of the cash receipt issued with it; NO_RECEIPT: none issued. */
  cashReceiptType?: 'PERSONAL' | 'CORPORATE' | 'NO_RECEIPT';
  cashReceiptStatus?: 'ISSUED' | 'CANCELLED';
  cashReceiptIssuedAtRange?: TimeRange;
  cashReceiptCancelledAtRange?: TimeRange;
  textSearch?: { field: string; value: string }[];
}

/** PortOne's `DateTimeRange`: `from` inclusive, `until` exclusive. */
export interface TimeRange {
  from: string;
  until: string;
}

const within = (at: string | undefined, range: TimeRange | undefined): boolean =>
  range === undefined || (at !== undefined && at >= new Date(range.from).toISOString() && at < new Date(range.until).toISOString());

const PLATFORM_TYPE = { MOBILE: 'SDK_MOBILE', PC: 'SDK_PC', API: 'API' } as const;

/** PortOne's list filter spells the pending status `PENDING`; the payment itself says PAY_PENDING. */
const filterStatus = (s: string) => (s === 'PENDING' ? 'PAY_PENDING' : s);

const METHOD_TYPE: Record<string, string> = {
  PaymentMethodCard: 'CARD',
  PaymentMethodVirtualAccount: 'VIRTUAL_ACCOUNT',
  PaymentMethodEasyPay: 'EASY_PAY',
  PaymentMethodTransfer: 'TRANSFER',
  PaymentMethodMobile: 'MOBILE',
  PaymentMethodGiftCertificate: 'GIFT_CERTIFICATE',
  PaymentMethodConvenienceStore: 'CONVENIENCE_STORE',
};

export function matchesFilter(p: PaymentRecord, f: PaymentFilter | undefined): boolean {
  if (!f) return true;
  if (f.status && !f.status.map(filterStatus).includes(p.status)) return false;
  if (f.isTest === false) return false; // every sandbox payment is a test payment
  if (f.isScheduled !== undefined && f.isScheduled !== (p.scheduleId !== undefined)) return false;
  if (f.pgProvider && (!p.channel || !f.pgProvider.includes(p.channel.pgProvider))) return false;
  if (f.methods) {
    const type = METHOD_TYPE[String(p.method?.type ?? '')];
    if (!type || !f.methods.includes(type)) return false;
  }
  if (f.currency && f.currency !== p.currency) return false;
  if (f.version === 'V1') return false;
  if (f.platformType && f.platformType !== PLATFORM_TYPE[p.origin.platformType]) return false;
  if (f.isEscrow !== undefined && f.isEscrow !== Boolean(p.isEscrow)) return false;
  if (f.escrowStatus && f.escrowStatus !== presentEscrow(p)?.status) return false;
  if (!matchesMethodDetails(p, f)) return false;
  if (!matchesCashReceipt(p, f)) return false;
  const stamp = f.timestampType === 'STATUS_CHANGED_AT' ? p.statusChangedAt : p.requestedAt;
  if (f.from && stamp < new Date(f.from).toISOString()) return false;
  if (f.until && stamp >= new Date(f.until).toISOString()) return false;
  if (f.textSearch) {
    for (const { field, value } of f.textSearch) {
      const hay = textField(p, field);
      if (hay === undefined || !hay.includes(value)) return false;
    }
  }
  return true;
}

/** The card and gift-certificate filters: only payments made that way match them. */
function matchesMethodDetails(p: PaymentRecord, f: PaymentFilter): boolean {
  const card = p.method?.type === 'PaymentMethodCard' ? (p.method.card as { brand?: string; type?: string; ownerType?: string } | undefined) : undefined;
  if (f.cardBrand && card?.brand !== f.cardBrand) return false;
  if (f.cardType && card?.type !== f.cardType) return false;
  if (f.cardOwnerType && card?.ownerType !== f.cardOwnerType) return false;
  if (f.giftCertificateType && (p.method?.type !== 'PaymentMethodGiftCertificate' || p.method.giftCertificateType !== f.giftCertificateType)) return false;
  return true;
}

/** The cash receipt (현금영수증) filters, on the receipt issued with the payment. */
function matchesCashReceipt(p: PaymentRecord, f: PaymentFilter): boolean {
  const receipt = p.cashReceipt;
  if (f.cashReceiptType && (f.cashReceiptType === 'NO_RECEIPT' ? receipt !== undefined : receipt?.type !== f.cashReceiptType)) return false;
  if (f.cashReceiptStatus && receipt?.status !== f.cashReceiptStatus) return false;
  if (!within(receipt?.issuedAt, f.cashReceiptIssuedAtRange)) return false;
  if (!within(receipt?.cancelledAt, f.cashReceiptCancelledAtRange)) return false;
  return true;
}

/** The webhook filter needs the payment's delivery log, so it is checked after the others, on what they kept. */
async function matchesWebhookStatus(services: Services, p: PaymentRecord, wanted: PaymentFilter['webhookStatus']): Promise<boolean> {
  if (wanted === undefined) return true;
  if (p.hasWebhooks === false) return false;
  const latest = sortByCreation(await services.repo.listOutbox(p.storeId, p.paymentId)).at(-1);
  const attempt = latest?.attempts.at(-1);
  return attempt !== undefined && attemptStatus(attempt) === wanted;
}

function textField(p: PaymentRecord, field: string): string | undefined {
  switch (field) {
    case 'PAYMENT_ID':
      return p.paymentId;
    case 'TX_ID':
      return p.transactionId;
    case 'ORDER_NAME':
      return p.orderName;
    case 'PG_TX_ID':
      return p.pgTxId;
    case 'ALL':
      return [p.paymentId, p.transactionId, p.orderName, p.pgTxId].join(' ');
    default:
      return undefined;
  }
}

/** Filter values every sandbox payment matches: the owner, the order, and what all of them are. */
const MATCHES_ALL: Partial<Record<string, (value: unknown) => boolean>> = {
  merchantId: () => true,
  storeId: () => true,
  timestampType: () => true,
  sortBy: () => true,
  sortOrder: () => true,
  isTest: (value) => value === true,
  version: (value) => value === 'V2',
};

/** True when the filter may leave out some of the store's payments (so the total must be counted). */
function narrows(f: PaymentFilter | undefined): boolean {
  return Object.entries(f ?? {}).some(([field, value]) => value !== undefined && !MATCHES_ALL[field]?.(value));
}

/** Reading ahead in bigger pages than asked pays off when a filter discards most of what is read. */
const READ_PAGE = 100;

/**
 * PortOne's paging: number from 0, default size 10, `(number + 1) * size ≤ 60,000`.
 *
 * Reads the store's payments in the asked order from the time index, one index page at a time,
 * until the asked page is full: O(page) without a filter. The total is the store's payment counter
 * without a filter; with one it is counted by reading every payment in the filter's time range
 * (O(range)), as nothing else can know it.
 */
export async function listPayments(services: Services, storeId: string, page: { number?: number; size?: number } = {}, filter?: PaymentFilter) {
  const number = page.number ?? 0;
  const size = page.size ?? 10;
  const wanted = (number + 1) * size;
  const query = paymentQuery(filter);
  const countAll = narrows(filter);
  const matches: PaymentRecord[] = [];
  let seen = 0;
  let after: string | undefined;
  do {
    const limit = countAll ? READ_PAGE : Math.min(READ_PAGE, Math.max(wanted - matches.length, 1) + 1);
    const out = await services.repo.queryPayments(storeId, { ...query, limit, after });
    for (const p of out.items) {
      if (!matchesFilter(p, filter) || !(await matchesWebhookStatus(services, p, filter?.webhookStatus))) continue;
      seen++;
      if (matches.length < wanted) matches.push(p);
    }
    after = out.next;
  } while (after && (countAll || matches.length < wanted));
  const totalCount = countAll ? seen : await services.repo.countPayments(storeId);
  return { items: matches.slice(number * size, wanted), page: { number, size, totalCount } };
}

/** The index range that holds every payment the filter can match, in the filter's order. */
function paymentQuery(f: PaymentFilter | undefined): Omit<PaymentQuery, 'limit' | 'after'> {
  const order: PaymentOrder = f?.sortBy === 'STATUS_CHANGED_AT' ? 'STATUS_CHANGED_AT' : 'REQUESTED_AT';
  const rangeOrder: PaymentOrder = f?.timestampType === 'STATUS_CHANGED_AT' ? 'STATUS_CHANGED_AT' : 'REQUESTED_AT';
  const bounded = order === rangeOrder;
  return {
    order,
    descending: f?.sortOrder !== 'ASC',
    ...(bounded && f?.from ? { from: new Date(f.from).toISOString() } : {}),
    ...(bounded && f?.until ? { until: new Date(f.until).toISOString() } : {}),
  };
}

/**
 * PortOne's payments-by-cursor: every payment *created* (requestedAt) in [from, until), oldest
 * first, for reconciliation. `until` defaults to the store's now, `from` to 90 days before it. The
 * cursor is opaque (the repository's page token); one call reads one index page.
 */
export async function listPaymentsByCursor(
  services: Services,
  storeId: string,
  now: Date,
  input: CursorInput,
) {
  const out = await services.repo.queryPayments(storeId, { order: 'REQUESTED_AT', descending: false, ...cursorWindow(now, input) });
  return out.items.map((payment, i) => ({ payment, cursor: out.positions[i]! }));
}

/** The input of PortOne's cursor lists (payments, payment events). */
export interface CursorInput {
  from?: string;
  until?: string;
  cursor?: string;
  size?: number;
}

/**
 * PortOne's window of a cursor list: `until` defaults to now, `from` to 90 days before `until`,
 * the size to 10; the cursor resumes after the item it came with.
 */
export function cursorWindow(now: Date, input: CursorInput): { from: string; until: string; limit: number; after?: string } {
  const until = input.until ? new Date(input.until) : now;
  const from = input.from ? new Date(input.from) : new Date(until.getTime() - 90 * 24 * 3600 * 1000);
  if (input.cursor !== undefined && input.cursor.length === 0) throw invalidRequest('cursor: not a cursor this API issued');
  return { from: from.toISOString(), until: until.toISOString(), limit: input.size ?? 10, after: input.cursor };
}
