// End to end over real HTTP on loopback: event body → signature → delivery,
// checked by a receiver that verifies every request with the official
// PortOne server SDK, the way a merchant's server does.
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from '@portone/server-sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliverWebhook, RESPONSE_BODY_LIMIT_BYTES } from '../../functions/webhooks/deliver.ts';
import { buildWebhookBody, isCancellationEvent, WEBHOOK_EVENT_TYPES } from '../../functions/webhooks/event.ts';
import {
  generateWebhookSecret,
  signWebhook,
  signWithStaleTimestamp,
  signWithWrongKey,
} from '../../functions/webhooks/signing.ts';

interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
}

let server: Server;
let origin: string;
let received: Received[] = [];
/** The secret the merchant's server is configured with. */
let receiverSecret = '';

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      received.push({ method: req.method ?? '', path, headers: req.headers, rawBody });
      switch (path) {
        case '/portone-webhook':
          // As in PortOne's Express example: verify the raw text, 400 on failure.
          Webhook.verify(receiverSecret, rawBody, req.headers).then(
            (webhook) => send(res, 200, { verified: true, webhook }),
            (error: unknown) =>
              error instanceof Webhook.WebhookVerificationError
                ? send(res, 400, { verified: false, reason: error.reason })
                : send(res, 500, { error: String(error) }),
          );
          return;
        case '/fails':
          send(res, 500, { error: 'database is down' }, { 'x-request-id': 'req-123' });
          return;
        case '/moved':
          res.writeHead(302, { location: '/portone-webhook' }).end();
          return;
        case '/chatty':
          send(res, 200, 'x'.repeat(10_000));
          return;
        case '/hang':
          return; // never answers
        default:
          send(res, 404, {});
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections(); // the /hang sockets would otherwise keep close() waiting
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

beforeEach(() => {
  received = [];
  receiverSecret = generateWebhookSecret();
});

const event = {
  storeId: 'store-4f1a',
  paymentId: 'order-42',
  transactionId: '0195a2b3-0000-7000-8000-000000000042',
};

function paidBody(): string {
  return buildWebhookBody({ ...event, type: 'Transaction.Paid', timestamp: new Date() });
}

describe('webhook delivery to a receiver using the official SDK', () => {
  it.each(WEBHOOK_EVENT_TYPES)('%s: body verifies and parses to the documented shape', async (type) => {
    const timestamp = new Date();
    const cancellationId = isCancellationEvent(type) ? 'cancel-7' : undefined;
    const body = buildWebhookBody({ ...event, type, timestamp, ...(cancellationId ? { cancellationId } : {}) });
    const headers = signWebhook({ msgId: `msg_${type}`, timestamp, body, secrets: [receiverSecret] });

    const result = await deliverWebhook({ url: `${origin}/portone-webhook`, body, headers });

    expect(result).toMatchObject({ ok: true, status: 200 });
    expect(JSON.parse(result.responseBody ?? '')).toEqual({
      verified: true,
      webhook: {
        type,
        timestamp: timestamp.toISOString(),
        data: { ...event, ...(cancellationId ? { cancellationId } : {}) },
      },
    });
    const [request] = received;
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['webhook-id']).toBe(`msg_${type}`);
    expect(request?.rawBody).toBe(body);
  });

  it('with two active secrets, a receiver holding either one alone verifies', async () => {
    const [oldSecret, newSecret] = [generateWebhookSecret(), generateWebhookSecret()];
    const body = paidBody();
    const headers = signWebhook({ msgId: 'msg_rotate', timestamp: new Date(), body, secrets: [oldSecret, newSecret] });
    for (const secret of [oldSecret, newSecret]) {
      receiverSecret = secret;
      const result = await deliverWebhook({ url: `${origin}/portone-webhook`, body, headers });
      expect(result).toMatchObject({ ok: true, status: 200 });
    }
    receiverSecret = generateWebhookSecret();
    const stranger = await deliverWebhook({ url: `${origin}/portone-webhook`, body, headers });
    expect(stranger).toMatchObject({ ok: false, status: 400 });
  });

  it('a signature made with the wrong key is rejected by the SDK', async () => {
    const body = paidBody();
    const headers = signWithWrongKey({ msgId: 'msg_wrong', timestamp: new Date(), body });
    const result = await deliverWebhook({ url: `${origin}/portone-webhook`, body, headers });
    expect(result).toMatchObject({ ok: false, status: 400 });
    expect(JSON.parse(result.responseBody ?? '')).toEqual({ verified: false, reason: 'NO_MATCHING_SIGNATURE' });
  });

  it('a stale timestamp (> 5 min) is rejected by the SDK even though the HMAC is right', async () => {
    const body = paidBody();
    const headers = signWithStaleTimestamp({ msgId: 'msg_stale', body, secrets: [receiverSecret] });
    const result = await deliverWebhook({ url: `${origin}/portone-webhook`, body, headers });
    expect(result).toMatchObject({ ok: false, status: 400 });
    expect(JSON.parse(result.responseBody ?? '')).toEqual({ verified: false, reason: 'TIMESTAMP_TOO_OLD' });
  });

  it('a body altered after signing is rejected by the SDK', async () => {
    const body = paidBody();
    const headers = signWebhook({ msgId: 'msg_tamper', timestamp: new Date(), body, secrets: [receiverSecret] });
    const result = await deliverWebhook({ url: `${origin}/portone-webhook`, body: body.replace('order-42', 'order-43'), headers });
    expect(JSON.parse(result.responseBody ?? '')).toEqual({ verified: false, reason: 'NO_MATCHING_SIGNATURE' });
  });
});

describe('deliverWebhook outcomes', () => {
  const headers = { 'webhook-id': 'msg_x', 'webhook-timestamp': '0', 'webhook-signature': 'v1,AAAA' };

  it('a 500 answer is a failure that keeps status, body, headers and timings', async () => {
    const clock = (): Date => new Date('2030-01-01T00:00:00Z'); // a store's test clock
    const result = await deliverWebhook({ url: `${origin}/fails`, body: '{}', headers, clock });
    expect(result).toMatchObject({
      ok: false,
      status: 500,
      responseBody: '{"error":"database is down"}',
      requestedAt: clock(),
      respondedAt: clock(),
    });
    expect(result.error).toBeUndefined();
    expect(result.responseHeaders?.['x-request-id']).toBe('req-123');
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('a receiver that never answers times out after timeoutMs', async () => {
    const result = await deliverWebhook({ url: `${origin}/hang`, body: '{}', headers, timeoutMs: 200 });
    expect(result).toMatchObject({ ok: false, error: 'TIMEOUT' });
    expect(result.status).toBeUndefined();
    expect(result.respondedAt).toBeUndefined();
    expect(result.durationMs).toBeGreaterThanOrEqual(150);
    expect(result.durationMs).toBeLessThan(5_000);
  });

  it('a 3xx is a failure and is not followed', async () => {
    const result = await deliverWebhook({ url: `${origin}/moved`, body: '{}', headers });
    expect(result).toMatchObject({ ok: false, status: 302, errorMessage: expect.stringContaining('not followed') });
    expect(received.map((r) => r.path)).toEqual(['/moved']);
  });

  it('caps the stored response body', async () => {
    const result = await deliverWebhook({ url: `${origin}/chatty`, body: '{}', headers });
    expect(result).toMatchObject({ ok: true, status: 200, responseBodyTruncated: true });
    expect(Buffer.byteLength(result.responseBody ?? '')).toBe(RESPONSE_BODY_LIMIT_BYTES);
  });

  it('a refused connection is a NETWORK failure', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const result = await deliverWebhook({ url: `http://127.0.0.1:${port}/`, body: '{}', headers });
    expect(result).toMatchObject({ ok: false, error: 'NETWORK', errorMessage: expect.stringContaining('ECONNREFUSED') });
  });

  it('a blocked URL is never requested', async () => {
    let called = false;
    const fetchImpl: typeof fetch = async () => {
      called = true;
      return new Response('');
    };
    const result = await deliverWebhook({ url: 'http://[::ffff:169.254.169.254]/latest/meta-data/', body: '{}', headers, fetchImpl });
    expect(result).toMatchObject({ ok: false, error: 'BLOCKED_URL' });
    expect(called).toBe(false);
  });

  it('a name that resolves to the metadata service is refused right before sending', async () => {
    const result = await deliverWebhook({
      url: 'http://rebind.example/hook',
      body: '{}',
      headers,
      urlGuard: { lookup: async () => [{ address: '169.254.169.254', family: 4 }] },
    });
    expect(result).toMatchObject({ ok: false, error: 'BLOCKED_URL', errorMessage: expect.stringContaining('169.254.169.254') });
  });

  it('sends the signature headers as given and forces content-type JSON', async () => {
    let seen: Headers | undefined;
    const fetchImpl: typeof fetch = async (_url, init) => {
      seen = new Headers(init?.headers);
      expect(init?.redirect).toBe('manual');
      return new Response(null, { status: 204 });
    };
    const result = await deliverWebhook({
      url: `${origin}/ignored`,
      body: '{}',
      headers: { ...headers, 'Content-Type': 'text/plain' },
      fetchImpl,
    });
    expect(result).toMatchObject({ ok: true, status: 204, responseBody: '' });
    expect(seen?.get('content-type')).toBe('application/json');
    expect(seen?.get('webhook-signature')).toBe('v1,AAAA');
  });
});
