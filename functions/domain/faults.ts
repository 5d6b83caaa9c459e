/**
 * Fault injection (sandbox, beyond PortOne; docs/faults.md): a store's rules that make the
 * PortOne API misbehave the way production PGs and networks do, so a merchant's failure handling
 * can be built and tested before any contract. Pure: which rule applies to a request, and what it
 * does. The HTTP layer applies the effect; faults/ keeps the rules and the log.
 */

/** What a rule matches: the PortOne operation the request is (http/faults.ts classifies it). */
export const FAULT_OPERATIONS = ['pay', 'cancel', 'get', 'list', 'billing', 'schedule', 'other'] as const;
export type FaultOperation = (typeof FAULT_OPERATIONS)[number];

export type FaultEffect =
  /** Answer later: a fixed delay, or uniformly between min and max. */
  | { kind: 'latency'; ms?: number; minMs?: number; maxMs?: number }
  /** 429 TOO_MANY_REQUESTS with `Retry-After` (seconds), nothing done. */
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  /** A 5xx in PortOne's error shape, nothing done. */
  | { kind: 'error'; status: 500 | 502 | 503 | 504 }
  /** The connection is closed without an answer, nothing done. */
  | { kind: 'drop' }
  /** No answer for `holdMs`, then the connection is closed: the caller's own timeout fires. Nothing done. */
  | { kind: 'timeout'; holdMs: number }
  /**
   * The operation is carried out (the PG approved, the payment is PAID, the webhook will come) but
   * the caller never learns it: its call fails as `then` says. It must reconcile by getPayment or
   * the webhook.
   */
  | { kind: 'ambiguous'; then: 'error' | 'drop' | 'timeout'; holdMs?: number }
  /**
   * Cancels only: the PG accepts the cancel as pending (`REQUESTED`, `Transaction.CancelPending`) and
   * answers `outcome` after `delaySeconds` on the store clock (docs/async-cancel.md).
   */
  | { kind: 'async-cancel'; delaySeconds: number; outcome: 'SUCCEEDED' | 'FAILED' };

export interface FaultRule {
  id: string;
  operation: FaultOperation | '*';
  /** Only requests on this channel, or on channels of this PG (pay, cancel of its payments …). */
  channelKey?: string;
  pgProvider?: string;
  /** Only requests whose paymentId starts with this: a "magic value" a test puts in its ids. */
  paymentIdPrefix?: string;
  /** Only payments of exactly this amount (amount.total): another magic value. */
  amount?: number;
  /** The share of matching requests it hits (0–1); 1 when absent. Seeded when the store has a seed. */
  rate?: number;
  /** At most this many hits per paymentId (per operation when the request has none): "fail twice, then let it through". */
  times?: number;
  effect: FaultEffect;
}

export interface FaultSettings {
  rules: FaultRule[];
  /** Makes every `rate` decision reproducible: the same seed, rules and requests hit the same requests. */
  seed?: number;
  /**
   * When the rules were set (store time; set by the sandbox). Hits count from here, for `times` and
   * for seeded draws, so setting the same rules again replays the same sequence.
   */
  setAt?: string;
}

/** What a request looks like to the rules. Fields the request does not carry are absent. */
export interface FaultRequest {
  operation: FaultOperation;
  paymentId?: string;
  channelKey?: string;
  pgProvider?: string;
  amount?: number;
}

export const FAULT_LIMITS = { rules: 20, latencyMs: 20_000, holdMs: 60_000, retryAfterSeconds: 3_600, asyncCancelDelaySeconds: 30 * 24 * 3_600 } as const;

/** The key a rule's `times` counts hits under. */
export const hitKey = (rule: Pick<FaultRule, 'id'>, request: FaultRequest) => `${rule.id}:${request.paymentId ?? request.operation}`;

export function matches(rule: FaultRule, request: FaultRequest): boolean {
  if (rule.operation !== '*' && rule.operation !== request.operation) return false;
  if (rule.channelKey !== undefined && rule.channelKey !== request.channelKey) return false;
  if (rule.pgProvider !== undefined && rule.pgProvider !== request.pgProvider) return false;
  if (rule.paymentIdPrefix !== undefined && !request.paymentId?.startsWith(rule.paymentIdPrefix)) return false;
  if (rule.amount !== undefined && rule.amount !== request.amount) return false;
  return true;
}

/**
 * A number in [0, 1) from the seed and what identifies this decision (FNV-1a, then a
 * xorshift mix): the same inputs give the same number in every run, on every machine.
 */
export function seededUnit(seed: number, ...parts: (string | number)[]): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (const ch of `${parts.join('\u0000')}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

export interface FaultDecision {
  rule: FaultRule;
  /** The delay a latency effect adds, decided with the rest so a seed reproduces it. */
  latencyMs?: number;
}

/**
 * The first rule that matches and hits. `hits(key)` says how often a rule already hit under its
 * hit key; with a seed it also tells decisions apart (the nth try of one paymentId), so a test
 * that retries sees the same sequence on every run. `random` is used without a seed.
 */
export function decideFault(settings: FaultSettings, request: FaultRequest, hits: (key: string) => number, random: () => number = Math.random): FaultDecision | undefined {
  for (const rule of settings.rules) {
    if (!matches(rule, request)) continue;
    const key = hitKey(rule, request);
    const hitsSoFar = hits(key);
    if (rule.times !== undefined && hitsSoFar >= rule.times) continue;
    const draw = (salt: string) => (settings.seed === undefined ? random() : seededUnit(settings.seed, key, hitsSoFar, salt));
    if (rule.rate !== undefined && rule.rate < 1 && draw('rate') >= rule.rate) continue;
    const effect = rule.effect;
    if (effect.kind !== 'latency') return { rule };
    const latencyMs = effect.ms ?? Math.round((effect.minMs ?? 0) + draw('latency') * ((effect.maxMs ?? effect.minMs ?? 0) - (effect.minMs ?? 0)));
    return { rule, latencyMs };
  }
  return undefined;
}

/** One line for logs and timelines, e.g. "rate-limit (Retry-After 2 s)". */
export function describeEffect(effect: FaultEffect, latencyMs?: number): string {
  switch (effect.kind) {
    case 'latency':
      return `latency ${latencyMs ?? effect.ms ?? 0} ms`;
    case 'rate-limit':
      return `429 (Retry-After ${effect.retryAfterSeconds} s)`;
    case 'error':
      return `HTTP ${effect.status}`;
    case 'drop':
      return 'connection dropped';
    case 'timeout':
      return `no answer for ${effect.holdMs} ms, then dropped`;
    case 'ambiguous':
      return `done, but the caller got ${effect.then === 'error' ? 'HTTP 500' : effect.then === 'drop' ? 'a dropped connection' : 'a timeout'}`;
    case 'async-cancel':
      return `cancel pending: the PG answers ${effect.outcome} after ${effect.delaySeconds} s`;
  }
}

/** One injected fault, as the fault log and the payment's timeline show it. */
export interface FaultLogEntry {
  storeId: string;
  faultId: string;
  /** Store time (the test clock) when it was injected. */
  at: string;
  operation: FaultOperation;
  method: string;
  path: string;
  paymentId?: string;
  ruleId: string;
  /** hitKey(rule, request): what `times` counts. */
  hitKey: string;
  effect: FaultEffect['kind'];
  description: string;
}
