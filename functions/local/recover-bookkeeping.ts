/**
 * Start-up sweep of the after-commit step (local/after-commit.ts): a process killed between a
 * payment's commit and its step left the payment uncounted or without some of its events. The
 * table says which: a `countedAfterCommit` payment without its marker item, a payment with fewer
 * stored events than its `eventsRecorded`. Their steps run again (idempotent, so a step that did
 * run changes nothing). A recovered event shows the payment as it is now, not as it was when the
 * event happened (the snapshot of that moment died with the process).
 */
import { paymentEventsOf } from '../domain/payment-event.ts';
import type { PaymentRecord } from '../domain/payment.ts';
import { logger } from '../logger.ts';
import type { AfterCommitBookkeeping } from '../ports/after-commit.ts';
import type { Repository } from '../ports/repository.ts';

type Ids = { storeId: string; paymentId: string };
type PaymentSummary = Ids & Pick<PaymentRecord, 'eventsRecorded' | 'countedAfterCommit'>;

/** The few attributes of every item of a kind (local/table-scan.ts). */
export type ScanSummaries = <T>(itemType: 'PAYMENT' | 'PAYMENT_EVENT' | 'PAYMENT_COUNTED', attributes: string[]) => Promise<T[]>;

/** How many payments had their step run again. */
export async function recoverBookkeeping(repo: Repository, bookkeeping: AfterCommitBookkeeping, scan: ScanSummaries): Promise<number> {
  const ids = ['storeId', 'paymentId'];
  const [payments, events, counted] = await Promise.all([
    scan<PaymentSummary>('PAYMENT', [...ids, 'eventsRecorded', 'countedAfterCommit']),
    scan<Ids>('PAYMENT_EVENT', ids),
    scan<Ids>('PAYMENT_COUNTED', ids),
  ]);
  const key = (i: Ids) => JSON.stringify([i.storeId, i.paymentId]);
  const storedEvents = new Map<string, number>();
  for (const e of events) storedEvents.set(key(e), (storedEvents.get(key(e)) ?? 0) + 1);
  const isCounted = new Set(counted.map(key));
  let recovered = 0;
  for (const p of payments) {
    const count = p.countedAfterCommit === true && !isCounted.has(key(p));
    const eventsMissing = (p.eventsRecorded ?? 0) > (storedEvents.get(key(p)) ?? 0);
    if (!count && !eventsMissing) continue;
    const payment = eventsMissing ? await repo.getPayment(p.storeId, p.paymentId) : undefined;
    bookkeeping.run(p.storeId, p.paymentId, { count, events: payment ? paymentEventsOf(payment).slice(0, payment.eventsRecorded ?? 0) : [] });
    recovered++;
  }
  if (recovered > 0) logger.info('local runtime: wrote the count and events of payments committed before a stop', { payments: recovered });
  return recovered;
}
