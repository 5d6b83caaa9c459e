import type { IdentityVerificationRecord, Operator } from '../domain/identity-verification.ts';
import { pgCompanyOf } from '../domain/profiles/index.ts';
import { readAll, sortByTime } from '../billing/list-billing-keys.ts';
import type { Services } from '../services.ts';
import { identityVerificationNotFound } from './attempt.ts';

export async function getIdentityVerification(services: Services, storeId: string, id: string): Promise<IdentityVerificationRecord> {
  const record = await services.repo.getIdentityVerification(storeId, id);
  if (!record) throw identityVerificationNotFound(id);
  return record;
}

type TimeField = 'REQUESTED_AT' | 'VERIFIED_AT' | 'FAILED_AT' | 'STATUS_UPDATED_AT';

/** PortOne's `IdentityVerificationFilterInput` (the HTTP schema is checked against it). */
export interface IdentityVerificationFilter {
  storeId?: string;
  timeRangeField?: TimeField;
  from?: string;
  until?: string;
  identityVerificationId?: string;
  identityVerificationTxId?: string;
  isTest?: boolean;
  statuses?: ('READY' | 'VERIFIED' | 'FAILED')[];
  pgTxId?: string;
  pgMerchantId?: string;
  pgProviders?: string[];
  pgCompanies?: string[];
  carriers?: Operator[];
  version?: 'V1' | 'V2';
  customer?: { name?: string; birthYear?: string; birthMonth?: string; birthDay?: string; phoneNumber?: string; gender?: 'MALE' | 'FEMALE' | 'OTHER' };
}

export interface IdentityVerificationSort {
  by?: TimeField;
  order?: 'DESC' | 'ASC';
}

function timeOf(v: IdentityVerificationRecord, field: TimeField | undefined): string | undefined {
  switch (field) {
    case 'VERIFIED_AT':
      return v.verifiedAt;
    case 'FAILED_AT':
      return v.failedAt;
    case 'STATUS_UPDATED_AT':
      return v.statusChangedAt;
    default:
      return v.requestedAt;
  }
}

function matchesCustomer(v: IdentityVerificationRecord, c: NonNullable<IdentityVerificationFilter['customer']>): boolean {
  const verified = v.verifiedCustomer;
  const requested = v.requestedCustomer;
  const birth = verified?.birthDate?.split('-') ?? [requested.birthYear, requested.birthMonth, requested.birthDay];
  if (c.name !== undefined && (verified?.name ?? requested.name) !== c.name) return false;
  if (c.phoneNumber !== undefined && (verified?.phoneNumber ?? requested.phoneNumber) !== c.phoneNumber.replace(/\D/g, '')) return false;
  if (c.birthYear !== undefined && birth[0] !== c.birthYear) return false;
  if (c.birthMonth !== undefined && birth[1] !== c.birthMonth) return false;
  if (c.birthDay !== undefined && birth[2] !== c.birthDay) return false;
  if (c.gender !== undefined && verified?.gender !== c.gender) return false;
  return true;
}

export function matchesIdentityVerificationFilter(v: IdentityVerificationRecord, f: IdentityVerificationFilter = {}): boolean {
  // Every sandbox channel is a test channel.
  if (f.isTest === false) return false;
  if (f.version === 'V1') return false;
  if (f.identityVerificationId !== undefined && v.id !== f.identityVerificationId) return false;
  if (f.identityVerificationTxId !== undefined && v.txId !== f.identityVerificationTxId) return false;
  if (f.statuses && !f.statuses.includes(v.status)) return false;
  if (f.pgTxId !== undefined && v.pgTxId !== f.pgTxId) return false;
  if (f.pgMerchantId !== undefined && v.channel.pgMerchantId !== f.pgMerchantId) return false;
  if (f.pgProviders && !f.pgProviders.includes(v.channel.pgProvider)) return false;
  if (f.pgCompanies && !f.pgCompanies.includes(pgCompanyOf(v.channel.pgProvider))) return false;
  const operator = v.verifiedCustomer?.operator ?? v.sent?.identity.operator;
  if (f.carriers && (operator === undefined || !f.carriers.includes(operator))) return false;
  if (f.customer && !matchesCustomer(v, f.customer)) return false;
  const at = timeOf(v, f.timeRangeField);
  if (f.from && (at === undefined || at < new Date(f.from).toISOString())) return false;
  if (f.until && (at === undefined || at >= new Date(f.until).toISOString())) return false;
  return true;
}

/**
 * getIdentityVerifications: PortOne's page (number from 0, default size 10) of the store's
 * verifications, filtered and sorted (newest request first by default). It reads every
 * verification of the store (O(verifications)): a sandbox store holds few.
 */
export async function listIdentityVerifications(
  services: Services,
  storeId: string,
  input: { page?: { number?: number; size?: number }; sort?: IdentityVerificationSort; filter?: IdentityVerificationFilter },
) {
  const number = input.page?.number ?? 0;
  const size = input.page?.size ?? 10;
  const all = await readAll((after) => services.repo.queryIdentityVerifications(storeId, { descending: true, limit: 100, after }));
  const matching = sortByTime(
    all.filter((v) => matchesIdentityVerificationFilter(v, input.filter)),
    (v) => timeOf(v, input.sort?.by),
    (v) => v.id,
    input.sort?.order !== 'ASC',
  );
  return { items: matching.slice(number * size, (number + 1) * size), page: { number, size, totalCount: matching.length } };
}
