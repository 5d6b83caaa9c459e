import { createHash } from 'node:crypto';

/**
 * A timer is something that will happen to a payment at a simulated time: the PG's auto-cancel
 * batch or a webhook retry. It is a record in the table (the truth) and
 * one one-shot EventBridge schedule named `<kind>-<id>` (the alarm clock). The record is stored in
 * the store's simulated time; the schedule fires at the matching wall-clock time.
 */
export type TimerKind = 'pg-void' | 'webhook-retry';
export type TimerState = 'PENDING' | 'FIRED' | 'CANCELLED';

export interface TimerRecord {
  storeId: string;
  timerId: string;
  kind: TimerKind;
  paymentId: string;
  /** Simulated due time (store clock), RFC 3339 UTC. */
  dueAt: string;
  state: TimerState;
  /** Why it exists, in words: the profile rule that set it. */
  reason: string;
  scheduleName: string;
  createdAt: string;
  firedAt?: string;
  cancelledAt?: string;
  /** Kind-specific data (e.g. the outbox event a webhook retry re-sends). */
  payload?: Record<string, unknown>;
}

/** What EventBridge Scheduler hands the timers function (the schedule's `Input`). */
export interface TimerInput {
  storeId: string;
  timerId: string;
  /**
   * Webhook timers also name their outbox entry, so the schedule can deliver even when it has no
   * timer record (a redrive scheduled while the table was failing, see webhooks/redrive.ts).
   */
  paymentId?: string;
  eventId?: string;
}

const KIND_PREFIX: Record<TimerKind, string> = { 'pg-void': 'pgvoid', 'webhook-retry': 'whretry' };

/**
 * Deterministic ids so that retrying a request re-derives the same timer (and the same schedule
 * name, which Scheduler refuses twice). 26 base32 chars keep `<kind>-<id>` well under 64.
 */
export function timerIdFor(kind: TimerKind, storeId: string, paymentId: string, discriminator = ''): string {
  const digest = createHash('sha256').update(`${kind}\n${storeId}\n${paymentId}\n${discriminator}`).digest();
  return `${KIND_PREFIX[kind]}-${base32(digest).slice(0, 26)}`;
}

/** The timer id is already `<kind>-<id>`, valid for Scheduler's `[0-9a-zA-Z-_.]{1,64}`. */
export const scheduleNameFor = (timerId: string) => timerId;

function base32(bytes: Uint8Array): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}
