import type { Repository } from './ports/repository.ts';
import type { TimerScheduler } from './ports/scheduler.ts';
import type { TimerKind, TimerRecord } from './domain/timer.ts';

export interface OutboxKey {
  storeId: string;
  paymentId: string;
  eventId: string;
}

/**
 * Knobs of the webhook dispatcher. Production leaves them unset (PortOne's values); tests and the
 * local runtime set them to make timeouts short and jitter deterministic.
 */
export interface DispatchOptions {
  /** Per-attempt budget (DNS, connect, answer); PortOne waits 30 s. */
  timeoutMs?: number;
  /** The confirm process's call to the merchant (domain/confirm-process.ts); PortOne waits 10 s. */
  confirmTimeoutMs?: number;
  /** Jitter source in [0, 1] for the retry delay (full jitter: delay = random() × nominal). */
  random?: () => number;
  fetchImpl?: typeof fetch;
  /** The runtime shutting down: the attempt is abandoned unrecorded and sent again later. */
  signal?: AbortSignal;
}

/** Runs the effect of one due timer; answers what it did, in words, or `'skipped'` when someone else already did. */
export type TimerHandler = (services: Services, timer: TimerRecord) => Promise<string>;

/**
 * What each timer kind does when it falls due. The use cases that own a kind provide its handler
 * (payments: `pg-void`; webhooks: `webhook-delivery`) and the wiring assembles the table, so the
 * timers use case runs them without importing the use cases that create them.
 */
export interface TimerHandlers {
  kinds: Record<TimerKind, TimerHandler>;
  /** A schedule that found no timer record but names an outbox entry: a webhook redrive. */
  recordless: (services: Services, key: OutboxKey) => Promise<string>;
}

/**
 * Everything a use case may touch, wired once per process by a handler or the local runtime.
 * Use cases receive it explicitly; nothing reaches for globals.
 */
export interface Services {
  repo: Repository;
  scheduler: TimerScheduler;
  /** Wall clock (ms). Store clocks add their offset on top. Injected so tests could pin it. */
  wallNow: () => number;
  /**
   * Starts webhook delivery for freshly committed outbox events. Locally an in-process worker; on
   * AWS unset, because the table's stream drives the dispatch function.
   */
  onOutboxCommitted?: (events: OutboxKey[]) => void;
  /** Key that signs checkout sessions and console cookies. */
  sessionSigningKey: string;
  /** Loopback webhook URLs are fine on a laptop and dangerous on Lambda (the runtime API lives there). */
  allowLoopbackWebhooks: boolean;
  /** What each timer kind does when due (wiring.ts assembles it). */
  timerHandlers: TimerHandlers;
  /** Webhook dispatcher knobs (timeout, jitter source); unset = PortOne's values. */
  webhookDispatch?: DispatchOptions;
}
