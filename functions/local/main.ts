/**
 * `npm start`: the whole sandbox on a laptop. Starts DynamoDB Local (data kept in .data/ unless
 * --in-memory), the local EventBridge Scheduler endpoint and the API, seeds a store, and prints
 * what a developer needs to point the PortOne SDK at it. Ctrl-C or SIGTERM stops everything it
 * started; if DynamoDB Local dies, the sandbox says so and exits non-zero (docs/architecture.md, "The local runtime").
 *
 * Start-up time is mostly the JVM's, so java is spawned first, and the sandbox's own code (the
 * AWS SDK, Hono, every use case) is imported while java boots: only light modules are imported
 * statically here.
 */
import './env-defaults.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchDynamoDbLocal, type RunningDynamoDbLocal } from './dynamodb-local.ts';
import { isPortBusy } from './ports.ts';
import { ensurePrivateDir, writePrivateFile } from './private-files.ts';
import type { SeededStore } from '../stores/seed.ts';
import type { LocalRuntime } from './runtime.ts';
import { dataDirSigningKey, newSigningKey } from './signing-key.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8787' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    'in-memory': { type: 'boolean', default: false },
    'data-dir': { type: 'string', default: '.data' },
  },
});

const fail = (message: string): never => {
  console.error(`pg-sandbox: ${message}`);
  process.exit(1);
};

async function main() {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, got ${values.port}`);
  if (await isPortBusy(port, values.host)) fail(`port ${port} on ${values.host} is already in use. Stop the other process or run: npm start -- --port <n>`);

  const dataDir = resolve(values['data-dir']!);
  const inMemory = values['in-memory']!;
  // Everything written below (and DynamoDB Local's database, whose stores hold webhook secrets)
  // is the developer's alone: files 0600, folders 0700, java included through the umask.
  process.umask(0o077);
  if (!inMemory) ensurePrivateDir(dataDir);
  const sessionSigningKey = inMemory ? newSigningKey() : dataDirSigningKey(dataDir);

  let ddb: RunningDynamoDbLocal | undefined;
  let runtime: LocalRuntime | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await runtime?.close().catch(() => undefined);
    await ddb?.stop().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  // Last resort if something throws later: never leave java behind.
  process.on('exit', () => {
    if (ddb) {
      try {
        process.kill(ddb.pid, 'SIGKILL');
      } catch {
        // already stopped
      }
    }
  });

  try {
    ddb = await launchDynamoDbLocal(inMemory ? {} : { dataDir: join(dataDir, 'dynamodb') });
    const [{ startLocalRuntime }, { seedStore }] = await Promise.all([import('./runtime.ts'), import('../stores/seed.ts'), ddb.ready]);
    runtime = await startLocalRuntime({ dynamoEndpoint: ddb.endpoint, port, host: values.host, autoFire: true, sessionSigningKey, emptyEngine: inMemory });

    // Secrets are stored hashed, so the seeded one is kept beside the data to print it again next time.
    const seedFile = join(dataDir, 'seed.json');
    const previous = !inMemory && existsSync(seedFile) ? (JSON.parse(readFileSync(seedFile, 'utf8')) as { storeId: string; apiSecret: string }) : undefined;
    const seeded = await seedStore(runtime.services, previous ?? { storeId: 'store-local-sandbox' });
    if (!inMemory) writePrivateFile(seedFile, JSON.stringify({ storeId: seeded.storeId, apiSecret: seeded.apiSecret }, null, 2));

    const engine = ddb;
    // One clear line and a non-zero exit instead of answering 503 forever (docs/architecture.md, "The local runtime").
    engine.onUnexpectedExit((reason) => {
      console.error(
        `pg-sandbox: DynamoDB Local (java pid ${engine.pid}) ${reason}; the sandbox cannot work without it and stops. ` +
          `Run npm start again${inMemory ? '' : ' (data in the data folder is kept)'}.`,
      );
      void stop(1);
    });
    printBanner(runtime.url, seeded, { inMemory, dataDir, javaPid: engine.pid });
  } catch (err) {
    console.error(`pg-sandbox: ${(err as Error).message.split('\n')[0]}`);
    return stop(1);
  }
}

function printBanner(
  url: string,
  seeded: SeededStore,
  run: { inMemory: boolean; dataDir: string; javaPid: number },
) {
  const lines = [
    '',
    // performance.now() counts from process start, so this is what the developer waited.
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
    '',
    '  Test channels (channelKey):',
    ...seeded.channels.map((c) => `    ${c.pgProvider.padEnd(14)} ${c.channelKey}   (${c.name}, MID ${c.pgMerchantId})`),
    '',
    '  Next steps:',
    `    test cards          docs/test-cards.md, or GET ${url}/sandbox/test-cards`,
    `    webhooks            curl -X PUT ${url}/sandbox/webhook -H 'authorization: PortOne <secret>' -d '{"url":"http://127.0.0.1:3000/webhook"}'`,
    `    move the clock      curl -X POST ${url}/sandbox/clock -H 'authorization: PortOne <secret>' -d '{"by":"P1D"}'`,
    '',
    '  Ctrl-C stops the sandbox and DynamoDB Local.',
    '',
  ];
  console.log(lines.join('\n'));
}

void main();
