import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a receiver decides for one request: the HTTP status it answers. */
export type ReceiverHandler = (body: string, headers: IncomingMessage['headers']) => Promise<number>;

export interface RunningReceiver {
  url: string;
  close(): Promise<void>;
}

/** Serves a receiver on 127.0.0.1 (a free port unless given) at /portone-webhook. */
export async function serveReceiver(handle: ReceiverHandler, port = 0): Promise<RunningReceiver> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(Buffer.concat(chunks).toString('utf8'), req.headers).then(
        (status) => res.writeHead(status, { 'content-type': 'text/plain' }).end(String(status)),
        (err: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(err instanceof Error ? err.message : 'error'),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/portone-webhook`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
