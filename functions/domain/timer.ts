/**
 * A timer is something that will happen to a payment at a simulated time: the PG's auto-cancel
 * batch (`pg-void`), a later delivery of a webhook (`webhook-delivery`: a retry, an out-of-order
 * hold, a redrive), a scheduled billing-key charge (`payment-schedule`, payload `scheduleId`), the
 * PG's late answer to an asynchronous cancel (`cancel-completion`, payload `cancellationId`) or the
 * end of a manually confirmed payment's wait for confirmPayment (`confirm-deadline`, payload `txId`).
 * It is a record in the table (the truth) and one one-shot EventBridge schedule
 * named after the timer id (the alarm clock). The record is stored in the store's simulated time;
 * the schedule fires at the matching wall-clock time.
 */
export type TimerKind = 'pg-void' | 'webhook-delivery' | 'payment-schedule' | 'cancel-completion' | 'confirm-deadline';

/**
 * Kinds that data written by earlier versions still holds, and the kind each is now: repositories
 * read timers through {@link withCurrentKind}, so a pending timer stored before a rename still runs.
 */
const FORMER_KINDS: Readonly<Record<string, TimerKind>> = { 'webhook-retry': 'webhook-delivery' };

export function withCurrentKind(timer: TimerRecord): TimerRecord {
  const kind = FORMER_KINDS[timer.kind];
  return kind ? { ...timer, kind } : timer;
}
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
  /** The Scheduler schedule's name: the timer id, already `<kind>-<id>` and valid for Scheduler's `[0-9a-zA-Z-_.]{1,64}`. */
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
