import { pgCompanyOf } from '../domain/profiles/index.ts';
import type { CashReceiptRecord, CashReceiptType } from '../domain/cash-receipt.ts';
import type { CashReceiptOrder } from '../ports/cash-receipt-repository.ts';
import type { Services } from '../services.ts';

type TimeField = 'ISSUED_AT' | 'CANCELLED_AT' | 'STATUS_UPDATED_AT';

/** PortOne's `CashReceiptFilterInput`, as this use case understands it (the HTTP schema is checked against it). */
export interface CashReceiptFilter {
  storeId?: string;
  timeRangeField?: TimeField;
  from?: string;
  until?: string;
  paymentId?: string;
  isTest?: boolean;
  orderName?: string;
  statuses?: ('ISSUED' | 'CANCELLED' | 'FAILED')[];
  isManual?: boolean;
  pgReceiptId?: string;
  pgMerchantId?: string;
  pgProviders?: string[];
  /** OAS `PgCompany` (the PG without its API generation: INICIS for INICIS_V2). */
  pgCompanies?: string[];
  /** Every sandbox receipt is a V2 one. */
  version?: 'V1' | 'V2';
  types?: CashReceiptType[];
}

export interface CashReceiptSort {
  by?: TimeField;
  order?: 'ASC' | 'DESC';
}

const READ_PAGE = 100;
const DAY_MS = 24 * 3600 * 1000;

/**
 * getCashReceipts: PortOne's page (number from 0, size 10) of the receipts whose `timeRangeField`
 * (issue time by default) lies in [from, until) — until defaults to now, from to 90 days before —
 * and that match the filter, sorted as asked (newest issue first by default). Reads the time range
 * from its index (O(range), as a filtered getPayments does) to count the matches.
 * A CANCELLED_AT range is the status-update range of cancelled receipts: a cancelled receipt's
 * status last changed when it was cancelled.
 */
export async function listCashReceipts(
  services: Services,
  storeId: string,
  now: Date,
  input: { page?: { number?: number; size?: number }; sort?: CashReceiptSort; filter?: CashReceiptFilter },
): Promise<{ items: CashReceiptRecord[]; page: { number: number; size: number; totalCount: number } }> {
  const f = input.filter ?? {};
  const field = f.timeRangeField ?? 'ISSUED_AT';
  const until = f.until ?? now.toISOString();
  const from = f.from ?? new Date(Date.parse(until) - 90 * DAY_MS).toISOString();
  const order: CashReceiptOrder = field === 'ISSUED_AT' ? 'ISSUED_AT' : 'STATUS_UPDATED_AT';
  const matches: CashReceiptRecord[] = [];
  let after: string | undefined;
  do {
    const out = await services.repo.queryCashReceipts(storeId, { order, descending: false, from, until, limit: READ_PAGE, after });
    for (const r of out.items) if (matchesFilter(r, f) && (field !== 'CANCELLED_AT' || r.status === 'CANCELLED')) matches.push(r);
    after = out.next;
  } while (after);

  const by = input.sort?.by ?? 'ISSUED_AT';
  const sign = (input.sort?.order ?? 'DESC') === 'DESC' ? -1 : 1;
  const key = (r: CashReceiptRecord) => (by === 'ISSUED_AT' ? r.issuedAt : by === 'CANCELLED_AT' ? (r.cancelledAt ?? '') : r.statusUpdatedAt);
  matches.sort((a, b) => sign * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.paymentId < b.paymentId ? -1 : 1));

  const number = input.page?.number ?? 0;
  const size = input.page?.size ?? 10;
  return { items: matches.slice(number * size, (number + 1) * size), page: { number, size, totalCount: matches.length } };
}

function matchesFilter(r: CashReceiptRecord, f: CashReceiptFilter): boolean {
  // Every receipt of the sandbox is a test one.
  if (f.isTest === false) return false;
  if (f.paymentId !== undefined && r.paymentId !== f.paymentId) return false;
  if (f.orderName !== undefined && !r.orderName.includes(f.orderName)) return false;
  // The sandbox never keeps a FAILED receipt: an issuance it refuses writes nothing.
  if (f.statuses?.length && !f.statuses.includes(r.status)) return false;
  if (f.isManual !== undefined && r.isManual !== f.isManual) return false;
  if (f.pgReceiptId !== undefined && r.pgReceiptId !== f.pgReceiptId) return false;
  if (f.pgMerchantId !== undefined && r.channel.pgMerchantId !== f.pgMerchantId) return false;
  if (f.pgProviders?.length && !f.pgProviders.includes(r.channel.pgProvider)) return false;
  if (f.pgCompanies?.length && !f.pgCompanies.includes(pgCompanyOf(r.channel.pgProvider))) return false;
  if (f.version === 'V1') return false;
  if (f.types?.length && !f.types.includes(r.type)) return false;
  return true;
}
