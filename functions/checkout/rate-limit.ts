/**
 * Per-store token buckets for opening checkout sessions, held in this process. The checkout is
 * public, so this bounds what one anonymous browser (or script) can make a store's sandbox write
 * and send. It is per process: locally that is the whole sandbox; on AWS it is one Lambda
 * instance, so N warm instances allow up to N times the rate (docs/checkout-and-console.md).
 */
export const SESSION_RATE = {
  /** Sessions a store can open at once. */
  burst: 60,
  /** Sessions per minute after the burst is spent. */
  perMinute: 60,
  /** Stores tracked; the least recently used one is forgotten beyond this (a fresh bucket is full anyway). */
  maxStores: 10_000,
} as const;

interface Bucket {
  tokens: number;
  at: number;
}

export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

export class SessionRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly rate: { burst: number; perMinute: number; maxStores: number } = SESSION_RATE) {}

  /** Takes one token of `key`'s bucket at wall time `nowMs`, or says how long until one is back. */
  take(key: string, nowMs: number): Take {
    const perMs = this.rate.perMinute / 60_000;
    const previous = this.buckets.get(key);
    const elapsed = previous ? Math.max(0, nowMs - previous.at) : 0;
    const tokens = previous ? Math.min(this.rate.burst, previous.tokens + elapsed * perMs) : this.rate.burst;
    this.buckets.delete(key); // re-inserted last: Map order is then least recently used first
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: nowMs });
      return { ok: false, retryAfterSeconds: Math.ceil((1 - tokens) / perMs / 1000) };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: nowMs });
    if (this.buckets.size > this.rate.maxStores) this.buckets.delete(this.buckets.keys().next().value!);
    return { ok: true };
  }
}
