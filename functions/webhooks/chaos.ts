/**
 * Webhook chaos: deliberately awkward deliveries so a merchant can prove their receiver is
 * idempotent, order-independent and rejects forgeries. Beyond PortOne, off by default, per store
 * (`PUT /sandbox/webhook/chaos`). Documented in docs/webhooks.md.
 */
/** Longest chaos delay: one delay plus one 30 s delivery stays inside a 60 s dispatch Lambda. */
export const MAX_CHAOS_DELAY_MS = 10_000;
/** How long out-of-order chaos holds an event back when no later event of its payment comes (store clock). */
export const OUT_OF_ORDER_HOLD_MS = 60_000;

/**
 * The chaos modes. `PUT /sandbox/webhook/chaos` validates a request against its own zod schema
 * (http/sandbox/webhook-routes.ts, checked against this type); the sender reads stored settings
 * with readChaos below, without zod, so the timers and dispatch functions do not bundle it.
 */
export interface WebhookChaos {
  /** Send every delivery twice at the same moment (same webhook-id, same body, racing each other). */
  duplicate?: boolean;
  /** Wait this long before each delivery, so events queued later can overtake it. */
  delayMs?: number;
  /** Sign with a random secret the receiver does not know. Wins over staleTimestamp. */
  invalidSignature?: boolean;
  /** Sign correctly, but with a webhook-timestamp 10 minutes old (twice the receivers' tolerance). */
  staleTimestamp?: boolean;
  /** Hold a payment's event back until its next event has been delivered (or OUT_OF_ORDER_HOLD_MS passed). */
  outOfOrder?: boolean;
}

const FLAGS = ['duplicate', 'invalidSignature', 'staleTimestamp', 'outOfOrder'] as const;

/**
 * The store's chaos settings; anything unreadable counts as "off", never as a crash in the sender.
 * Accepts exactly what the API's schema accepts: known keys only, flags boolean, delayMs a whole
 * number within [0, MAX_CHAOS_DELAY_MS].
 */
export function readChaos(raw: unknown): WebhookChaos {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) return {};
  const chaos: WebhookChaos = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if ((FLAGS as readonly string[]).includes(key)) {
      if (typeof value !== 'boolean') return {};
      chaos[key as (typeof FLAGS)[number]] = value;
    } else if (key === 'delayMs') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_CHAOS_DELAY_MS) return {};
      chaos.delayMs = value;
    } else {
      return {};
    }
  }
  return chaos;
}

/** Only the modes that are on, so `{}` means "chaos off" in stored settings and API answers. */
export function normalizeChaos(chaos: WebhookChaos): WebhookChaos {
  const out: WebhookChaos = {};
  if (chaos.duplicate) out.duplicate = true;
  if (chaos.delayMs) out.delayMs = chaos.delayMs;
  if (chaos.invalidSignature) out.invalidSignature = true;
  if (chaos.staleTimestamp) out.staleTimestamp = true;
  if (chaos.outOfOrder) out.outOfOrder = true;
  return out;
}
