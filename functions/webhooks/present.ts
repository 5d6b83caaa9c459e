import type { PaymentWebhookLog } from '../domain/payment.ts';
import type { DeliveryAttempt, OutboxEvent } from '../domain/outbox.ts';

const byCreation = (a: OutboxEvent, b: OutboxEvent): number =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;

/** Oldest first; a copy, so callers' arrays keep their order. */
export const sortByCreation = (events: readonly OutboxEvent[]): OutboxEvent[] => [...events].sort(byCreation);

const headerLines = (headers: Record<string, string> | undefined): string =>
  Object.entries(headers ?? {})
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');

/** PortOne's three outcomes: 2xx, an HTTP answer that is not 2xx, or no answer at all. */
export function attemptStatus(attempt: DeliveryAttempt): NonNullable<PaymentWebhookLog['status']> {
  if (attempt.ok) return 'SUCCEEDED';
  return attempt.status !== undefined ? 'FAILED_NOT_OK_RESPONSE' : 'FAILED_UNEXPECTED_ERROR';
}

/** One delivery log entry as PortOne's `PaymentWebhook`: its last attempt's request and response. */
export function presentWebhook(e: OutboxEvent): PaymentWebhookLog {
  const last = e.attempts.at(-1);
  const log: PaymentWebhookLog = {
    id: e.eventId,
    paymentStatus: e.paymentStatus as PaymentWebhookLog['paymentStatus'],
    url: e.url,
    isAsync: true,
    currentExecutionCount: e.attempts.length,
    maxExecutionCount: e.maxAttempts,
    ...(e.trigger ? { trigger: e.trigger } : {}),
    triggeredAt: e.createdAt,
  };
  if (last) {
    log.status = attemptStatus(last);
    log.request = {
      body: e.body,
      requestedAt: last.requestedAt,
      header: headerLines(last.requestHeaders ?? { 'content-type': 'application/json' }),
    };
    if (last.status !== undefined && last.respondedAt) {
      log.response = {
        code: String(last.status),
        header: headerLines(last.responseHeaders),
        body: last.responseBody ?? '',
        respondedAt: last.respondedAt,
      };
    }
  }
  return log;
}

/** A payment's `webhooks[]` as PortOne shows them (PaymentWebhook), oldest first. */
export function presentWebhooks(events: readonly OutboxEvent[]): PaymentWebhookLog[] {
  return sortByCreation(events).map(presentWebhook);
}
