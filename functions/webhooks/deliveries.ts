/**
 * The sandbox's delivery log (GET /sandbox/webhook/deliveries): every outbox entry with every
 * attempt, more than PortOne's `webhooks[]` shows (which keeps only the last request/response):
 * a merchant debugging a receiver wants each attempt's status, error, headers and timing.
 */
import type { Services } from '../services.ts';
import { messageIdOf } from './outbox.ts';
import type { DeliveryAttempt, OutboxEvent } from '../domain/outbox.ts';
import { sortByCreation } from './present.ts';

export interface DeliveryLogEntry {
  /** The log entry's id: `webhooks[].id` and resendWebhook's `webhookId`. */
  id: string;
  /** The `webhook-id` header it is sent with (shared by a message's manual resends). */
  webhookId: string;
  paymentId: string;
  type: string;
  /** The event's time: the body's `timestamp`. */
  timestamp: string;
  url: string;
  status: OutboxEvent['status'];
  trigger?: string;
  resendOf?: string;
  heldAt?: string;
  nextAttemptAt?: string;
  executionCount: number;
  maxExecutionCount: number;
  createdAt: string;
  body: string;
  attempts: DeliveryAttempt[];
}

export const DEFAULT_DELIVERY_LIMIT = 100;
export const MAX_DELIVERY_LIMIT = 1000;

export function presentDelivery(e: OutboxEvent): DeliveryLogEntry {
  return {
    id: e.eventId,
    webhookId: messageIdOf(e),
    paymentId: e.paymentId,
    type: e.type,
    timestamp: e.timestamp,
    url: e.url,
    status: e.status,
    ...(e.trigger ? { trigger: e.trigger } : {}),
    ...(e.resendOf ? { resendOf: e.resendOf } : {}),
    ...(e.heldAt ? { heldAt: e.heldAt } : {}),
    ...(e.nextAttemptAt ? { nextAttemptAt: e.nextAttemptAt } : {}),
    executionCount: e.attempts.length,
    maxExecutionCount: e.maxAttempts,
    createdAt: e.createdAt,
    body: e.body,
    attempts: e.attempts,
  };
}

/** Newest first, optionally for one payment. */
export async function listDeliveries(
  services: Services,
  storeId: string,
  query: { paymentId?: string; limit?: number },
): Promise<{ items: DeliveryLogEntry[] }> {
  const limit = query.limit ?? DEFAULT_DELIVERY_LIMIT;
  const events =
    query.paymentId === undefined
      ? (await services.repo.listRecentOutbox(storeId, { limit })).items
      : sortByCreation(await services.repo.listOutbox(storeId, query.paymentId)).reverse().slice(0, limit);
  return { items: events.map(presentDelivery) };
}
