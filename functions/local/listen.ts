/**
 * The one way the local runtime serves HTTP (the sandbox's Hono app and the local Scheduler
 * endpoint): a fetch handler on node:http. We create the server ourselves rather than through
 * Hono's serve() to get awaitable listen errors, the bound port for port 0, and
 * closeAllConnections(), without which close() waits for clients' keep-alive sockets.
 */
import { createServer, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { getRequestListener, RequestError } from '@hono/node-server';
import { DROP_CONNECTION_HEADER } from '../http/faults.ts';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

type FetchHandler = (request: Request) => Response | Promise<Response>;

export interface ListenOptions {
  /** 0 picks a free port. */
  port: number;
  host: string;
  /**
   * Hono's lighter global Request/Response (its default, faster for the app). The Scheduler
   * endpoint passes false: it may share its process with code that expects Node's own.
   */
  overrideGlobalObjects?: boolean;
}

export async function listen(fetch: FetchHandler, { port, host, overrideGlobalObjects }: ListenOptions): Promise<RunningServer> {
  const server = createServer(getRequestListener(dropWhenAsked(fetch), { overrideGlobalObjects, errorHandler: answerUnadaptable }));
  server.on('clientError', answerUnparseable);
  await new Promise<void>((resolve, reject) => {
    const refuse = (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`port ${port} on ${host} is already in use.`) : err);
    server.once('error', refuse);
    server.listen(port, host, () => {
      server.off('error', refuse);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${bound}`,
    port: bound,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** An injected "dropped connection" fault (http/faults.ts): close the socket instead of answering. */
function dropWhenAsked(fetch: FetchHandler) {
  return async (request: Request, env: { incoming: { socket: { destroy(): unknown } } }): Promise<Response> => {
    const response = await fetch(request);
    if (response.headers.has(DROP_CONNECTION_HEADER)) env.incoming.socket.destroy();
    return response;
  };
}

/**
 * @hono/node-server could not make a Request of what node parsed (a raw backslash in the path, a
 * host header that is no host): its own answer is an empty 400. The app's errors never come here
 * (Hono answers them itself), so anything else is the adapter's failure: 503 as in http/errors.ts.
 */
function answerUnadaptable(err: unknown): Response {
  const refused = err instanceof RequestError;
  const body = refused
    ? { type: 'INVALID_REQUEST', message: `unusable request: ${(err as Error).message}` }
    : { type: 'UNAVAILABLE', message: 'pg-sandbox could not complete the request; it was not applied.' };
  return new Response(JSON.stringify(body), { status: refused ? 400 : 503, headers: { 'content-type': 'application/json' } });
}

/**
 * What node's HTTP parser refuses never reaches the app (a request line or headers over its 16 KB,
 * a malformed request line); node's own answer is an empty 400/431 that a client's JSON parser
 * chokes on. Answer in PortOne's error shape instead, and close: the rest of the bytes on this
 * connection cannot be parsed. The unread bytes are drained a moment so that closing does not
 * reset the connection before the client has read the answer.
 */
function answerUnparseable(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const message = status === 431 ? 'request line and headers exceed 16 KB' : `malformed HTTP request (${err.code ?? 'parse error'})`;
  const body = JSON.stringify({ type: 'INVALID_REQUEST', message });
  socket.on('data', () => undefined);
  socket.on('error', () => undefined);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
  setTimeout(() => socket.destroy(), 1000).unref();
}
