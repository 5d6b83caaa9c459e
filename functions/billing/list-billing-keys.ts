import { pgCompanyOf } from '../domain/profiles/index.ts';
import { isVisibleBillingKey, type BillingKeyRecord } from '../domain/billing-key.ts';
import type { Page } from '../ports/repository.ts';
import type { Services } from '../services.ts';

/** PortOne's `BillingKeyFilterInput`, as far as a test sandbox has the data (the HTTP schema is checked against it). */
export interface BillingKeyFilter {
  storeId?: string;
  timeRangeField?: 'REQUESTED_AT' | 'ISSUED_AT' | 'DELETED_AT' | 'STATUS_TIMESTAMP';
  from?: string;
  until?: string;
  status?: ('ISSUED' | 'DELETED')[];
  customerId?: string;
  platformType?: string;
  pgProviders?: string[];
  /** OAS `PgCompany` (the PG without its API generation: INICIS for INICIS_V2). */
  pgCompanies?: string[];
  /** OAS `BillingKeyPaymentMethodType`: the key's method (a PayPal key is none of them). */
  methods?: ('CARD' | 'MOBILE' | 'EASY_PAY' | 'TRANSFER')[];
  /** The sandbox has no channel groups: a key matches none. */
  channelGroupIds?: string[];
  /** Every sandbox key is a V2 one. */
  version?: 'V1' | 'V2';
  textSearch?: { field: string; value: string };
}

export interface BillingKeySort {
  by?: 'REQUESTED_AT' | 'ISSUED_AT' | 'DELETED_AT' | 'STATUS_TIMESTAMP';
  order?: 'DESC' | 'ASC';
}

const timeOf = (k: BillingKeyRecord, field: BillingKeySort['by']): string | undefined => {
  switch (field) {
    case 'ISSUED_AT':
      return k.issuedAt;
    case 'DELETED_AT':
      return k.deletedAt;
    case 'STATUS_TIMESTAMP':
      return k.deletedAt ?? k.issuedAt;
    default:
      return k.requestedAt;
  }
};

function textOf(k: BillingKeyRecord, field: string): string | undefined {
  const customer = k.customer as { name?: { full?: string }; email?: string; phoneNumber?: string; zipcode?: string };
  const card = k.card as { bin?: string; number?: string };
  switch (field) {
    case 'BILLING_KEY':
      return k.billingKey;
    case 'CARD_BIN':
      return card.bin;
    case 'CARD_NUMBER':
      return card.number;
    case 'PG_MERCHANT_ID':
      return k.channel.pgMerchantId;
    case 'CUSTOMER_NAME':
      return customer.name?.full;
    case 'CUSTOMER_EMAIL':
      return customer.email;
    case 'CUSTOMER_PHONE_NUMBER':
      return customer.phoneNumber;
    case 'CUSTOMER_ZIPCODE':
      return customer.zipcode;
    default:
      return undefined;
  }
}

export function matchesBillingKeyFilter(k: BillingKeyRecord, f: BillingKeyFilter = {}): boolean {
  if (!isVisibleBillingKey(k)) return false;
  if (f.status && !f.status.includes(k.status as 'ISSUED' | 'DELETED')) return false;
  if (f.customerId !== undefined && (k.customer as { id?: string }).id !== f.customerId) return false;
  if (f.platformType !== undefined && f.platformType !== k.platformType) return false;
  if (f.pgProviders && !f.pgProviders.includes(k.channel.pgProvider)) return false;
  if (f.pgCompanies && !f.pgCompanies.includes(pgCompanyOf(k.channel.pgProvider))) return false;
  if (f.methods && !f.methods.some((m) => m === k.methodKind)) return false;
  if (f.channelGroupIds?.length || f.version === 'V1') return false;
  const at = timeOf(k, f.timeRangeField);
  if (f.from && (at === undefined || at < new Date(f.from).toISOString())) return false;
  if (f.until && (at === undefined || at >= new Date(f.until).toISOString())) return false;
  if (f.textSearch && !(textOf(k, f.textSearch.field) ?? '').includes(f.textSearch.value)) return false;
  return true;
}

/** Every item of a store-wide list, one index page at a time (billing keys and schedules are few per store). */
export async function readAll<T>(read: (after?: string) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  let after: string | undefined;
  do {
    const page = await read(after);
    all.push(...page.items);
    after = page.next;
  } while (after);
  return all;
}

/** Sorts by a time that may be missing (never-deleted keys sort last), then by id for a stable order. */
export function sortByTime<T>(items: T[], time: (t: T) => string | undefined, id: (t: T) => string, descending: boolean): T[] {
  const key = (t: T) => `${time(t) ?? (descending ? '' : '\uffff')}#${id(t)}`;
  return items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (descending ? -1 : 1));
}

/**
 * getBillingKeyInfos: PortOne's page (number from 0, default size 10) of the store's keys, filtered
 * and sorted. It reads every key of the store (O(keys)): a sandbox store holds few.
 */
export async function listBillingKeys(services: Services, storeId: string, input: { page?: { number?: number; size?: number }; sort?: BillingKeySort; filter?: BillingKeyFilter }) {
  const number = input.page?.number ?? 0;
  const size = input.page?.size ?? 10;
  const all = await readAll((after) => services.repo.queryBillingKeys(storeId, { descending: true, limit: 100, after }));
  const matching = sortByTime(
    all.filter((k) => matchesBillingKeyFilter(k, input.filter)),
    (k) => timeOf(k, input.sort?.by),
    (k) => k.billingKey,
    input.sort?.order !== 'ASC',
  );
  return { items: matching.slice(number * size, (number + 1) * size), page: { number, size, totalCount: matching.length } };
}
