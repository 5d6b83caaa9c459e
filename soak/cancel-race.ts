/**
 * Many cancels of one payment at once, through the official SDK, as a merchant's retrying workers
 * or an impatient operator would send them: full cancels and partial ones of several sizes.
 * Whatever the interleaving, the money cancelled never exceeds the payment, the stored total is
 * the sum of the stored cancellations, and each cancellation a client was told about is stored
 * exactly once (none stored that no client was told about).
 */
import { PaymentClient } from '@portone/server-sdk';
import { PAYMENT_TOTAL, payRequest } from './load.ts';
import { observe, OutcomeTally } from './outcome.ts';
import { forEachLimit } from './pool.ts';

export interface RaceVerdict {
  payments: number;
  cancelsSent: number;
  /** Cancels answered with a cancellation. */
  acked: number;
  tally: OutcomeTally;
  /** Payments where more was cancelled than paid, or the stored total disagrees with its cancellations. */
  overCancelled: string[];
  /** Payments whose stored cancellations differ from the acknowledged ones (missing, twice, or unacknowledged). */
  recordedWrong: string[];
}

interface Stored {
  status: string;
  amount: { total: number; cancelled: number };
  cancellations?: { id: string; status: string; totalAmount: number }[];
}

/** What each racer asks for: a full cancel, or a partial of one of these amounts. */
const ASKS: (number | undefined)[] = [undefined, 1_000, 2_500, 4_000, 7_000, 500];

export async function raceCancels(opts: {
  baseUrl: string;
  apiSecret: string;
  channelKey: string;
  payments: number;
  cancelsPerPayment: number;
  hangMs: number;
}): Promise<RaceVerdict> {
  const sdk = PaymentClient({ secret: opts.apiSecret, baseUrl: opts.baseUrl });
  const verdict: RaceVerdict = { payments: opts.payments, cancelsSent: 0, acked: 0, tally: new OutcomeTally(), overCancelled: [], recordedWrong: [] };
  const ids = Array.from({ length: opts.payments }, (_, i) => `race-${i}`);
  // One payment's racers all at once; payments one after another, so each race is a real pile-up.
  await forEachLimit(ids, 1, async (paymentId) => {
    await sdk.payInstantly(payRequest({ channelKey: opts.channelKey, paymentId }));
    const told: { id: string; amount: number }[] = [];
    await Promise.all(
      Array.from({ length: opts.cancelsPerPayment }, async (_, i) => {
        const amount = ASKS[i % ASKS.length];
        const outcome = await observe(() => sdk.cancelPayment({ paymentId, reason: `race ${i}`, ...(amount === undefined ? {} : { amount }) }), opts.hangMs);
        verdict.cancelsSent++;
        verdict.tally.add(outcome);
        if (outcome.kind === 'ok') {
          // The SDK's union also admits cancellation kinds it does not know; ours always carry these.
          const c = outcome.value.cancellation as { id: string; totalAmount: number };
          told.push({ id: c.id, amount: c.totalAmount });
        }
      }),
    );
    verdict.acked += told.length;
    const p = (await sdk.getPayment({ paymentId })) as Stored;
    const stored = (p.cancellations ?? []).filter((c) => c.status === 'SUCCEEDED');
    const storedSum = stored.reduce((s, c) => s + c.totalAmount, 0);
    if (p.amount.cancelled > PAYMENT_TOTAL || storedSum !== p.amount.cancelled) {
      verdict.overCancelled.push(`${paymentId}: cancelled ${p.amount.cancelled} of ${PAYMENT_TOTAL}, cancellations sum ${storedSum}`);
    }
    const key = (c: { id: string; amount: number }) => `${c.id}:${c.amount}`;
    const storedKeys = stored.map((c) => key({ id: c.id, amount: c.totalAmount })).sort();
    const toldKeys = told.map(key).sort();
    if (JSON.stringify(storedKeys) !== JSON.stringify(toldKeys)) {
      verdict.recordedWrong.push(`${paymentId}: stored ${storedKeys.join(',')} but clients were told ${toldKeys.join(',')}`);
    }
  });
  return verdict;
}
