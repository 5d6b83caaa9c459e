import { isVisibleBillingKey, type BillingKeyRecord } from '../domain/billing-key.ts';
import { PortOneError } from '../domain/errors.ts';
import type { Services } from '../services.ts';

const notFound = (billingKey: string) => new PortOneError('BILLING_KEY_NOT_FOUND', `빌링키가 존재하지 않습니다. (billingKey: ${billingKey})`);

/** A key as PortOne's API sees it: one still in its issuance window (READY, PENDING, FAILED) does not exist yet. */
export async function loadBillingKey(services: Services, storeId: string, billingKey: string): Promise<BillingKeyRecord> {
  const key = await services.repo.getBillingKey(storeId, billingKey);
  if (!key || !isVisibleBillingKey(key)) throw notFound(billingKey);
  return key;
}

/**
 * A key to delete: one whose issuance never finished is BILLING_KEY_NOT_ISSUED (404), the error
 * PortOne's OAS lists for deleteBillingKey alone.
 */
export async function loadDeletableBillingKey(services: Services, storeId: string, billingKey: string): Promise<BillingKeyRecord> {
  const key = await services.repo.getBillingKey(storeId, billingKey);
  if (!key) throw notFound(billingKey);
  if (!isVisibleBillingKey(key)) throw new PortOneError('BILLING_KEY_NOT_ISSUED', `발급되지 않은 빌링키입니다. (billingKey: ${billingKey}, status: ${key.status})`);
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
