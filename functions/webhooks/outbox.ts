import { randomUUID } from 'node:crypto';
import type { PaymentRecord } from '../domain/payment.ts';
import type { StoreRecord } from '../domain/store.ts';
import { invalidRequest } from '../domain/errors.ts';
import type { OutboxEvent } from '../domain/outbox.ts';
import { buildWebhookBody, type WebhookEventType } from './event.ts';
import { MAX_ATTEMPTS } from './retry-policy.ts';
import { checkWebhookUrl, type UrlGuardOptions } from './url-guard.ts';

/**
 * Transactional outbox: a webhook event is written in the same DynamoDB transaction as the payment
 * change that causes it, then delivered by the dispatcher (the table's stream on AWS, the same
 * dispatcher code in-process locally). A crash between commit and send leaves the entry PENDING, so
 * it is sent later: a duplicate is possible, a loss is not.
 *
 * One entry is one delivery log (PortOne's `PaymentWebhook`): one message to one URL, with every
 * attempt made for it.
 */
/** Time-ordered (wall-clock ms first), so a payment's outbox entries sort in the order they were written. */
export const newEventId = () => `msg_${Date.now().toString(16).padStart(12, '0')}${randomUUID().replaceAll('-', '').slice(0, 20)}`;

/** The `webhook-id` an entry is sent with. */
export const messageIdOf = (event: Pick<OutboxEvent, 'msgId' | 'eventId'>): string => event.msgId ?? event.eventId;

/**
 * Refuses URLs the sender would refuse anyway (see url-guard.ts), at the moment they are given, so
 * the merchant gets a 400 naming the field instead of a silent BLOCKED_URL in a delivery log.
 */
export function assertWebhookUrls(urls: readonly string[], field: string, options: UrlGuardOptions = {}): void {
  urls.forEach((url, index) => {
    const check = checkWebhookUrl(url, options);
    if (!check.ok) throw invalidRequest(`${field}[${index}]: ${check.message} (${url})`);
  });
}

/**
 * Where a payment's webhooks go: the request's `noticeUrls` win over the store's URL; an empty
 * list means "send nothing", as with PortOne.
 */
export function webhookTargets(store: StoreRecord, payment: Pick<PaymentRecord, 'noticeUrls'>): { url: string; source: 'STORE' | 'NOTICE_URLS' }[] {
  if (payment.noticeUrls) return payment.noticeUrls.map((url) => ({ url, source: 'NOTICE_URLS' as const }));
  return store.webhook.url ? [{ url: store.webhook.url, source: 'STORE' }] : [];
}

/**
 * New outbox entries for a payment event, one per target URL; none when there is nowhere to send.
 *
 * `noticeUrls` are checked here because every payment path (API, checkout, billing key) builds its
 * first event through this function before committing, so a forbidden URL aborts the payment with
 * INVALID_REQUEST before anything is written. The check is the static one without the loopback
 * rule, which depends on the runtime; on Lambda the sender refuses loopback at send time.
 */
export function newOutboxEvent(input: {
  store: StoreRecord;
  payment: PaymentRecord;
  type: WebhookEventType;
  at: Date;
  cancellationId?: string;
  trigger?: OutboxEvent['trigger'];
}): OutboxEvent[] {
  const body = buildWebhookBody({
    type: input.type,
    timestamp: input.at,
    storeId: input.store.storeId,
    paymentId: input.payment.paymentId,
    transactionId: input.payment.transactionId,
    cancellationId: input.cancellationId,
  });
  return outboxEntries({
    store: input.store,
    ownerId: input.payment.paymentId,
    noticeUrls: input.payment.noticeUrls,
    type: input.type,
    body,
    at: input.at,
    status: input.payment.status,
    trigger: input.trigger,
  });
}

/**
 * The outbox entries of one event, one per target URL, whatever it concerns. `ownerId` is what the
 * entries are filed under (the `paymentId` field): the payment, or for `BillingKey.*` events the
 * billing key (billing/webhook.ts), so a key's deliveries are listed like a payment's.
 */
export function outboxEntries(input: {
  store: StoreRecord;
  ownerId: string;
  noticeUrls?: string[];
  type: string;
  body: string;
  at: Date;
  status: string;
  trigger?: OutboxEvent['trigger'];
}): OutboxEvent[] {
  if (input.noticeUrls) assertWebhookUrls(input.noticeUrls, 'noticeUrls');
  return webhookTargets(input.store, { noticeUrls: input.noticeUrls }).map(({ url, source }) => {
    const eventId = newEventId();
    return {
      storeId: input.store.storeId,
      eventId,
      msgId: eventId,
      paymentId: input.ownerId,
      type: input.type,
      timestamp: input.at.toISOString(),
      body: input.body,
      url,
      urlSource: source,
      status: 'PENDING',
      attempts: [],
      maxAttempts: MAX_ATTEMPTS,
      ...(input.trigger ? { trigger: input.trigger } : {}),
      paymentStatus: input.status,
      createdAt: input.at.toISOString(),
      version: 1,
    } satisfies OutboxEvent;
  });
}
