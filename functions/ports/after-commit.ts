import type { PaymentBookkeeping } from './repository.ts';

/**
 * The after-commit step of a change that creates a payment: its count in the store's payment
 * counter and its payment events (a `PAID` one when it is paid at once; getAllPaymentEventsByCursor)
 * are written right after the payment's transaction instead of in it, so pay commits two items
 * instead of four (docs/benchmarks.md, "API latency against its DynamoDB floor"). The step is `Repository.recordPaymentBookkeeping`, idempotent: a marker item makes the
 * count exactly-once, and each event is written only where its key is free.
 *
 * Only the local runtime has one (local/after-commit.ts: in process, swept at start-up from the
 * table, so a crash between the commit and the step loses nothing). Where `Services.afterCommit`
 * is unset (the Lambda functions) the count and the events stay in the payment's transaction: a
 * Lambda freezes a promise nobody awaits, and awaiting the step after the commit costs a round
 * trip more than writing it inside (docs/architecture.md, "State").
 */
export interface AfterCommitBookkeeping {
  /** Hands over the step of one committed change; it runs soon, off the caller's path, and never throws at the caller. */
  run(storeId: string, paymentId: string, work: PaymentBookkeeping): void;
  /** Resolves when every step of the store handed over so far has run: a list that reads the count or the events waits for it. */
  settled(storeId: string): Promise<void>;
}
