/**
 * PortOne's resendWebhook (POST /payments/{paymentId}/resend-webhook): re-sends one of a
 * payment's webhooks, by default its most recent event.
 *
 * A resend is a new delivery log entry (its own `webhooks[].id`, trigger MANUAL, one attempt, no
 * automatic retries) carrying the original message unchanged: same body (so the same event
 * `timestamp`) and same `webhook-id` header, because Standard Webhooks defines that id as "the
 * same when the same webhook is being resent", which is what lets receivers deduplicate.
 *
 * It goes through the outbox like every other delivery (the API answers before the send, so a
 * 30 s receiver cannot time out the API call); the answer is the entry as queued.
 */
import { ConcurrentModificationError, PortOneError, paymentNotFound } from '../domain/errors.ts';
import { RETRY_LIMITS, retryOnConflict } from '../domain/retry.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';
import { messageIdOf } from './outbox.ts';
import type { OutboxEvent } from '../domain/outbox.ts';
import { sortByCreation } from './present.ts';

/** Manual resends per message. PortOne has a limit (MAX_WEBHOOK_RETRY_COUNT_REACHED) but does not publish it; 5 is ours. */
export const MAX_MANUAL_RESENDS = 5;

export async function resendWebhook(services: Services, storeId: string, paymentId: string, webhookId?: string): Promise<OutboxEvent> {
  return retryOnConflict(
    RETRY_LIMITS.manualResend,
    async (): Promise<OutboxEvent> => {
      const [store, payment, events] = await Promise.all([
        loadStore(services, storeId),
        services.repo.getPayment(storeId, paymentId),
        services.repo.listOutbox(storeId, paymentId),
      ]);
      if (!payment) throw paymentNotFound(paymentId);
      const ordered = sortByCreation(events);
      // "The payment's most recent webhook" is its latest event, not an earlier event's resend:
      // resending twice without an id re-sends the same event twice.
      const target =
        webhookId === undefined
          ? (ordered.filter((e) => e.trigger !== 'MANUAL').at(-1) ?? ordered.at(-1))
          : ordered.find((e) => e.eventId === webhookId);
      if (!target) {
        throw new PortOneError(
          'WEBHOOK_NOT_FOUND',
          webhookId === undefined ? `결제 건에 웹훅 내역이 없습니다. (paymentId: ${paymentId})` : `웹훅 내역이 존재하지 않습니다. (webhookId: ${webhookId})`,
        );
      }
      const msgId = messageIdOf(target);
      const resends = ordered.filter((e) => e.trigger === 'MANUAL' && messageIdOf(e) === msgId).length;
      if (resends >= MAX_MANUAL_RESENDS) {
        throw new PortOneError(
          'MAX_WEBHOOK_RETRY_COUNT_REACHED',
          `동일한 웹훅에 대한 수동 재발송 횟수(${MAX_MANUAL_RESENDS}회)를 모두 사용했습니다. (webhook-id: ${msgId})`,
        );
      }
      const now = storeNow(services, store).toISOString();
      const entry: OutboxEvent = {
        storeId,
        // Deterministic per (message, n): two racing resends collide on the key instead of both
        // slipping under the limit.
        eventId: `${msgId}_r${resends + 1}`,
        msgId,
        paymentId,
        type: target.type,
        timestamp: target.timestamp,
        body: target.body,
        // The store's URL as configured now (the merchant may have just fixed it); a request's
        // noticeUrls stay what that request said.
        url: target.urlSource === 'STORE' && store.webhook.url ? store.webhook.url : target.url,
        ...(target.urlSource ? { urlSource: target.urlSource } : {}),
        status: 'PENDING',
        attempts: [],
        maxAttempts: 1,
        trigger: 'MANUAL',
        resendOf: target.eventId,
        paymentStatus: payment.status,
        createdAt: now,
        version: 1,
      };
      // A racing resend took this number: count again and take the next one.
      if (!(await services.repo.insertOutbox(entry))) throw new ConcurrentModificationError(`outbox entry ${entry.eventId}`);
      services.onOutboxCommitted?.([{ storeId, paymentId, eventId: entry.eventId }]);
      return entry;
    },
    { onExhausted: () => new PortOneError('CONFLICT', 'concurrent resends of this webhook; try again') },
  );
}
