/**
 * The one way the local runtime serves HTTP (the sandbox's Hono app and the local Scheduler
 * endpoint): a fetch handler on node:http. We create the server ourselves rather than through
 * Hono's serve() to get awaitable listen errors, the bound port for port 0, and
 * closeAllConnections(), without which close() waits for clients' keep-alive sockets.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';

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
  const server = createServer(getRequestListener(fetch, { overrideGlobalObjects }));
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
