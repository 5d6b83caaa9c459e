import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_ATTEMPTS,
  MAX_RETRIES,
  nextRetryDelayMs,
  nominalRetryDelayMs,
  RETRY_DELAYS_MINUTES,
} from '../../functions/webhooks/retry-policy.ts';

const MINUTE = 60_000;

describe('webhook retry policy', () => {
  it('has PortOne’s nominal schedule: 1, 4, 16, 64, 256 minutes, then none', () => {
    expect(RETRY_DELAYS_MINUTES).toEqual([1, 4, 16, 64, 256]);
    expect([1, 2, 3, 4, 5, 6].map(nominalRetryDelayMs)).toEqual([1 * MINUTE, 4 * MINUTE, 16 * MINUTE, 64 * MINUTE, 256 * MINUTE, null]);
    expect(MAX_RETRIES).toBe(5);
    expect(MAX_ATTEMPTS).toBe(6);
  });

  it('is deterministic with an injected random source (full jitter: random × nominal)', () => {
    expect(nextRetryDelayMs(1, () => 0)).toBe(0);
    expect(nextRetryDelayMs(1, () => 0.5)).toBe(30_000);
    expect(nextRetryDelayMs(3, () => 0.25)).toBe(4 * MINUTE);
    expect(nextRetryDelayMs(5, () => 1)).toBe(256 * MINUTE);
  });

  it('property: every delay is a whole number of ms in [0, nominal]; null after 5 retries', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, r) => {
        const delay = nextRetryDelayMs(attempt, () => r);
        const nominal = nominalRetryDelayMs(attempt);
        if (attempt > MAX_RETRIES) return delay === null && nominal === null;
        return nominal !== null && delay !== null && Number.isInteger(delay) && delay >= 0 && delay <= nominal;
      }),
    );
  });

  it('property: the jitter never consults random once retries are exhausted', () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_RETRIES + 1, max: 1_000 }), (attempt) => {
        let called = false;
        return nextRetryDelayMs(attempt, () => ((called = true), 0.5)) === null && !called;
      }),
    );
  });

  it('spreads delays across the whole window with the default random source', () => {
    const samples = Array.from({ length: 2_000 }, () => nextRetryDelayMs(2) ?? Number.NaN);
    expect(Math.min(...samples)).toBeLessThan(0.1 * 4 * MINUTE);
    expect(Math.max(...samples)).toBeGreaterThan(0.9 * 4 * MINUTE);
  });

  it('rejects nonsense input', () => {
    expect(() => nextRetryDelayMs(0)).toThrow(RangeError);
    expect(() => nextRetryDelayMs(1.5)).toThrow(RangeError);
    expect(() => nextRetryDelayMs(1, () => 1.5)).toThrow(RangeError);
    expect(() => nextRetryDelayMs(1, () => Number.NaN)).toThrow(RangeError);
  });
});
