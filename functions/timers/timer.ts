import { createHash } from 'node:crypto';

import type { TimerKind } from '../domain/timer.ts';

// `whretry` predates the kind's rename: a re-derived id must equal the one already stored.
const KIND_PREFIX: Record<TimerKind, string> = { 'pg-void': 'pgvoid', 'webhook-delivery': 'whretry', 'payment-schedule': 'paysched', 'cancel-completion': 'cancelend', 'confirm-deadline': 'cnfdl' };

/**
 * Deterministic ids so that retrying a request re-derives the same timer (and the same schedule
 * name, which Scheduler refuses twice). 26 base32 chars keep `<kind>-<id>` well under 64.
 */
export function timerIdFor(kind: TimerKind, storeId: string, paymentId: string, discriminator = ''): string {
  const digest = createHash('sha256').update(`${kind}\n${storeId}\n${paymentId}\n${discriminator}`).digest();
  return `${KIND_PREFIX[kind]}-${base32(digest).slice(0, 26)}`;
}

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
