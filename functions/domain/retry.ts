/**
 * Retry on a lost race. Every state change is a conditional write (ports/repository.ts): the loser
 * of a race gets ConcurrentModificationError, reads again and decides again. This is the one loop
 * that does it, with the one table of how many rounds each operation gets.
 */
import { ConcurrentModificationError } from './errors.ts';

/** Rounds per operation before the last conflict is passed on (an HTTP caller sees 409 CONFLICT). */
export const RETRY_LIMITS = {
  /** Closing a checkout window: one customer, so a race is a result arriving at the same moment. */
  checkoutClose: 3,
  /** Resetting a store's test clock to zero: only a concurrent clock move can interfere. */
  clockReset: 5,
  /** A manual webhook resend: racing resends of one message take numbered slots. */
  manualResend: 5,
  /** The PG's batch void against a cancel or another delivery of its timer. */
  pgVoid: 10,
  /** A manual confirm's deadline against the merchant's confirmPayment. */
  confirmDeadline: 5,
  /** A manual capture against other changes of the payment (a cancel, the PG's void). */
  capture: 5,
  /** Escrow steps of one payment: one merchant's calls, rarely at once. */
  escrow: 5,
  /** Paymentwall delivery registrations of one payment: one merchant's calls, rarely at once. */
  paymentwallDelivery: 5,
  /** A billing key change or schedule creation: schedules created at once on one key move its version. */
  billingKey: 10,
  /** An identity verification: one customer's window or OTP calls, rarely at once. */
  identityVerification: 5,
  /** Webhook settings: a few admins saving at once. */
  webhookSettings: 10,
  /** Fault rules: the same, on the same store record. */
  faultSettings: 10,
  /** Opening or resolving a dispute: a tester's call against the payment's other changes. */
  dispute: 10,
  /** Enough for 20 concurrent cancels on one payment to each get a turn. */
  paymentCancel: 30,
} as const;

export interface RetryRound<R> {
  /** 1 for the first round. */
  attempt: number;
  /**
   * The stored record the previous round lost to, when the store returned it
   * (ConcurrentModificationError.current): read it instead of reading again. Undefined in round 1
   * and whenever the store could not tell.
   */
  current?: R;
}

export interface RetryOptions {
  /** How long to wait after losing round `attempt`, so racers spread out. No wait by default. */
  backoffMs?: (attempt: number) => number;
  /** What to throw after the last round lost, instead of the conflict itself. */
  onExhausted?: (last: ConcurrentModificationError) => Error;
}

/**
 * Runs `round` until it returns, throws something other than a ConcurrentModificationError, or has
 * lost `limit` times (then the last conflict, or what `onExhausted` makes of it, is thrown). A round
 * that cannot win by itself (e.g. an insert that found its key taken) throws a conflict to retry.
 */
export async function retryOnConflict<T, R = unknown>(limit: number, round: (r: RetryRound<R>) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  let current: R | undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      return await round({ attempt, current });
    } catch (err) {
      if (!(err instanceof ConcurrentModificationError)) throw err;
      if (attempt >= limit) throw options.onExhausted?.(err) ?? err;
      current = err.current as R | undefined;
      const wait = options.backoffMs?.(attempt);
      if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
