import type { BillingKeyRecord } from '../domain/billing-key.ts';
import type { OutboxEvent } from '../domain/outbox.ts';
import type { StoreRecord } from '../domain/store.ts';
import { outboxEntries } from '../webhooks/outbox.ts';

/**
 * Ready: the browser's issuance window opened. Issued / Failed: it ended (or the API issued, or a
 * manual confirm decided). Deleted: deleteBillingKey. (`BillingKey.Updated`, a PG renewing a key's
 * card, has no test-mode trigger and is not sent.)
 */
export type BillingKeyEventType = 'BillingKey.Ready' | 'BillingKey.Issued' | 'BillingKey.Failed' | 'BillingKey.Deleted';

/**
 * A `BillingKey.*` webhook (version 2024-04-25): `{type, timestamp, data: {storeId, billingKey}}`,
 * signed, sent and retried like the `Transaction.*` ones; filed in the outbox under the key.
 */
export function billingKeyEvent(store: StoreRecord, key: BillingKeyRecord, type: BillingKeyEventType, at: Date): OutboxEvent[] {
  const body = JSON.stringify({ type, timestamp: at.toISOString(), data: { storeId: key.storeId, billingKey: key.billingKey } });
  return outboxEntries({ store, ownerId: key.billingKey, noticeUrls: key.noticeUrls, type, body, at, status: key.status });
}
