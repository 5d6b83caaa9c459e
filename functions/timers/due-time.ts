/**
 * When does the PG void a test payment by itself? Pure: the caller passes the (simulated) approval time.
 *
 * - `daily-batch`: every payment gets its own instant inside [windowStart, windowEnd) of a KST day,
 *   derived from a hash of its paymentId, so two runs (and two sandboxes) agree and a batch of payments
 *   is spread over the window like a real batch job. The payment is voided at that instant on its
 *   approval's KST date if it was approved *strictly before* that instant; otherwise at the same instant on
 *   the next KST date. So a payment approved at 23:55 KST is voided tomorrow night; one approved at 23:10
 *   whose instant is 23:37 is voided tonight at 23:37; one whose instant is 23:04 is voided tomorrow at 23:04.
 * - `interval`: the first 30- or 60-minute boundary of the KST clock strictly after approval
 *   (approved exactly on a boundary → the next one).
 * - `delay` (channel override for fast tests): approval + seconds.
 * - `none` / `never`: nothing is voided → null.
 */
import { KST_OFFSET_MS, kstMidnight, parseHhmm } from '../domain/kst.ts';
import type { AutoRefundDelayOverride, AutoRefundRule } from '../domain/profiles/types.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** 32-bit FNV-1a over the UTF-8 bytes: tiny, fast, and the same on every run and platform. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Milliseconds after KST midnight at which this payment's batch void happens (whole seconds). */
export function batchOffsetMs(windowStart: string, windowEnd: string, paymentId: string): number {
  const start = parseHhmm(windowStart);
  const end = parseHhmm(windowEnd);
  if (end <= start) throw new Error(`batch window ${windowStart}–${windowEnd} must end after it starts, on the same day`);
  const windowSeconds = (end - start) * 60;
  return start * MINUTE_MS + (fnv1a32(paymentId) % windowSeconds) * 1000;
}

export function computeAutoRefundDue(
  rule: AutoRefundRule | AutoRefundDelayOverride,
  approvedAt: Date,
  paymentId: string,
): Date | null {
  const t = approvedAt.getTime();
  if (Number.isNaN(t)) throw new Error('approvedAt is not a valid date');
  switch (rule.kind) {
    case 'daily-batch': {
      const offset = batchOffsetMs(rule.windowStart, rule.windowEnd, paymentId);
      const tonight = kstMidnight(approvedAt) + offset;
      return new Date(t < tonight ? tonight : tonight + DAY_MS);
    }
    case 'interval': {
      const step = rule.minutes * MINUTE_MS;
      // Boundaries of the KST wall clock (:00/:30); 9 h is a multiple of both steps, but say what we mean.
      const kst = t + KST_OFFSET_MS;
      const next = Math.floor(kst / step) * step + step;
      return new Date(next - KST_OFFSET_MS);
    }
    case 'delay':
      return new Date(t + rule.seconds * 1000);
    case 'none':
    case 'never':
      return null;
  }
}
