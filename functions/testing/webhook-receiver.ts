/**
 * The webhook endpoint every suite re-invents: a local HTTP receiver registered as the store's
 * webhook URL, which verifies each delivery with the official SDK (`Webhook.verify` of
 * `@portone/server-sdk`, the call a merchant's server makes) against the store's signing secrets,
 * and lets a test `await` an event by type and payment id, with a deadline instead of a sleep.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import type { SandboxClient } from '../client/sandbox-client.ts';

export interface ReceivedEvent {
  /** e.g. `Transaction.Paid`, `Transaction.Cancelled`. */
  type: string;
  timestamp: string;
  /** `paymentId`, `transactionId`, `storeId`, `cancellationId` … as PortOne sends them. */
  data: { paymentId?: string; [key: string]: unknown };
  /** The `webhook-id` header: a redelivery repeats it. */
  webhookId: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WaitForEvent {
  type: string;
  paymentId?: string;
  /** Deadline (default 10 s); the promise rejects naming what did arrive. */
  timeoutMs?: number;
}

export interface WebhookReceiver {
  /** The URL registered on the store. */
  url: string;
  /** Deliveries that verified, in arrival order. */
  readonly events: readonly ReceivedEvent[];
  /** Deliveries that did not verify (answered 400), with the SDK's reason. */
  readonly rejected: readonly { body: string; reason: string }[];
  /** The first event (already arrived or still to come) of this type (and payment). */
  waitFor(wanted: WaitForEvent): Promise<ReceivedEvent>;
  /** Unregisters the URL from the store and stops listening. */
  close(): Promise<void>;
}

export interface WebhookReceiverOptions {
  /** The store to receive for: `sandbox.client`, or a client of a store made by `stores.create()`. */
  client: SandboxClient;
  /** Path of the receiver's URL (default `/webhook`). */
  path?: string;
}

export async function startWebhookReceiver({ client, path = '/webhook' }: WebhookReceiverOptions): Promise<WebhookReceiver> {
  // The user's own copy of the SDK (an optional peer dependency: startSandbox() alone needs none).
  const { Webhook } = await import('@portone/server-sdk');
  const events: ReceivedEvent[] = [];
  const rejected: { body: string; reason: string }[] = [];
  const waiters = new Set<() => void>();
  let secrets: string[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const headers = req.headers as Record<string, string | string[] | undefined>;
        let reason = secrets.length === 0 ? 'no signing secret known' : '';
        for (const secret of secrets) {
          try {
            const verified = (await Webhook.verify(secret, body, headers)) as unknown as { type: string; timestamp: string; data: ReceivedEvent['data'] };
            events.push({ type: verified.type, timestamp: verified.timestamp, data: verified.data, webhookId: String(req.headers['webhook-id'] ?? ''), headers: req.headers, body });
            res.writeHead(200).end();
            for (const wake of waiters) wake();
            return;
          } catch (err) {
            reason = (err as { reason?: string }).reason ?? String(err);
          }
        }
        rejected.push({ body, reason });
        res.writeHead(400).end();
      })();
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const url = `http://127.0.0.1:${port}${path}`;
  // Registering the URL creates a signing secret if the store has none; every active one is tried
  // (during a rotation the sandbox signs with both).
  const settings = await client.webhook.setUrl(url);
  secrets = settings.secrets.map((s) => s.secret);

  const matches = (e: ReceivedEvent, wanted: WaitForEvent) => e.type === wanted.type && (wanted.paymentId === undefined || e.data.paymentId === wanted.paymentId);

  return {
    url,
    events,
    rejected,
    waitFor: (wanted) =>
      new Promise((resolve, reject) => {
        const timeoutMs = wanted.timeoutMs ?? 10_000;
        const check = () => {
          const found = events.find((e) => matches(e, wanted));
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          const seen = events.map((e) => `${e.type}(${e.data.paymentId ?? ''})`).join(', ') || 'nothing';
          reject(new Error(`webhook receiver: no ${wanted.type}${wanted.paymentId ? ` for ${wanted.paymentId}` : ''} within ${timeoutMs} ms; received ${seen}${rejected.length ? `, ${rejected.length} rejected (${rejected[0]!.reason})` : ''}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: async () => {
      await client.webhook.setUrl(null).catch(() => undefined);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
