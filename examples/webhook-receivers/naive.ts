/**
 * How a receiver often starts out, and what `npm run probe` catches: it trusts any request that
 * parses (no signature or timestamp check) and processes every delivery, duplicates included.
 */
import { PaymentClient } from '@portone/server-sdk';
import type { ReceiverOptions } from './correct.ts';
import { serveReceiver, type RunningReceiver } from './serve.ts';

export function naiveReceiver(opts: Omit<ReceiverOptions, 'secret'>): Promise<RunningReceiver> {
  const portone = PaymentClient({ secret: opts.apiSecret, baseUrl: opts.baseUrl });
  return serveReceiver(async (body) => {
    const event = JSON.parse(body) as { type: string; data?: { paymentId?: string } };
    if (event.data?.paymentId) await portone.getPayment({ paymentId: event.data.paymentId });
    return 200;
  }, opts.port);
}
