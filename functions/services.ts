import type { Repository } from './ports/repository.ts';
import type { TimerScheduler } from './ports/scheduler.ts';
import type { DispatchOptions } from './webhooks/dispatch-options.ts';

export interface OutboxKey {
  storeId: string;
  paymentId: string;
  eventId: string;
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
  /** Webhook dispatcher knobs (timeout, jitter source); unset = PortOne's values. */
  webhookDispatch?: DispatchOptions;
}
