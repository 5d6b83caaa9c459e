/**
 * PortOne's webhook retry schedule (DEV: integration/webhook/readme-v2):
 * after a failed delivery, up to 5 retries waiting 1, 4, 16, 64, 256 minutes,
 * "with jittering". PortOne does not say which jitter; we use AWS's "full
 * jitter" (Architecture Blog, "Exponential Backoff And Jitter"):
 *
 *     delay = random_between(0, nominal)
 *
 * i.e. anywhere in [0, nominal], NOT nominal ± some spread. It spreads a
 * burst of failures best, at the price that a retry may come almost at once;
 * receivers must already tolerate that, and the nominal value is the upper
 * bound a test can wait for (advance the test clock by the nominal delay and
 * the retry is due).
 */

export const RETRY_DELAYS_MINUTES = [1, 4, 16, 64, 256] as const;
export const MAX_RETRIES = RETRY_DELAYS_MINUTES.length;
/** The first delivery plus every retry. */
export const MAX_ATTEMPTS = MAX_RETRIES + 1;

const MINUTE_MS = 60_000;

function assertAttemptNumber(attemptNumber: number): void {
  if (!Number.isInteger(attemptNumber) || attemptNumber < 1) {
    throw new RangeError(`attemptNumber must be an integer ≥ 1 (attempts already made), got ${attemptNumber}`);
  }
}

/** The un-jittered upper bound of the wait before the next attempt, or null when retries are exhausted. */
export function nominalRetryDelayMs(attemptNumber: number): number | null {
  assertAttemptNumber(attemptNumber);
  const minutes = RETRY_DELAYS_MINUTES[attemptNumber - 1];
  return minutes === undefined ? null : minutes * MINUTE_MS;
}

/**
 * How long to wait before the next delivery attempt.
 *
 * @param attemptNumber 1-based count of attempts already made (1 after the
 *   first delivery failed), so 1..5 give a delay and 6 (five retries used) null.
 * @param random source in [0, 1]; injectable so tests are deterministic.
 * @returns whole milliseconds in [0, nominal], or null when no retry is left.
 */
export function nextRetryDelayMs(attemptNumber: number, random: () => number = Math.random): number | null {
  const nominal = nominalRetryDelayMs(attemptNumber);
  if (nominal === null) return null;
  const r = random();
  if (!(r >= 0 && r <= 1)) throw new RangeError(`random() must return a number in [0, 1], got ${r}`);
  return Math.floor(r * nominal);
}
