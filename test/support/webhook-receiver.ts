/**
 * A merchant's webhook endpoint on loopback that does what a careful merchant's server does:
 * verifies every delivery with the official SDK (`Webhook.verify(secret, rawBody, headers)`)
 * before answering. Tests read what arrived and await the nth delivery instead of sleeping.
 *
 * Paths separate the stores of one test file: give each store `receiver.url('/<name>')` and read
 * `receiver.at('/<name>')`.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Webhook } from '@portone/server-sdk';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as it arrived. */
  body: string;
  webhookId: string;
  /** Wall-clock arrival (performance.timeOrigin based, ms). */
  arrivedAt: number;
  /** The secrets (of those the receiver knows for this path) that verified this delivery. */
  verifiedWith: string[];
  /** Why verification failed, per secret that did not verify (the SDK's WebhookVerificationError.reason). */
  rejections: string[];
  /** What the receiver answered (undefined: it hung or dropped the connection). */
  answered?: number;
}

/** 'hang': never answer (the sender times out); 'drop': destroy the connection; `{status, json}`: that JSON body. */
export type Answer = number | 'hang' | 'drop' | { status: number; json: unknown };

export interface WebhookReceiver {
  url(path?: string): string;
  readonly port: number;
  readonly deliveries: ReceivedWebhook[];
  at(path: string): ReceivedWebhook[];
  /** The secrets deliveries to `path` are verified with (each one separately). */
  trust(path: string, secrets: readonly string[]): void;
  /** How to answer deliveries to `path`; default: 200 when verified with some secret, else 400. */
  answer(path: string, fn: ((delivery: ReceivedWebhook, nth: number) => Answer) | undefined): void;
  /** Resolves with the deliveries to `path` once at least n have arrived. */
  waitFor(path: string, n: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  /** Stops listening (the merchant's server is down): connections are refused. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

const header = (headers: IncomingHttpHeaders, name: string): string => {
  const value = headers[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
};

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const deliveries: ReceivedWebhook[] = [];
  const secrets = new Map<string, readonly string[]>();
  const answers = new Map<string, (delivery: ReceivedWebhook, nth: number) => Answer>();
  const waiters: { path: string; n: number; resolve: (d: ReceivedWebhook[]) => void }[] = [];
  const hanging = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  const at = (path: string) => deliveries.filter((d) => d.path === path);

  const notify = () => {
    for (const waiter of [...waiters]) {
      const got = at(waiter.path);
      if (got.length >= waiter.n) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(got);
      }
    }
  };

  const handler = (req: import('node:http').IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const path = new URL(req.url ?? '/', 'http://receiver').pathname;
        const body = Buffer.concat(chunks).toString('utf8');
        const delivery: ReceivedWebhook = {
          path,
          headers: req.headers,
          body,
          webhookId: header(req.headers, 'webhook-id'),
          arrivedAt: performance.timeOrigin + performance.now(),
          verifiedWith: [],
          rejections: [],
        };
        for (const secret of secrets.get(path) ?? []) {
          try {
            await Webhook.verify(secret, body, req.headers as Record<string, string | string[] | undefined>);
            delivery.verifiedWith.push(secret);
          } catch (error) {
            delivery.rejections.push((error as { reason?: string }).reason ?? String(error));
          }
        }
        deliveries.push(delivery);
        const nth = at(path).length;
        const decide = answers.get(path) ?? ((d: ReceivedWebhook) => (d.verifiedWith.length > 0 ? 200 : 400));
        const answer = decide(delivery, nth);
        if (answer === 'hang') {
          hanging.add(res);
        } else if (answer === 'drop') {
          req.socket.destroy();
        } else {
          const { status, json } = typeof answer === 'number' ? { status: answer, json: { received: delivery.webhookId } } : answer;
          delivery.answered = status;
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
        }
        notify();
      })();
    });
  };

  let server: Server = createServer(handler);
  const track = (s: Server) => s.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  track(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const stop = async () => {
    for (const res of hanging) res.destroy();
    hanging.clear();
    for (const socket of sockets) socket.destroy();
    if (!server.listening) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };

  return {
    url: (path = '/webhook') => `http://127.0.0.1:${port}${path}`,
    port,
    deliveries,
    at,
    trust: (path, list) => void secrets.set(path, list),
    answer: (path, fn) => void (fn ? answers.set(path, fn) : answers.delete(path)),
    waitFor: (path, n, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`receiver: ${at(path).length} of ${n} deliveries to ${path} after ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          path,
          n,
          resolve: (d) => {
            clearTimeout(timer);
            resolve(d);
          },
        });
        notify();
      }),
    stop,
    start: async () => {
      if (server.listening) return;
      server = createServer(handler);
      track(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve());
      });
    },
    close: stop,
  };
}
