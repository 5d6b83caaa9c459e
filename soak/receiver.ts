/**
 * The merchant's webhook endpoint, on loopback: verifies every delivery with the official SDK
 * (`Webhook.verify`) and remembers, per payment, the distinct messages (`webhook-id`) of each
 * event type. A retry or duplicate repeats a webhook-id; a second *message* of `Transaction.Paid`
 * for one payment would mean it was paid twice.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { Webhook } from '@portone/server-sdk';

export interface WebhookReceiver {
  url: string;
  /** Must be set (the store's webhook secret) before deliveries arrive. */
  secret: string;
  /** paymentId → distinct webhook-ids of its Transaction.Paid messages. */
  paid: Map<string, Set<string>>;
  deliveries: number;
  badSignatures: number;
  /** Resolves with the ids still without a Transaction.Paid once all have one or `ms` passed. */
  waitForPaid(paymentIds: readonly string[], ms: number): Promise<string[]>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<WebhookReceiver> {
  const paid = new Map<string, Set<string>>();
  const listeners = new Set<() => void>();
  const receiver: WebhookReceiver = {
    url: '',
    secret: '',
    paid,
    deliveries: 0,
    badSignatures: 0,
    waitForPaid: (ids, ms) =>
      new Promise((resolve) => {
        const missing = () => ids.filter((id) => !paid.has(id));
        const check = () => {
          if (missing().length > 0) return;
          finish();
        };
        const finish = () => {
          clearTimeout(timer);
          listeners.delete(check);
          resolve(missing());
        };
        const timer = setTimeout(finish, ms);
        listeners.add(check);
        check();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const accept = async (headers: IncomingHttpHeaders, body: string) => {
    receiver.deliveries++;
    try {
      const event = await Webhook.verify(receiver.secret, body, headers as Record<string, string>);
      if (event.type === 'Transaction.Paid' && 'paymentId' in event.data) {
        const ids = paid.get(event.data.paymentId) ?? new Set<string>();
        ids.add(String(headers['webhook-id']));
        paid.set(event.data.paymentId, ids);
      }
      return 200;
    } catch {
      receiver.badSignatures++;
      return 400;
    }
  };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      void accept(req.headers, body).then((status) => {
        res.writeHead(status).end();
        for (const listener of [...listeners]) listener();
      });
    });
  });
  // Deliveries of a killed runtime may be cut mid-request; the receiver must outlive them.
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  receiver.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/webhook`;
  return receiver;
}
