/**
 * The load a merchant's backend puts on the sandbox: card payments through the official SDK
 * (`payInstantly`), every few a partial cancel, from several callers at once. Each answer goes
 * into a ledger of what the client was told: acknowledged payments and cancellations are promises
 * the sandbox must keep after any crash; calls that got no answer are "in doubt" and are settled
 * later the way a merchant would, by retrying with the same paymentId.
 */
import { PaymentClient } from '@portone/server-sdk';
import { TEST_CARDS } from '../functions/domain/cards.ts';
import { observe, OutcomeTally } from './outcome.ts';

/** A card every PG approves (no decline), so each refusal the load sees is the sandbox's own. */
const card = TEST_CARDS.find((c) => c.issuer === 'SHINHAN_CARD' && c.type === 'CREDIT' && !c.decline)!;
export const PAYMENT_TOTAL = 10_000;
export const PARTIAL_CANCEL = 1_000;

export interface AckedPayment {
  pgTxId: string;
  /** performance.now() when the client read the answer. */
  ackedAt: number;
  /** Cancellations the API answered with their id and amount. */
  cancellations: { id: string; amount: number }[];
  /** A cancel that got no answer: it may or may not have happened. */
  cancelInDoubt: boolean;
}

/** What the clients were told, across every phase of the soak. */
export class Ledger {
  readonly acked = new Map<string, AckedPayment>();
  /** Payments sent without an answer (connection broken, 503, hang): may or may not exist. */
  readonly inDoubt = new Set<string>();
}

export interface PaymentRequestSpec {
  channelKey: string;
  paymentId: string;
}

export function payRequest({ channelKey, paymentId }: PaymentRequestSpec) {
  return {
    paymentId,
    channelKey,
    orderName: 'soak',
    amount: { total: PAYMENT_TOTAL },
    currency: 'KRW' as const,
    method: { card: { credential: { number: card.number, expiryYear: '30', expiryMonth: '12' } } },
  };
}

export interface LoadOptions {
  baseUrl: string;
  apiSecret: string;
  channelKey: string;
  /** Payment ids are `<idPrefix>-<n>`. */
  idPrefix: string;
  concurrency: number;
  /** Every n-th acknowledged payment is partially cancelled right away (0: never). */
  cancelEvery: number;
  hangMs: number;
  /** Stop after this many acknowledged payments (the load also stops when told, or when the server is gone). */
  maxPayments?: number;
}

export interface RunningLoad {
  /** What this load's clients saw. */
  tally: OutcomeTally;
  /** Resolves once `n` payments of this load were acknowledged (or the load ended before). */
  acknowledged(n: number): Promise<void>;
  /** Stops starting calls; resolves when every call in flight has its outcome. */
  stop(): Promise<void>;
  /** Resolves when every caller ended by itself (server gone, maxPayments reached). */
  done: Promise<void>;
  readonly ackedHere: number;
}

export function startLoad(ledger: Ledger, opts: LoadOptions): RunningLoad {
  const sdk = PaymentClient({ secret: opts.apiSecret, baseUrl: opts.baseUrl });
  const tally = new OutcomeTally();
  let next = 0;
  let ackedHere = 0;
  let stopped = false;
  const waiters: { n: number; resolve: () => void }[] = [];
  const wake = () => {
    for (let i = waiters.length - 1; i >= 0; i--) if (ackedHere >= waiters[i]!.n) waiters.splice(i, 1)[0]!.resolve();
  };

  const caller = async () => {
    while (!stopped && (opts.maxPayments === undefined || next < opts.maxPayments)) {
      const paymentId = `${opts.idPrefix}-${next++}`;
      const paid = await observe(() => sdk.payInstantly(payRequest({ channelKey: opts.channelKey, paymentId })), opts.hangMs);
      tally.add(paid);
      if (paid.kind !== 'ok') {
        if (paid.kind !== 'refused' || paid.type === 'UNAVAILABLE') {
          if (paid.kind !== 'connection' || paid.sent) ledger.inDoubt.add(paymentId);
        }
        // The server is gone: this caller's work ends with it.
        if (paid.kind === 'connection') return;
        continue;
      }
      const acked: AckedPayment = { pgTxId: paid.value.payment.pgTxId ?? '', ackedAt: performance.now(), cancellations: [], cancelInDoubt: false };
      ledger.acked.set(paymentId, acked);
      ackedHere++;
      wake();
      if (opts.cancelEvery > 0 && ackedHere % opts.cancelEvery === 0) {
        const cancelled = await observe(() => sdk.cancelPayment({ paymentId, amount: PARTIAL_CANCEL, reason: 'soak partial cancel' }), opts.hangMs);
        tally.add(cancelled);
        if (cancelled.kind === 'ok') acked.cancellations.push({ id: (cancelled.value.cancellation as { id: string }).id, amount: PARTIAL_CANCEL });
        else if (cancelled.kind !== 'refused' || cancelled.type === 'UNAVAILABLE') acked.cancelInDoubt = true;
        if (cancelled.kind === 'connection') return;
      }
    }
  };
  const done = Promise.all(Array.from({ length: opts.concurrency }, caller)).then(() => undefined);
  return {
    tally,
    acknowledged: (n) =>
      ackedHere >= n ? Promise.resolve() : new Promise<void>((resolve) => {
        waiters.push({ n, resolve });
        void done.then(resolve);
      }),
    stop: () => {
      stopped = true;
      return done;
    },
    done,
    get ackedHere() {
      return ackedHere;
    },
  };
}
