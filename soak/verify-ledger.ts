/**
 * After a crash and a restart on the same data: did the sandbox keep every promise the ledger
 * holds? Each acknowledged payment is still there (PAID, or PARTIAL_CANCELLED by its own acked
 * cancels) with the pgTxId the client was given; paying it again is refused (ALREADY_PAID), so
 * the same paymentId is never charged twice; each acked cancellation is recorded exactly once.
 * Payments in doubt are settled the way a merchant would: the same payInstantly again, which must
 * either pay or answer ALREADY_PAID; they then join the acknowledged ones.
 */
import { PaymentClient } from '@portone/server-sdk';
import { type Ledger, PAYMENT_TOTAL, PARTIAL_CANCEL, payRequest } from './load.ts';
import { observe } from './outcome.ts';
import { forEachLimit } from './pool.ts';

export interface LedgerVerdict {
  /** Acknowledged payments missing or no longer paid (beyond their own cancels). */
  lost: { paymentId: string; detail: string }[];
  /** Acknowledged payments that a second payInstantly paid again. */
  chargedTwice: string[];
  /** Acknowledged payments whose stored cancellations or pgTxId disagree with what clients were told. */
  mismatched: string[];
  /** Payments in doubt that a retry settled (paid now or found already paid). */
  settled: number;
  /** Payments in doubt whose retry got neither a payment nor ALREADY_PAID. */
  unsettled: string[];
}

/** The subset of a PortOne payment the checks read (every status carries these). */
interface StoredPayment {
  status: string;
  pgTxId?: string;
  amount: { total: number; cancelled: number };
  cancellations?: { id: string; status: string; totalAmount: number }[];
}

export interface VerifyOptions {
  baseUrl: string;
  apiSecret: string;
  channelKey: string;
  concurrency: number;
  hangMs: number;
}

export async function verifyLedger(ledger: Ledger, opts: VerifyOptions): Promise<LedgerVerdict> {
  const sdk = PaymentClient({ secret: opts.apiSecret, baseUrl: opts.baseUrl });
  const verdict: LedgerVerdict = { lost: [], chargedTwice: [], mismatched: [], settled: 0, unsettled: [] };

  await forEachLimit([...ledger.inDoubt], opts.concurrency, async (paymentId) => {
    const retried = await observe(() => sdk.payInstantly(payRequest({ channelKey: opts.channelKey, paymentId })), opts.hangMs);
    const settled = retried.kind === 'ok' || (retried.kind === 'refused' && retried.type === 'ALREADY_PAID');
    const stored = settled ? await observe(() => sdk.getPayment({ paymentId }) as Promise<StoredPayment>, opts.hangMs) : undefined;
    if (stored?.kind !== 'ok' || stored.value.status !== 'PAID') {
      verdict.unsettled.push(`${paymentId}: ${JSON.stringify(retried).slice(0, 160)}`);
      return;
    }
    ledger.inDoubt.delete(paymentId);
    ledger.acked.set(paymentId, { pgTxId: stored.value.pgTxId ?? '', ackedAt: performance.now(), cancellations: [], cancelInDoubt: false });
    verdict.settled++;
  });

  await forEachLimit([...ledger.acked], opts.concurrency, async ([paymentId, acked]) => {
    const got = await observe(() => sdk.getPayment({ paymentId }) as Promise<StoredPayment>, opts.hangMs);
    if (got.kind !== 'ok') {
      verdict.lost.push({ paymentId, detail: JSON.stringify(got).slice(0, 160) });
      return;
    }
    const p = got.value;
    const ackedCancelled = acked.cancellations.reduce((sum, c) => sum + c.amount, 0);
    const cancelledOk = p.amount.cancelled === ackedCancelled || (acked.cancelInDoubt && p.amount.cancelled === ackedCancelled + PARTIAL_CANCEL);
    const expectedStatus = p.amount.cancelled === 0 ? 'PAID' : p.amount.cancelled < PAYMENT_TOTAL ? 'PARTIAL_CANCELLED' : 'CANCELLED';
    if (p.status !== expectedStatus || !cancelledOk) {
      verdict.lost.push({ paymentId, detail: `${p.status}, cancelled ${p.amount.cancelled} (clients were told ${ackedCancelled})` });
      return;
    }
    const recorded = (p.cancellations ?? []).filter((c) => c.status === 'SUCCEEDED');
    const eachOnce = acked.cancellations.every((c) => recorded.filter((r) => r.id === c.id && r.totalAmount === c.amount).length === 1);
    if (p.pgTxId !== acked.pgTxId || !eachOnce) {
      verdict.mismatched.push(`${paymentId}: pgTxId ${p.pgTxId} (told ${acked.pgTxId}), cancellations ${JSON.stringify(recorded.map((r) => r.id))}`);
    }
    const again = await observe(() => sdk.payInstantly(payRequest({ channelKey: opts.channelKey, paymentId })), opts.hangMs);
    if (!(again.kind === 'refused' && again.type === 'ALREADY_PAID')) verdict.chargedTwice.push(`${paymentId}: ${JSON.stringify(again).slice(0, 160)}`);
  });
  return verdict;
}
