/**
 * The local runtime's after-commit step (ports/after-commit.ts): a new payment's count and
 * events are written by `recordPaymentBookkeeping` right after its transaction, in this process,
 * while the answer goes out. Nothing is lost by a crash in between: the step is idempotent, and the
 * start-up sweep (recover-bookkeeping.ts) runs it again for every payment the table shows it
 * missed. A step that keeps failing is logged and left to that sweep.
 */
import { logger } from '../logger.ts';
import type { AfterCommitBookkeeping } from '../ports/after-commit.ts';
import type { PaymentBookkeeping, Repository } from '../ports/repository.ts';
import { Slots } from './slots.ts';

/** Steps in flight at once: enough to keep up with requests, few enough for a sweep of thousands. */
const CONCURRENCY = 8;
/** Waits before each retry of a failing step. */
const RETRY_DELAYS_MS = [50, 200, 800];

export class InProcessBookkeeping implements AfterCommitBookkeeping {
  /** Steps not yet finished, per store. */
  private readonly pending = new Map<string, Set<Promise<void>>>();
  private readonly slots = new Slots(CONCURRENCY);

  /** `run: false` drops every step, as if the process died right after each commit (tests of the sweep). */
  constructor(
    private readonly repo: Repository,
    private readonly opts: { run?: boolean } = {},
  ) {}

  run(storeId: string, paymentId: string, work: PaymentBookkeeping): void {
    if (this.opts.run === false) return;
    const steps = this.pending.get(storeId) ?? new Set<Promise<void>>();
    this.pending.set(storeId, steps);
    const step = this.slots.run(() => this.withRetries(storeId, paymentId, work)).finally(() => {
      steps.delete(step);
      if (steps.size === 0 && this.pending.get(storeId) === steps) this.pending.delete(storeId);
    });
    steps.add(step);
  }

  async settled(storeId: string): Promise<void> {
    // Steps handed over while waiting join the set: wait until it is empty.
    for (let steps = this.pending.get(storeId); steps?.size; steps = this.pending.get(storeId)) await Promise.all(steps);
  }

  /** Every step handed over so far has run. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending.keys()].map((storeId) => this.settled(storeId)));
  }

  private async withRetries(storeId: string, paymentId: string, work: PaymentBookkeeping): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.repo.recordPaymentBookkeeping(storeId, paymentId, work);
        return;
      } catch (err) {
        const delay = RETRY_DELAYS_MS[attempt];
        if (delay === undefined) {
          logger.error('local runtime: payment count and events not written; the next start-up sweep writes them', { storeId, paymentId, error: String(err) });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}
