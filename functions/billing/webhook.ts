import type { BillingKeyRecord } from '../domain/billing-key.ts';
import type { OutboxEvent } from '../domain/outbox.ts';
import type { StoreRecord } from '../domain/store.ts';
import { outboxEntries } from '../webhooks/outbox.ts';

export type BillingKeyEventType = 'BillingKey.Issued' | 'BillingKey.Deleted' | 'BillingKey.Failed';

/**
 * A `BillingKey.*` webhook (version 2024-04-25): `{type, timestamp, data: {storeId, billingKey}}`,
 * signed, sent and retried like the `Transaction.*` ones; filed in the outbox under the key.
 */
export function billingKeyEvent(store: StoreRecord, key: BillingKeyRecord, type: BillingKeyEventType, at: Date): OutboxEvent[] {
  const body = JSON.stringify({ type, timestamp: at.toISOString(), data: { storeId: key.storeId, billingKey: key.billingKey } });
  return outboxEntries({ store, ownerId: key.billingKey, noticeUrls: key.noticeUrls, type, body, at, status: key.status });
}
