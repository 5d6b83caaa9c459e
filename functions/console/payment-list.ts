import type { PaymentRecord } from '../domain/payment.ts';
import { isDiverged, pgStatus } from '../domain/divergence.ts';
import { listPayments, type PaymentFilter } from '../payments/list-payments.ts';
import type { Services } from '../services.ts';

/** The console list's filters, as the query string carries them (one value each, all optional). */
export interface ConsoleListQuery {
  q?: string;
  status?: string;
  method?: string;
  pg?: string;
  page?: number;
}

export const PAGE_SIZE = 20;
export const STATUSES = ['READY', 'PAID', 'VIRTUAL_ACCOUNT_ISSUED', 'PARTIAL_CANCELLED', 'CANCELLED', 'FAILED'] as const;
export const METHODS = ['CARD', 'EASY_PAY', 'VIRTUAL_ACCOUNT'] as const;

export interface ConsoleListRow {
  payment: PaymentRecord;
  pgStatus: string;
  diverged: boolean;
}

/** PortOne's own list filter (the API's getPayments), plus each row's PG-side status. */
export function toFilter(q: ConsoleListQuery): PaymentFilter {
  const filter: PaymentFilter = {};
  if (q.status && (STATUSES as readonly string[]).includes(q.status)) filter.status = [q.status as (typeof STATUSES)[number]];
  if (q.method && (METHODS as readonly string[]).includes(q.method)) filter.methods = [q.method];
  if (q.pg) filter.pgProvider = [q.pg];
  if (q.q?.trim()) filter.textSearch = [{ field: 'ALL', value: q.q.trim() }];
  return filter;
}

export async function listForConsole(services: Services, storeId: string, q: ConsoleListQuery) {
  const page = Math.max(0, q.page ?? 0);
  const result = await listPayments(services, storeId, { number: page, size: PAGE_SIZE }, toFilter(q));
  const rows: ConsoleListRow[] = result.items.map((payment) => ({ payment, pgStatus: pgStatus(payment), diverged: isDiverged(payment) }));
  return { rows, page: result.page };
}
