import { PortOneError } from '../domain/errors.ts';
import type { BillingKeyRecord } from '../domain/billing-key.ts';
import { RETRY_LIMITS, retryOnConflict } from '../domain/retry.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';
import { alreadyDeleted, loadDeletableBillingKey } from './load-billing-key.ts';
import { saveBillingKey } from './save-billing-key.ts';
import { billingKeyEvent } from './webhook.ts';

export interface DeleteBillingKeyInput {
  reason?: string;
  requester?: 'CUSTOMER' | 'ADMIN';
  skipWebhook?: boolean;
}

/**
 * Deletes a billing key. A key that still has SCHEDULED payment schedules is refused with 409
 * PAYMENT_SCHEDULE_ALREADY_EXISTS, inferred from PortOne's OAS error list (DeleteBillingKeyError
 * lists it, "결제 예약건이 이미 존재하는 경우"): the merchant revokes the schedules first. The check
 * and the deletion are tied by the key's version, which every schedule creation moves on, so a
 * schedule created meanwhile makes the deletion look again instead of orphaning it.
 */
export async function deleteBillingKey(services: Services, storeId: string, billingKey: string, input: DeleteBillingKeyInput): Promise<BillingKeyRecord> {
  return retryOnConflict<BillingKeyRecord, BillingKeyRecord>(RETRY_LIMITS.billingKey, async ({ current }) => {
    const [store, key] = await Promise.all([loadStore(services, storeId), current ?? loadDeletableBillingKey(services, storeId, billingKey)]);
    if (key.status === 'DELETED') throw alreadyDeleted(key);
    const scheduled = (await services.repo.listBillingKeySchedules(storeId, billingKey)).filter((s) => s.status === 'SCHEDULED');
    if (scheduled.length > 0) {
      throw new PortOneError(
        'PAYMENT_SCHEDULE_ALREADY_EXISTS',
        `결제 예약건이 존재하는 빌링키는 삭제할 수 없습니다. 예약을 먼저 취소해 주세요. (scheduled: ${scheduled.map((s) => s.scheduleId).join(', ')})`,
      );
    }
    const now = storeNow(services, store);
    const next: BillingKeyRecord = {
      ...key,
      status: 'DELETED',
      deletedAt: now.toISOString(),
      ...(input.reason !== undefined ? { deleteReason: input.reason } : {}),
      ...(input.requester !== undefined ? { deleteRequester: input.requester } : {}),
    };
    const outbox = input.skipWebhook ? [] : billingKeyEvent(store, next, 'BillingKey.Deleted', now);
    await saveBillingKey(services, next, key.version, outbox);
    return next;
  });
}
