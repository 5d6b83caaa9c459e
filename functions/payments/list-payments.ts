import { invalidRequest } from '../domain/errors.ts';
import type { PaymentRecord } from '../domain/payment.ts';
import type { PaymentFilter } from '../http/portone/schemas.ts';
import type { Services } from '../services.ts';

/** PortOne's list filter spells the pending status `PENDING`; the payment itself says PAY_PENDING. */
const filterStatus = (s: string) => (s === 'PENDING' ? 'PAY_PENDING' : s);

const METHOD_TYPE: Record<string, string> = {
  PaymentMethodCard: 'CARD',
  PaymentMethodVirtualAccount: 'VIRTUAL_ACCOUNT',
  PaymentMethodEasyPay: 'EASY_PAY',
  PaymentMethodTransfer: 'TRANSFER',
  PaymentMethodMobile: 'MOBILE',
};

export function matchesFilter(p: PaymentRecord, f: PaymentFilter | undefined): boolean {
  if (!f) return true;
  if (f.status && !f.status.map(filterStatus).includes(p.status)) return false;
  if (f.isTest === false) return false; // every sandbox payment is a test payment
  if (f.pgProvider && (!p.channel || !f.pgProvider.includes(p.channel.pgProvider))) return false;
  if (f.methods) {
    const type = METHOD_TYPE[String(p.method?.type ?? '')];
    if (!type || !f.methods.includes(type)) return false;
  }
  if (f.currency && f.currency !== p.currency) return false;
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

export function sortPayments(items: PaymentRecord[], f: PaymentFilter | undefined): PaymentRecord[] {
  const key = f?.sortBy === 'STATUS_CHANGED_AT' ? 'statusChangedAt' : 'requestedAt';
  const dir = f?.sortOrder === 'ASC' ? 1 : -1;
  return items.sort((a, b) => (a[key] < b[key] ? -dir : a[key] > b[key] ? dir : a.paymentId < b.paymentId ? -dir : dir));
}

/** PortOne's paging: number from 0, default size 10, `(number + 1) * size ≤ 60,000`. */
export async function listPayments(services: Services, storeId: string, page: { number?: number; size?: number } = {}, filter?: PaymentFilter) {
  const number = page.number ?? 0;
  const size = page.size ?? 10;
  const all = sortPayments((await services.repo.listPayments(storeId)).filter((p) => matchesFilter(p, filter)), filter);
  return { items: all.slice(number * size, number * size + size), page: { number, size, totalCount: all.length } };
}

/**
 * PortOne's payments-by-cursor: every payment *created* (requestedAt) in [from, until), oldest
 * first, for reconciliation. `until` defaults to the store's now, `from` to 90 days before it. The
 * cursor is opaque: base64url of the last item's sort key.
 */
export async function listPaymentsByCursor(
  services: Services,
  storeId: string,
  now: Date,
  input: { from?: string; until?: string; cursor?: string; size?: number },
) {
  const size = input.size ?? 10;
  const until = input.until ? new Date(input.until) : now;
  const from = input.from ? new Date(input.from) : new Date(until.getTime() - 90 * 24 * 3600 * 1000);
  const key = (p: PaymentRecord) => `${p.requestedAt}|${p.paymentId}`;
  let after: string | undefined;
  if (input.cursor) {
    after = Buffer.from(input.cursor, 'base64url').toString('utf8');
    if (!after.includes('|')) throw invalidRequest('cursor: not a cursor this API issued');
  }
  return (await services.repo.listPayments(storeId))
    .filter((p) => p.requestedAt >= from.toISOString() && p.requestedAt < until.toISOString())
    .sort((a, b) => (key(a) < key(b) ? -1 : 1))
    .filter((p) => !after || key(p) > after)
    .slice(0, size)
    .map((p) => ({ payment: p, cursor: Buffer.from(key(p), 'utf8').toString('base64url') }));
}
