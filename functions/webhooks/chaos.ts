/**
 * Webhook chaos: deliberately awkward deliveries so a merchant can prove their receiver is
 * idempotent, order-independent and rejects forgeries. Beyond PortOne, off by default, per store
 * (`PUT /sandbox/webhook/chaos`). Documented in docs/webhooks.md.
 */
import * as z from 'zod';

/** Longest chaos delay: one delay plus one 30 s delivery stays inside a 60 s dispatch Lambda. */
export const MAX_CHAOS_DELAY_MS = 10_000;
/** How long out-of-order chaos holds an event back when no later event of its payment comes (store clock). */
export const OUT_OF_ORDER_HOLD_MS = 60_000;

export const WebhookChaosSchema = z
  .object({
    /** Send every delivery twice at the same moment (same webhook-id, same body, racing each other). */
    duplicate: z.boolean().optional(),
    /** Wait this long before each delivery, so events queued later can overtake it. */
    delayMs: z.number().int().min(0).max(MAX_CHAOS_DELAY_MS).optional(),
    /** Sign with a random secret the receiver does not know. Wins over staleTimestamp. */
    invalidSignature: z.boolean().optional(),
    /** Sign correctly, but with a webhook-timestamp 10 minutes old (twice the receivers' tolerance). */
    staleTimestamp: z.boolean().optional(),
    /** Hold a payment's event back until its next event has been delivered (or OUT_OF_ORDER_HOLD_MS passed). */
    outOfOrder: z.boolean().optional(),
  })
  .strict();

export type WebhookChaos = z.infer<typeof WebhookChaosSchema>;

/** The store's chaos settings; anything unreadable counts as "off", never as a crash in the sender. */
export function readChaos(raw: unknown): WebhookChaos {
  const parsed = WebhookChaosSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
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
