/**
 * The local runtime's stand-in for "table stream → dispatch function": committed outbox keys are
 * queued in memory and handed to the same dispatchEvent the Lambda runs. Memory is only a
 * shortcut: the truth is the PENDING entry in the table, so whatever this queue loses when the
 * process dies is found again by the start-up sweep (recover.ts).
 *
 * Events are started in commit order but run concurrently (PortOne does not promise order
 * either), so a chaos delay on one lets later events overtake it.
 */
import { logger } from '../logger.ts';
import type { DispatchOptions, OutboxKey, Services } from '../services.ts';
import { dispatchEvent } from '../webhooks/dispatch.ts';

export interface OutboxWorkerOptions {
  /** Deliveries in flight at once. */
  concurrency?: number;
  /** Tries per event when the infrastructure (not the receiver) fails, e.g. DynamoDB unreachable. */
  maxTries?: number;
  /** Wait before such a retry, doubled each time. */
  retryDelayMs?: number;
  dispatch?: DispatchOptions;
}

const keyOf = (k: OutboxKey) => `${k.storeId}\n${k.paymentId}\n${k.eventId}`;

export class OutboxWorker {
  private readonly queue: { key: OutboxKey; tries: number }[] = [];
  /** Queued, running or waiting to be retried: an event is never worked on twice at once. */
  private readonly known = new Set<string>();
  private running = 0;
  private waiting = 0;
  private readonly idleWaiters: (() => void)[] = [];
  private readonly abort = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private closed = false;
  private readonly concurrency: number;
  private readonly maxTries: number;
  private readonly retryDelayMs: number;

  constructor(
    private readonly services: Services,
    private readonly options: OutboxWorkerOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 16;
    this.maxTries = options.maxTries ?? 5;
    this.retryDelayMs = options.retryDelayMs ?? 200;
  }

  /** Queues freshly committed (or recovered) events; keys already queued or running are ignored. */
  enqueue(keys: readonly OutboxKey[]): void {
    if (this.closed) return;
    for (const key of keys) {
      const id = keyOf(key);
      if (this.known.has(id)) continue;
      this.known.add(id);
      this.queue.push({ key, tries: 0 });
    }
    this.pump();
  }

  /** Events queued, running or waiting for an infrastructure retry. */
  get pending(): number {
    return this.queue.length + this.running + this.waiting;
  }

  /** Resolves once nothing is queued or running: tests synchronise on it instead of sleeping. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Stops: drops the queue and abandons sends in flight without recording them. Those events stay
   * PENDING (or their retry timer PENDING) in the table, so the next start delivers them.
   */
  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    for (const t of this.retryTimers) clearTimeout(t);
    this.retryTimers.clear();
    this.waiting = 0;
    this.abort.abort(new Error('the local runtime is shutting down'));
    await Promise.allSettled([...this.inFlight]);
    this.known.clear();
    this.notifyIdle();
  }

  private pump(): void {
    while (!this.closed && this.running < this.concurrency && this.queue.length > 0) {
      const job = this.queue.shift()!;
      this.running++;
      const task = this.run(job).finally(() => {
        this.running--;
        this.inFlight.delete(task);
        this.pump();
        this.notifyIdle();
      });
      this.inFlight.add(task);
    }
  }

  private async run(job: { key: OutboxKey; tries: number }): Promise<void> {
    const id = keyOf(job.key);
    try {
      await dispatchEvent(this.services, job.key, { ...this.options.dispatch, signal: this.abort.signal });
      this.known.delete(id);
    } catch (err) {
      if (this.closed) return;
      job.tries++;
      if (job.tries >= this.maxTries) {
        this.known.delete(id);
        logger.error('webhook: giving up on an event until the next start-up sweep', { ...job.key, error: String(err) });
        return;
      }
      logger.warn('webhook: dispatch failed, retrying', { ...job.key, tries: job.tries, error: String(err) });
      this.waiting++;
      const timer = setTimeout(() => {
        this.retryTimers.delete(timer);
        this.waiting--;
        this.queue.push(job);
        this.pump();
      }, this.retryDelayMs * 2 ** (job.tries - 1));
      this.retryTimers.add(timer);
    }
  }

  private notifyIdle(): void {
    if (this.pending !== 0) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
