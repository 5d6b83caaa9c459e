import type { PaymentWebhookLog } from '../domain/payment.ts';
import type { StoreRecord } from '../domain/store.ts';
import type { Services } from '../services.ts';
import { loadStore, storeNow } from '../stores/clock.ts';
import { scheduleNameFor, timerIdFor, type TimerRecord } from '../timers/timer.ts';
import { toWallTime } from '../stores/clock.ts';
import { deliverWebhook, type DeliveryResult } from './deliver.ts';
import type { DeliveryAttempt, OutboxEvent } from './outbox.ts';
import { nextRetryDelayMs } from './retry-policy.ts';
import { signWebhook, signWithStaleTimestamp, signWithWrongKey } from './signing.ts';
import { logger } from '../logger.ts';

export interface DispatchOptions {
  /** Per-attempt timeout; PortOne waits 30 s. */
  timeoutMs?: number;
  random?: () => number;
  fetchImpl?: typeof fetch;
}

/**
 * Sends one outbox event once (one attempt) and records the outcome: DELIVERED on a 2xx; else a
 * webhook-retry timer after PortOne's next delay (1, 4, 16, 64, 256 min, full jitter), or FAILED
 * after the fifth retry. Safe to call twice for the same event: the state change is conditional
 * on the version read, so a racing second dispatcher may send a duplicate but never loses or
 * double-counts an attempt.
 */
export async function dispatchEvent(services: Services, key: { storeId: string; paymentId: string; eventId: string }, opts: DispatchOptions = {}) {
  const event = await services.repo.getOutbox(key.storeId, key.paymentId, key.eventId);
  if (!event || event.status === 'DELIVERED' || event.status === 'FAILED') return event;
  const store = await loadStore(services, key.storeId);
  const secrets = store.webhook.secrets.map((s) => s.secret);
  const chaos = (store.webhook.chaos ?? {}) as WebhookChaos;
  const attemptNumber = event.attempts.length + 1;

  let result: DeliveryResult;
  if (secrets.length === 0) {
    result = { ok: false, error: 'NETWORK', errorMessage: 'the store has no webhook secret to sign with', durationMs: 0, requestedAt: new Date(services.wallNow()) };
  } else {
    // Signature timestamps are wall-clock: receivers check them against their own clock (±5 min).
    const signedAt = new Date(services.wallNow());
    const input = { msgId: event.eventId, timestamp: signedAt, body: event.body };
    const headers = chaos.invalidSignature
      ? signWithWrongKey(input)
      : chaos.staleTimestamp
        ? signWithStaleTimestamp({ ...input, secrets, now: signedAt })
        : signWebhook({ ...input, secrets });
    if (chaos.delayMs) await new Promise((r) => setTimeout(r, Math.min(chaos.delayMs!, 60_000)));
    const send = () =>
      deliverWebhook({
        url: event.url,
        body: event.body,
        headers,
        timeoutMs: opts.timeoutMs,
        fetchImpl: opts.fetchImpl,
        urlGuard: { allowLoopback: services.allowLoopbackWebhooks },
      });
    result = await send();
    if (chaos.duplicate) await send();
  }

  const attempt: DeliveryAttempt = {
    attempt: attemptNumber,
    url: event.url,
    requestedAt: result.requestedAt.toISOString(),
    respondedAt: result.respondedAt?.toISOString(),
    status: result.status,
    error: result.error ? `${result.error}${result.errorMessage ? `: ${result.errorMessage}` : ''}` : undefined,
    responseBody: result.responseBody,
    responseHeaders: result.responseHeaders,
    ok: result.ok,
  };
  const next: OutboxEvent = { ...event, attempts: [...event.attempts, attempt], nextAttemptAt: undefined };
  let retry: TimerRecord | undefined;
  if (result.ok) {
    next.status = 'DELIVERED';
  } else {
    const delay = attemptNumber < event.maxAttempts ? nextRetryDelayMs(attemptNumber, opts.random) : null;
    if (delay === null) {
      next.status = 'FAILED';
    } else {
      next.status = 'RETRYING';
      retry = retryTimer(store, event, attemptNumber, new Date(storeNow(services, store).getTime() + delay));
      next.nextAttemptAt = retry.dueAt;
    }
  }
  if (retry) await services.scheduler.schedule(retry, toWallTime(store, new Date(retry.dueAt)));
  const saved = await services.repo.saveOutbox(next, event.version, retry);
  if (!saved) {
    logger.warn('webhook: another dispatcher recorded this event first', { storeId: key.storeId, paymentId: key.paymentId, eventId: key.eventId });
    return services.repo.getOutbox(key.storeId, key.paymentId, key.eventId);
  }
  logger.info('webhook attempt', { storeId: key.storeId, paymentId: key.paymentId, eventId: key.eventId, type: event.type, attempt: attemptNumber, ok: result.ok, status: result.status, error: result.error });
  return next;
}

export interface WebhookChaos {
  /** Send every delivery twice. */
  duplicate?: boolean;
  /** Wait this long before each delivery (capped at 60 s), so later events can overtake it. */
  delayMs?: number;
  /** Sign with a key the receiver does not know. */
  invalidSignature?: boolean;
  /** Sign with a timestamp 10 minutes old. */
  staleTimestamp?: boolean;
  /** Deliver a payment's queued events newest first (local dispatcher queue). */
  outOfOrder?: boolean;
}

function retryTimer(store: StoreRecord, event: OutboxEvent, attemptNumber: number, due: Date): TimerRecord {
  const timerId = timerIdFor('webhook-retry', store.storeId, event.paymentId, `${event.eventId}#${attemptNumber}`);
  return {
    storeId: store.storeId,
    timerId,
    kind: 'webhook-retry',
    paymentId: event.paymentId,
    dueAt: due.toISOString(),
    state: 'PENDING',
    reason: `webhook ${event.type} retry ${attemptNumber} of ${event.maxAttempts - 1} (PortOne: 1, 4, 16, 64, 256 min with full jitter)`,
    scheduleName: scheduleNameFor(timerId),
    createdAt: new Date().toISOString(),
    payload: { eventId: event.eventId },
  };
}

/** A payment's `webhooks[]` as PortOne shows them (PaymentWebhook), from its outbox entries. */
export function presentWebhooks(events: OutboxEvent[]): PaymentWebhookLog[] {
  return events
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
    .map((e) => {
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
        log.status = last.ok ? 'SUCCEEDED' : last.status !== undefined ? 'FAILED_NOT_OK_RESPONSE' : 'FAILED_UNEXPECTED_ERROR';
        log.request = { body: e.body, requestedAt: last.requestedAt, header: 'content-type: application/json' };
        if (last.status !== undefined && last.respondedAt) {
          log.response = {
            code: String(last.status),
            header: Object.entries(last.responseHeaders ?? {})
              .map(([k, v]) => `${k}: ${v}`)
              .join('\n'),
            body: last.responseBody ?? '',
            respondedAt: last.respondedAt,
          };
        }
      }
      return log;
    });
}
