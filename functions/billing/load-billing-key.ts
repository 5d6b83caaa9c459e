import type { BillingKeyRecord } from '../domain/billing-key.ts';
import { PortOneError } from '../domain/errors.ts';
import type { Services } from '../services.ts';

export async function loadBillingKey(services: Services, storeId: string, billingKey: string): Promise<BillingKeyRecord> {
  const key = await services.repo.getBillingKey(storeId, billingKey);
  if (!key) throw new PortOneError('BILLING_KEY_NOT_FOUND', `빌링키가 존재하지 않습니다. (billingKey: ${billingKey})`);
  return key;
}

/** A key that can still pay or be scheduled. */
export async function loadIssuedBillingKey(services: Services, storeId: string, billingKey: string): Promise<BillingKeyRecord> {
  const key = await loadBillingKey(services, storeId, billingKey);
  if (key.status === 'DELETED') throw alreadyDeleted(key);
  return key;
}

export const alreadyDeleted = (key: Pick<BillingKeyRecord, 'billingKey'>) =>
  new PortOneError('BILLING_KEY_ALREADY_DELETED', `이미 삭제된 빌링키입니다. (billingKey: ${key.billingKey})`);
