/**
 * What the local runtime prints once it serves: for a person (addresses, secret, channels, next
 * steps) or, with --json, one JSON line for scripts and `startSandbox()` (docs/packaging.md), whose shape functions/client/banner.ts owns.
 */
import type { SeededStore } from '../stores/seed.ts';
import type { JsonBanner } from '../client/banner.ts';

export interface BannerRun {
  url: string;
  seeded: SeededStore;
  inMemory: boolean;
  dataDir: string;
  javaPid: number;
  dynamodb: { endpoint: string; tableName: string };
}

export function jsonBanner(run: BannerRun): JsonBanner {
  return {
    url: run.url,
    consoleUrl: `${run.url}/console`,
    storeId: run.seeded.storeId,
    apiSecret: run.seeded.apiSecret,
    channels: run.seeded.channels.map(({ pgProvider, channelKey, name, pgMerchantId }) => ({ pgProvider, channelKey, name, pgMerchantId })),
    dataDir: run.inMemory ? null : run.dataDir,
    pid: process.pid,
    javaPid: run.javaPid,
    dynamodb: run.dynamodb,
    // performance.now() counts from process start, so this is what the caller waited.
    readyMs: Math.round(performance.now()),
  };
}

export function printBanner(run: BannerRun, { json }: { json: boolean }) {
  if (json) {
    console.log(JSON.stringify(jsonBanner(run)));
    return;
  }
  const { url, seeded } = run;
  const lines = [
    '',
    `  pg-sandbox is running (ready in ${(performance.now() / 1000).toFixed(1)} s)`,
    '',
    `  API (PortOne V2)   ${url}          PaymentClient({ secret, baseUrl: '${url}' })`,
    `  Console            ${url}/console          (sign in with the store's API secret)`,
    `  Demo shop          ${url}/demo?storeId=${encodeURIComponent(seeded.storeId)}   (pay in a browser, no code)`,
    `  Browser SDK        ${url}/sdk.js           (<script src> instead of https://cdn.portone.io/v2/browser-sdk.js)`,
    `  Store id           ${seeded.storeId}`,
    `  API secret         ${seeded.apiSecret}`,
    `  Data               ${run.inMemory ? 'in memory (gone on exit)' : run.dataDir}`,
    `  Processes          node pid ${process.pid}, DynamoDB Local (java) pid ${run.javaPid}`,
    `  DynamoDB Local     ${run.dynamodb.endpoint}   (table ${run.dynamodb.tableName}; any DynamoDB client can read it)`,
    '',
    '  Test channels (channelKey):',
    ...seeded.channels.map((c) => `    ${c.pgProvider.padEnd(14)} ${c.channelKey}   (${c.name}, MID ${c.pgMerchantId})`),
    '',
    '  Next steps:',
    `    test cards          docs/test-cards.md, or GET ${url}/sandbox/test-cards`,
    `    webhooks            curl -X PUT ${url}/sandbox/webhook -H 'authorization: PortOne <secret>' -d '{"url":"http://127.0.0.1:3000/webhook"}'`,
    `    move the clock      curl -X POST ${url}/sandbox/clock -H 'authorization: PortOne <secret>' -d '{"by":"P1D"}'`,
    `    sandbox API         ${url}/sandbox/openapi.json (OpenAPI 3.1)`,
    '',
    '  Ctrl-C stops the sandbox and DynamoDB Local.',
    '',
  ];
  console.log(lines.join('\n'));
}
