/**
 * A request refused before its body was read (413, an unknown id, missing credentials) must not
 * leave a keep-alive socket that the client reuses and finds dead: the next request on the same
 * keep-alive agent succeeds.
 */
import { request, Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../functions/domain/limits.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';

let sandbox: TestSandbox;
let agent: Agent;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox?.close());

interface Reply {
  status: number;
  connection: string | undefined;
  body: string;
}

/** One request through the shared keep-alive agent (one socket at a time, reused when allowed). */
function send(method: string, path: string, body: string | Buffer | undefined, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(`${sandbox.url}${path}`, { method, agent, headers: { authorization: `PortOne ${sandbox.store.apiSecret}`, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    // The server may answer before it has read everything; a write error after that is the test's concern only via `req`.
    req.end(body);
  });
}

describe('early rejections on a keep-alive connection', () => {
  beforeAll(() => {
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
  });
  afterAll(() => agent.destroy());

  const oversized = Buffer.alloc(LIMITS.bodyBytes + 64 * 1024, 'x');
  const cases: [string, () => Promise<Reply>][] = [
    ['413 for an oversized body (content-length)', () => send('POST', '/payments/ka-1/instant', oversized)],
    ['413 for an oversized chunked body', () => send('POST', '/payments/ka-2/instant', oversized, { 'transfer-encoding': 'chunked' })],
    ['401 with a body never read', () => send('POST', '/payments/ka-3/instant', oversized.subarray(0, 100 * 1024), { authorization: 'PortOne wrong' })],
    ['400 for an over-long paymentId with a body never read', () => send('POST', `/payments/${'p'.repeat(1_000)}/cancel`, '{"reason":"x"}'.padEnd(100 * 1024, ' '))],
  ];

  it.each(cases)('%s: the next request on the same agent succeeds', async (_name, refuse) => {
    const first = await refuse();
    expect(first.status).toBeGreaterThanOrEqual(400);
    expect(first.status).toBeLessThan(500);
    expect(JSON.parse(first.body)).toHaveProperty('type');
    const second = await send('GET', '/health', undefined);
    expect(second.status).toBe(200);
  });
});
