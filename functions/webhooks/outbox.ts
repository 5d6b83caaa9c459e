import type { PaymentRecord } from '../domain/payment.ts';
import type { StoreRecord } from '../domain/store.ts';
import { buildWebhookBody, type WebhookEventType } from './event.ts';
import { newEventId } from '../payments/ids.ts';
import { MAX_ATTEMPTS } from './retry-policy.ts';

/**
 * Transactional outbox: a webhook event is written in the same DynamoDB transaction as the payment
 * change that causes it, then delivered by the dispatcher (the table's stream on AWS, the same
 * dispatcher code in-process locally). A crash between commit and send leaves the entry PENDING, so
 * it is sent later: a duplicate is possible, a loss is not.
 */
export type OutboxStatus = 'PENDING' | 'DELIVERED' | 'RETRYING' | 'FAILED';

export interface DeliveryAttempt {
  attempt: number;
  url: string;
  requestedAt: string;
  respondedAt?: string;
  status?: number;
  error?: string;
  responseBody?: string;
  responseHeaders?: Record<string, string>;
  ok: boolean;
}

export interface OutboxEvent {
  storeId: string;
  /** Also the `webhook-id` header: stable across retries so receivers can deduplicate. */
  eventId: string;
  paymentId: string;
  type: string;
  /** The event's time (store clock); the body's `timestamp`, unchanged on retries. */
  timestamp: string;
  /** The exact JSON body PortOne would send. */
  body: string;
  /** Where to send: one entry per URL (the request's noticeUrls, else the store's webhook URL). */
  url: string;
  status: OutboxStatus;
  attempts: DeliveryAttempt[];
  /** PortOne's maximum executions: the first attempt plus 5 retries. */
  maxAttempts: number;
  /** Set while a retry timer is pending. */
  nextAttemptAt?: string;
  /** What caused it, for the payment's `webhooks[].trigger` (absent for ordinary API calls). */
  trigger?: 'MANUAL' | 'VIRTUAL_ACCOUNT_DEPOSIT';
  paymentStatus: string;
  createdAt: string;
  version: number;
}

/**
 * Where a payment's webhooks go: the request's `noticeUrls` win over the store's URL; an empty
 * list means "send nothing", as with PortOne.
 */
export function webhookTargets(store: StoreRecord, payment: Pick<PaymentRecord, 'noticeUrls'>): string[] {
  if (payment.noticeUrls) return payment.noticeUrls;
  return store.webhook.url ? [store.webhook.url] : [];
}

/** New outbox entries for a payment event, one per target URL; none when there is nowhere to send. */
export function newOutboxEvent(input: {
  store: StoreRecord;
  payment: PaymentRecord;
  type: WebhookEventType;
  at: Date;
  cancellationId?: string;
  trigger?: OutboxEvent['trigger'];
}): OutboxEvent[] {
  const urls = webhookTargets(input.store, input.payment);
  const body = buildWebhookBody({
    type: input.type,
    timestamp: input.at,
    storeId: input.store.storeId,
    paymentId: input.payment.paymentId,
    transactionId: input.payment.transactionId,
    cancellationId: input.cancellationId,
  });
  return urls.map((url) => ({
    storeId: input.store.storeId,
    eventId: newEventId(),
    paymentId: input.payment.paymentId,
    type: input.type,
    timestamp: input.at.toISOString(),
    body,
    url,
    status: 'PENDING',
    attempts: [],
    maxAttempts: MAX_ATTEMPTS,
    trigger: input.trigger,
    paymentStatus: input.payment.status,
    createdAt: input.at.toISOString(),
    version: 1,
  }));
}
