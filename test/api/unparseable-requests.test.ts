/**
 * Requests refused before the app sees them (by node's HTTP parser: a request line or headers over
 * node's 16 KB, a malformed request line; by @hono/node-server: a raw backslash in the path) still
 * get PortOne's JSON error, not an empty 400/431
 * that a client's JSON parser chokes on. Found by the soak's fuzzer (soak/fuzz.ts): a 3,000
 * character unicode paymentId in a GET path is over 16 KB once percent-encoded.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox?.close());

/** Writes raw bytes and reads until the server closes: what any HTTP client would receive. */
function raw(bytes: string): Promise<{ status: number; headers: string; body: string }> {
  const { port } = new URL(sandbox.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body });
    });
    socket.write(bytes);
  });
}

describe('requests the HTTP parser refuses', () => {
  it('a path over 16 KB answers 431 in PortOne JSON and closes the connection', async () => {
    const id = encodeURIComponent('가'.repeat(3000));
    const reply = await raw(`GET /payments/${id} HTTP/1.1\r\nHost: localhost\r\nAuthorization: PortOne ${sandbox.store.apiSecret}\r\n\r\n`);
    expect(reply.status).toBe(431);
    expect(reply.headers).toContain('connection: close');
    expect(JSON.parse(reply.body)).toEqual({ type: 'INVALID_REQUEST', message: expect.stringContaining('16 KB') });
  });

  it('a path the request adapter cannot turn into a URL (a raw backslash) answers 400 in PortOne JSON', async () => {
    const reply = await raw(`GET /payments/a\\b HTTP/1.1\r\nHost: localhost\r\nAuthorization: PortOne ${sandbox.store.apiSecret}\r\nConnection: close\r\n\r\n`);
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toEqual({ type: 'INVALID_REQUEST', message: expect.stringContaining('Backslash') });
  });

  it('a malformed request line answers 400 in PortOne JSON', async () => {
    const reply = await raw('GET /payments/x\u0001y HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toEqual({ type: 'INVALID_REQUEST', message: expect.any(String) });
  });
});
