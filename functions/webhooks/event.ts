/**
 * The body of a PortOne V2 webhook (webhook version 2024-04-25), byte for byte
 * what we sign: the signature covers the raw string, so the body is built
 * once, stored in the outbox and re-sent unchanged on every retry.
 */

export type WebhookEventType =
  | 'Transaction.Ready'
  | 'Transaction.Paid'
  | 'Transaction.VirtualAccountIssued'
  | 'Transaction.PartialCancelled'
  | 'Transaction.Cancelled'
  | 'Transaction.Failed'
  | 'Transaction.PayPending'
  | 'Transaction.CancelPending'
  | 'Transaction.DisputeCreated'
  | 'Transaction.DisputeResolved';

export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = [
  'Transaction.Ready',
  'Transaction.Paid',
  'Transaction.VirtualAccountIssued',
  'Transaction.PartialCancelled',
  'Transaction.Cancelled',
  'Transaction.Failed',
  'Transaction.PayPending',
  'Transaction.CancelPending',
  'Transaction.DisputeCreated',
  'Transaction.DisputeResolved',
];

/**
 * The events that concern one cancellation. The SDK's types make
 * `cancellationId` required on exactly these and absent on the others, and
 * receivers key refunds on it, so a mismatch is a bug worth failing on.
 */
const CANCELLATION_EVENTS: ReadonlySet<WebhookEventType> = new Set([
  'Transaction.PartialCancelled',
  'Transaction.Cancelled',
  'Transaction.CancelPending',
]);

export function isCancellationEvent(type: WebhookEventType): boolean {
  return CANCELLATION_EVENTS.has(type);
}

export interface WebhookEventInput {
  type: WebhookEventType;
  /** When the event happened (store clock). PortOne keeps it unchanged across retries. */
  timestamp: Date;
  storeId: string;
  paymentId: string;
  transactionId: string;
  /** Required for PartialCancelled, Cancelled and CancelPending; forbidden otherwise. */
  cancellationId?: string;
}

export interface WebhookBody {
  type: WebhookEventType;
  timestamp: string;
  data: { storeId: string; paymentId: string; transactionId: string; cancellationId?: string };
}

export function buildWebhookBody(input: WebhookEventInput): string {
  const { type, timestamp, storeId, paymentId, transactionId, cancellationId } = input;
  if (!WEBHOOK_EVENT_TYPES.includes(type)) throw new TypeError(`unknown webhook event type ${String(type)}`);
  if (Number.isNaN(timestamp.getTime())) throw new TypeError('webhook timestamp is an invalid Date');
  if (isCancellationEvent(type) && !cancellationId) {
    throw new TypeError(`${type} needs a cancellationId`);
  }
  if (!isCancellationEvent(type) && cancellationId !== undefined) {
    throw new TypeError(`${type} carries no cancellationId`);
  }
  // Key order is fixed here (not left to the caller's object) so the stored
  // body, and therefore its signature, is reproducible from the same event.
  const body: WebhookBody = {
    type,
    // RFC 3339 in UTC with milliseconds: the form of PortOne's documented example.
    timestamp: timestamp.toISOString(),
    data: {
      storeId,
      paymentId,
      transactionId,
      ...(cancellationId === undefined ? {} : { cancellationId }),
    },
  };
  return JSON.stringify(body);
}
