import { setTimeout as wait } from 'node:timers/promises';
import { PortOneError } from '../domain/errors.ts';
import type { StoreRecord } from '../domain/store.ts';
import type { DispatchOptions, OutboxKey, Services } from '../services.ts';
import { storeNow, toWallTime } from '../stores/clock.ts';
import type { TimerRecord } from '../domain/timer.ts';
import { webhookTimer } from './webhook-timer.ts';
import { logger } from '../logger.ts';
import { readChaos, type WebhookChaos } from './chaos.ts';
import { deliverWebhook } from './deliver.ts';
import { holdBack, releaseHeld, shouldHold } from './out-of-order.ts';
import { messageIdOf } from './outbox.ts';
import type { DeliveryAttempt, OutboxEvent } from '../domain/outbox.ts';
import { nextRetryDelayMs } from './retry-policy.ts';
import { ensureWebhookSecret } from './settings.ts';
import { MAX_ACTIVE_SECRETS, signWebhook, signWithStaleTimestamp, signWithWrongKey, type WebhookHeaders } from './signing.ts';

/**
 * Sends one outbox event once (one attempt) and records the outcome: DELIVERED on a 2xx; else a
 * webhook-delivery timer after PortOne's next delay (1, 4, 16, 64, 256 min, full jitter), or FAILED
 * after the fifth retry. Safe to call twice for the same event: the state change is conditional
 * on the version read, so a racing second dispatcher may send a duplicate but never loses or
 * double-counts an attempt.
 *
 * Called by the outbox worker (locally), the stream handler (AWS) and webhook-delivery timers (both).
 * Throws only for infrastructure failures (and when `signal` aborts): nothing is recorded then,
 * and the event is sent again by whoever retries (worker, stream, timer).
 */
export async function dispatchEvent(services: Services, key: OutboxKey, opts: DispatchOptions = {}): Promise<OutboxEvent | undefined> {
  const options: DispatchOptions = { ...services.webhookDispatch, ...opts };
  // Both reads at once: this is the whole latency between a commit and its webhook leaving.
  const [event, found] = await Promise.all([
    services.repo.getOutbox(key.storeId, key.paymentId, key.eventId),
    services.repo.getStore(key.storeId),
  ]);
  if (!event || event.status === 'DELIVERED' || event.status === 'FAILED') return event;
  if (!found) throw new PortOneError('STORE_NOT_FOUND', `상점이 존재하지 않습니다. (storeId: ${key.storeId})`);
  const chaos = readChaos(found.webhook.chaos);
  if (chaos.outOfOrder && (await shouldHold(services, event))) return holdBack(services, found, event);

  const store = await ensureWebhookSecret(services, found);
  const attempt = await attemptDelivery(services, store, event, chaos, options);
  const next: OutboxEvent = { ...event, attempts: [...event.attempts, attempt] };
  delete next.nextAttemptAt;
  let retry: TimerRecord | undefined;
  if (attempt.ok) {
    next.status = 'DELIVERED';
  } else {
    const delay = attempt.attempt < event.maxAttempts ? nextRetryDelayMs(attempt.attempt, options.random) : null;
    if (delay === null) {
      next.status = 'FAILED';
    } else {
      const now = storeNow(services, store);
      next.status = 'RETRYING';
      retry = retryTimer(event, attempt.attempt, new Date(now.getTime() + delay), now);
      next.nextAttemptAt = retry.dueAt;
    }
  }
  // Schedule first, then commit the timer with the attempt: a crash in between leaves an orphan
  // schedule that finds no timer record, never a timer record without its alarm.
  if (retry) await services.scheduler.schedule(retry, toWallTime(store, new Date(retry.dueAt)));
  const saved = await services.repo.saveOutbox(next, event.version, retry);
  if (!saved) {
    logger.warn('webhook: another dispatcher recorded this event first', { ...key });
    return services.repo.getOutbox(key.storeId, key.paymentId, key.eventId);
  }
  logger.info('webhook attempt', {
    ...key,
    type: event.type,
    attempt: attempt.attempt,
    ok: attempt.ok,
    status: attempt.status,
    error: attempt.error,
    nextAttemptAt: next.nextAttemptAt,
  });
  if (chaos.outOfOrder) await releaseHeld(services, next, (k) => dispatchEvent(services, k, opts));
  return next;
}

function signFor(store: StoreRecord, event: OutboxEvent, chaos: WebhookChaos, signedAt: Date, applied: string[]): WebhookHeaders {
  const input = { msgId: messageIdOf(event), timestamp: signedAt, body: event.body };
  const secrets = store.webhook.secrets.slice(0, MAX_ACTIVE_SECRETS).map((s) => s.secret);
  if (chaos.invalidSignature) {
    applied.push('invalidSignature');
    return signWithWrongKey(input);
  }
  if (chaos.staleTimestamp) {
    applied.push('staleTimestamp');
    return signWithStaleTimestamp({ ...input, secrets, now: signedAt });
  }
  return signWebhook({ ...input, secrets });
}

async function attemptDelivery(
  services: Services,
  store: StoreRecord,
  event: OutboxEvent,
  chaos: WebhookChaos,
  options: DispatchOptions,
): Promise<DeliveryAttempt> {
  const applied: string[] = [];
  if (chaos.delayMs) {
    applied.push(`delayMs=${chaos.delayMs}`);
    await wait(chaos.delayMs, undefined, options.signal ? { signal: options.signal } : undefined);
  }
  // Signed at send time in wall-clock seconds: receivers check it against their own clock (±5 min),
  // which the store's test clock does not move.
  const headers = signFor(store, event, chaos, new Date(services.wallNow()), applied);
  const send = () =>
    deliverWebhook({
      url: event.url,
      body: event.body,
      headers,
      timeoutMs: options.timeoutMs,
      fetchImpl: options.fetchImpl,
      urlGuard: { allowLoopback: services.allowLoopbackWebhooks },
      // The delivery log lives on the store's clock, like every other time the sandbox shows.
      clock: () => storeNow(services, store),
      signal: options.signal,
    });
  if (chaos.duplicate) applied.push('duplicate');
  // A duplicate leaves at the same moment as the original: racing copies are the case a
  // check-then-insert receiver gets wrong. The log records the first copy's outcome.
  const [result] = await Promise.all(chaos.duplicate ? [send(), send()] : [send()]);
  return {
    attempt: event.attempts.length + 1,
    url: event.url,
    requestedAt: result.requestedAt.toISOString(),
    ...(result.respondedAt ? { respondedAt: result.respondedAt.toISOString() } : {}),
    requestHeaders: { 'content-type': 'application/json', ...headers },
    ...(result.status !== undefined ? { status: result.status } : {}),
    ...(result.error || result.errorMessage ? { error: [result.error, result.errorMessage].filter(Boolean).join(': ') } : {}),
    ...(result.responseBody !== undefined ? { responseBody: result.responseBody } : {}),
    ...(result.responseHeaders ? { responseHeaders: result.responseHeaders } : {}),
    durationMs: result.durationMs,
    ok: result.ok,
    ...(applied.length > 0 ? { chaos: applied } : {}),
  };
}

function retryTimer(event: OutboxEvent, attemptNumber: number, due: Date, now: Date): TimerRecord {
  return webhookTimer(
    event,
    String(attemptNumber),
    { due, now },
    `webhook ${event.type} retry ${attemptNumber} of ${event.maxAttempts - 1} (PortOne: 1, 4, 16, 64, 256 min with full jitter)`,
  );
}
