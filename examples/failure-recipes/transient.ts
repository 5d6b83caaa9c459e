/**
 * Recipe "retry what is worth retrying" (docs/testing-failure-paths.md): a merchant's wrapper around
 * any PortOne call that retries a 429, a 5xx or a lost connection with backoff, and never retries an
 * answer that is final (a PG refusal, ALREADY_PAID, a bad request), because retrying those only
 * repeats the refusal — or worse, pays twice under a new paymentId.
 */
import { RestError } from '@portone/server-sdk';

/** PortOne's error types that mean "the request was not carried out; try again later". */
const RETRYABLE_TYPES = new Set(['TOO_MANY_REQUESTS', 'UNAVAILABLE']);

/**
 * Whether a failed call may be retried as is. The official SDK throws a `RestError` carrying
 * PortOne's JSON body for every HTTP error, and lets fetch's own `TypeError` through when the
 * connection breaks before an answer — that one is retryable only for calls that are safe to repeat.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof RestError) return RETRYABLE_TYPES.has(String(error.data.type));
  return error instanceof TypeError || (error instanceof Error && error.name === 'TimeoutError');
}

export interface RetryOptions {
  /** Tries in all, the first included (default 5). */
  attempts?: number;
  /** Backoff before try n+1: base × 2ⁿ⁻¹ ms, capped at 10 s (default base 200 ms). */
  baseDelayMs?: number;
  /** How to wait; a test passes one that records instead of sleeping. */
  wait?: (ms: number) => Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Calls `call` until it answers or fails for good; the last error is thrown when tries run out. */
export async function retryTransient<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { attempts = 5, baseDelayMs = 200, wait = sleep } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error;
      await wait(Math.min(baseDelayMs * 2 ** (attempt - 1), 10_000));
    }
  }
}

/** Fails a call that has not answered within `ms` (the SDK has no timeout option of its own). */
export function withTimeout<T>(call: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DOMException(`no answer within ${ms} ms`, 'TimeoutError')), ms);
    call.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}
