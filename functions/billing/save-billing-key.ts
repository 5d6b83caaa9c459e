import type { BillingKeyRecord } from '../domain/billing-key.ts';
import type { OutboxEvent } from '../domain/outbox.ts';
import type { Services } from '../services.ts';

/** Writes a key with its webhooks in one conditional write, then wakes the local outbox worker. */
export async function saveBillingKey(services: Services, key: BillingKeyRecord, expectedVersion: number | null, outbox: OutboxEvent[]): Promise<void> {
  await services.repo.commitBillingKey(key, expectedVersion, outbox);
  if (outbox.length) services.onOutboxCommitted?.(outbox.map(({ storeId, paymentId, eventId }) => ({ storeId, paymentId, eventId })));
}
