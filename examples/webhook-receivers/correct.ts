/**
 * A webhook receiver as PortOne asks for one (and as `npm run probe` scores 10/10): it verifies
 * the signature and timestamp with the official SDK, processes each webhook-id once, reads the
 * truth with getPayment instead of trusting the body, and ignores event types it does not know.
 */
import { PaymentClient, Webhook } from '@portone/server-sdk';
import { serveReceiver, type RunningReceiver } from './serve.ts';

export interface ReceiverOptions {
  /** The store's webhook secret (`whsec_…`). */
  secret: string;
  /** The sandbox (or PortOne) the receiver reads payments from. */
  baseUrl: string;
  apiSecret: string;
  port?: number;
}

export function correctReceiver(opts: ReceiverOptions): Promise<RunningReceiver> {
  const portone = PaymentClient({ secret: opts.apiSecret, baseUrl: opts.baseUrl });
  // A real shop keeps this in its database, with a unique key on the webhook-id.
  const processed = new Set<string>();
  return serveReceiver(async (body, headers) => {
    let webhook: Webhook.Webhook;
    try {
      webhook = await Webhook.verify(opts.secret, body, headers);
    } catch (err) {
      if (err instanceof Webhook.WebhookVerificationError) return 400;
      throw err;
    }
    const webhookId = String(headers['webhook-id']);
    if (processed.has(webhookId)) return 200;
    if ('data' in webhook && 'paymentId' in webhook.data) {
      // The body only says "look again": the payment's state comes from the API.
      await portone.getPayment({ paymentId: webhook.data.paymentId });
    }
    // Marked only once processed, so a retry after a failure is processed again.
    processed.add(webhookId);
    return 200;
  }, opts.port);
}
