import type { PaymentRecord } from '../domain/payment.ts';
import type { StoreRecord } from '../domain/store.ts';
import { MAX_COMMITS_TOGETHER, type PaymentCommit, type PaymentSideEffects, type Repository } from '../ports/repository.ts';

/**
 * The repository as one round of a clock advance sees it, so that thousands of due timers cost a
 * few calls each instead of four:
 * - the store is read once per advance, not once per timer;
 * - the round's payments are read in batches beforehand; each prefetched payment answers the
 *   first `getPayment` of it only (a second timer of the payment, or a retry after a lost race,
 *   reads the table again);
 * - payment commits of timers running side by side are gathered into shared transactions
 *   (group commit: while one is in flight, the next gathers). When a shared transaction does not
 *   apply, nothing of it was written and its halves are tried apart, down to each change alone, so
 *   every timer still gets its own conditional outcome (exactly-once stays with the conditional write).
 * Everything else goes to the repository unchanged.
 */
export function clockRoundRepository(repo: Repository, store: StoreRecord, prefetched: Map<string, PaymentRecord>): Repository {
  const commits = new GroupCommit(repo);
  const overrides: Partial<Repository> = {
    getStore: async (storeId) => (storeId === store.storeId ? structuredClone(store) : repo.getStore(storeId)),
    getPayment: async (storeId, paymentId) => {
      const payment = storeId === store.storeId ? prefetched.get(paymentId) : undefined;
      if (!payment) return repo.getPayment(storeId, paymentId);
      prefetched.delete(paymentId);
      return payment;
    },
    commitPayment: (payment, expectedVersion, effects) => commits.commit({ payment, expectedVersion, ...(effects && { effects }) }),
  };
  return new Proxy(repo, {
    get(target, name, receiver) {
      if (Object.hasOwn(overrides, name)) return overrides[name as keyof Repository];
      const value: unknown = Reflect.get(target, name, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Shared transactions in flight at once. */
const MAX_IN_FLIGHT = 2;

interface Waiting {
  change: PaymentCommit;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Gathers commits while a shared transaction is in flight. A second one leaves only with a full
 * batch: on an idle engine it overlaps the first (the engine parses one request while it writes
 * the other), and a part-filled batch waits to gather more instead.
 */
class GroupCommit {
  private waiting: Waiting[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(private readonly repo: Repository) {}

  commit(change: PaymentCommit): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ change, resolve, reject });
      // Let the other workers of this turn add theirs before a transaction leaves.
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  private pump(): void {
    while (this.waiting.length > 0 && (this.inFlight === 0 || (this.inFlight < MAX_IN_FLIGHT && this.waiting.length >= MAX_COMMITS_TOGETHER))) {
      const batch = this.waiting.splice(0, MAX_COMMITS_TOGETHER);
      this.inFlight++;
      void this.write(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  /**
   * One shared transaction; if it does not apply (a change's condition failed, or the changes do
   * not fit one transaction), each half is tried on its own, down to single commits: one change
   * that lost its race costs about 2·log2(n) transactions instead of n.
   */
  private async write(batch: Waiting[]): Promise<void> {
    if (batch.length === 1) {
      const { change, resolve, reject } = batch[0]!;
      await this.repo.commitPayment(change.payment, change.expectedVersion, change.effects as PaymentSideEffects | undefined).then(resolve, reject);
      return;
    }
    const together = await this.repo.commitPaymentsTogether(batch.map((w) => w.change)).catch(() => false);
    if (together) {
      for (const w of batch) w.resolve();
      return;
    }
    const half = Math.ceil(batch.length / 2);
    await Promise.all([this.write(batch.slice(0, half)), this.write(batch.slice(half))]);
  }
}
