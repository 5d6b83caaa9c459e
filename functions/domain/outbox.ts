/**
 * A webhook outbox entry as it is stored: one message to one URL with every attempt made for it
 * (PortOne's `PaymentWebhook`). Written with the payment change that causes it (webhooks/outbox.ts).
 */
export type OutboxStatus = 'PENDING' | 'DELIVERED' | 'RETRYING' | 'FAILED';

export interface DeliveryAttempt {
  attempt: number;
  url: string;
  /** Store clock (test clock), like every time in the delivery log. */
  requestedAt: string;
  respondedAt?: string;
  /** The headers we sent (signatures are not secrets; they are what a receiver debugs with). */
  requestHeaders?: Record<string, string>;
  status?: number;
  error?: string;
  responseBody?: string;
  responseHeaders?: Record<string, string>;
  durationMs?: number;
  ok: boolean;
  /** Chaos modes that shaped this attempt (beyond PortOne; see docs/webhooks.md). */
  chaos?: string[];
}

export interface OutboxEvent {
  storeId: string;
  /** The delivery log's id (`webhooks[].id`); the `webhook-id` header too, except for manual resends. */
  eventId: string;
  /**
   * The `webhook-id` header: the message's id, stable across retries *and* manual resends (Standard
   * Webhooks: "the same when the same webhook is being resent"), so receivers can deduplicate.
   * Absent on entries written before it existed: the eventId then.
   */
  msgId?: string;
  paymentId: string;
  type: string;
  /** The event's time (store clock); the body's `timestamp`, unchanged on retries. */
  timestamp: string;
  /** The exact JSON body PortOne would send. */
  body: string;
  /** Where to send: one entry per URL (the request's noticeUrls, else the store's webhook URL). */
  url: string;
  /** Where the URL came from: a manual resend re-reads the store's URL, but never a request's noticeUrls. */
  urlSource?: 'STORE' | 'NOTICE_URLS';
  status: OutboxStatus;
  attempts: DeliveryAttempt[];
  /** PortOne's maximum executions: the first attempt plus 5 retries (1 for a manual resend). */
  maxAttempts: number;
  /** Set while a retry timer is pending. */
  nextAttemptAt?: string;
  /** What caused it, for the payment's `webhooks[].trigger` (absent for ordinary API calls). */
  trigger?: 'MANUAL' | 'VIRTUAL_ACCOUNT_DEPOSIT' | 'ASYNC_CANCEL_APPROVED';
  /** A manual resend: the log entry it re-sends. */
  resendOf?: string;
  /** Out-of-order chaos: when the first attempt was held back (store clock). */
  heldAt?: string;
  paymentStatus: string;
  createdAt: string;
  version: number;
}
