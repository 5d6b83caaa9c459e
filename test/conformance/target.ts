import { startTestSandbox } from '../support/sandbox.ts';

export interface ConformanceTarget {
  baseUrl: string;
  /** A store of its own for this run, so parallel runs against one deployment never collide. */
  apiSecret: string;
  storeId: string;
  channelKey(pgProvider: string): string;
  close(): Promise<void>;
}

/**
 * Where the conformance suite runs: a deployed sandbox when E2E_BASE_URL (and E2E_API_SECRET, any
 * store's secret there) are set, else the local runtime on a fresh table.
 */
export async function conformanceTarget(): Promise<ConformanceTarget> {
  const remote = process.env.E2E_BASE_URL;
  if (remote) {
    const secret = process.env.E2E_API_SECRET;
    if (!secret) throw new Error('E2E_BASE_URL needs E2E_API_SECRET (a store secret of that sandbox)');
    return storeOf(remote.replace(/\/+$/, ''), secret, async () => undefined);
  }
  const sandbox = await startTestSandbox();
  return {
    baseUrl: sandbox.url,
    apiSecret: sandbox.store.apiSecret,
    storeId: sandbox.store.storeId,
    channelKey: sandbox.channelKey,
    close: () => sandbox.close(),
  };
}

/** A fresh store of its own on a running sandbox, created through the sandbox API with any store's secret. */
export async function storeOf(baseUrl: string, secret: string, close: () => Promise<unknown>): Promise<ConformanceTarget> {
  const res = await fetch(`${baseUrl}/sandbox/stores`, {
    method: 'POST',
    headers: { authorization: `PortOne ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: `conformance ${new Date().toISOString()}` }),
  });
  if (res.status !== 201) throw new Error(`could not create a conformance store: ${res.status} ${await res.text()}`);
  const store = (await res.json()) as { storeId: string; apiSecret: string; channels: { pgProvider: string; channelKey: string }[] };
  return {
    baseUrl,
    apiSecret: store.apiSecret,
    storeId: store.storeId,
    channelKey: (pg) => store.channels.find((c) => c.pgProvider === pg)!.channelKey,
    close: async () => {
      await close();
    },
  };
}
