#!/usr/bin/env node
/**
 * `npm start`: the whole sandbox on a laptop. Starts DynamoDB Local (data kept in .data/ unless
 * --in-memory), the local EventBridge Scheduler endpoint and the API, seeds a store, and prints
 * what a developer needs to point the PortOne SDK at it. Ctrl-C or SIGTERM stops everything it
 * started; if DynamoDB Local dies, the sandbox says so and exits non-zero (docs/architecture.md, "The local runtime").
 *
 * Start-up time is mostly the JVM's, so java is spawned first (by start.mjs, before tsx loads,
 * when run by npm start), and the sandbox's own code (the AWS SDK, Hono, every use case) is
 * imported while java boots: only light modules are imported statically here.
 */
import './env-defaults.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchDynamoDbLocal, type RunningDynamoDbLocal } from './dynamodb-local.ts';
import { isPortBusy } from './ports.mjs';
import { parseCliArgs } from './cli-args.mjs';
import { engineFolder } from './java.mjs';
import { printBanner } from './banner.ts';
import { ensurePrivateDir, writePrivateFile } from './private-files.ts';
import type { LocalRuntime } from './runtime.ts';
import { dataDirSigningKey, newSigningKey } from './signing-key.ts';

const options = parseCliArgs(process.argv.slice(2));
/** How long the sandbox must have been idle before java's class archive is dumped. */
const ARCHIVE_WHEN_IDLE_FOR_MS = 2000;

const fail = (message: string): never => {
  console.error(`pg-sandbox: ${message}`);
  process.exit(1);
};

async function main() {
  const { port, host } = options;
  if (await isPortBusy(port, host)) fail(`port ${port} on ${host} is already in use. Stop the other process or pass --port <n>`);

  const dataDir = resolve(options.dataDir);
  const inMemory = options.inMemory;
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
  // Started by startSandbox() (an IPC channel): stop with the test process, even one SIGKILLed.
  if (process.send) process.on('disconnect', () => void stop(0));
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
    ddb = await launchDynamoDbLocal({ classArchive: true, ...(!inMemory && { dataDir: engineFolder(dataDir) }) });
    const [{ startLocalRuntime }, { seedStore }] = await Promise.all([import('./runtime.ts'), import('../stores/seed.ts'), ddb.ready]);
    runtime = await startLocalRuntime({ dynamoEndpoint: ddb.endpoint, port, host, autoFire: true, sessionSigningKey, emptyEngine: inMemory });

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
          `Start it again${inMemory ? '' : ' (data in the data folder is kept)'}.`,
      );
      void stop(1);
    });
    printBanner({ url: runtime.url, seeded, inMemory, dataDir, javaPid: engine.pid, dynamodb: { endpoint: engine.endpoint, tableName: runtime.tableName } }, options);
    // The first start without a class archive makes one for the next, once nothing is asked of
    // the sandbox for a moment: the dump pauses java for a few seconds (docs/architecture.md).
    const started = runtime;
    void engine.archiveClassesWhenIdle(() => started.idleFor(ARCHIVE_WHEN_IDLE_FOR_MS));
  } catch (err) {
    console.error(`pg-sandbox: ${(err as Error).message.split('\n')[0]}`);
    return stop(1);
  }
}

void main();
