/**
 * DynamoDB Local's memory (java RSS) under npm start's load, per JVM flag set: the evidence for
 * DYNAMODB_LOCAL_JVM_FLAGS. Each set gets a fresh in-memory engine and runtime, N card payments
 * through the official SDK (8 concurrent clients), then one `getPayments` listing, which today
 * reads the store's whole partition (the load that grew java to 5.5 GB).
 * Run: node --import tsx bench/java-memory.ts [payments=10000] [--no-write] [--only 0,3]
 * (--only runs some flag sets, by position in the list below: each takes minutes on a busy machine.)
 */
import './quiet-env.ts';
import { readFileSync } from 'node:fs';
import { PaymentClient } from '@portone/server-sdk';
import { TEST_CARDS } from '../functions/domain/cards.ts';
import { DYNAMODB_LOCAL_JVM_FLAGS, startDynamoDbLocal } from '../functions/local/dynamodb-local.ts';
import { startLocalRuntime } from '../functions/local/runtime.ts';
import { seedStore, seededChannelKey } from '../functions/stores/seed.ts';
import { machine, writeBenchmarkSection } from './harness.ts';

const payments = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 10_000);
const write = !process.argv.includes('--no-write');
const CLIENTS = 8;
const card = TEST_CARDS.find((c) => c.issuer === 'SHINHAN_CARD' && c.type === 'CREDIT' && !c.decline)!;

const flagSets: { name: string; flags: readonly string[] }[] = [
  { name: 'JVM defaults (no flags)', flags: [] },
  { name: '-XX:+UseSerialGC', flags: ['-XX:+UseSerialGC'] },
  { name: '-Xmx256m', flags: ['-Xmx256m'] },
  { name: `npm start: ${DYNAMODB_LOCAL_JVM_FLAGS.join(' ')}`, flags: DYNAMODB_LOCAL_JVM_FLAGS },
];

/** Resident and peak resident memory of a process, MiB (Linux /proc). */
const memoryOf = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
};

const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? new Set(process.argv[onlyAt + 1]!.split(',').map(Number)) : undefined;

const rows: string[] = [];
for (const [index, set] of flagSets.entries()) {
  if (only && !only.has(index)) continue;
  const ddb = await startDynamoDbLocal({ jvmFlags: set.flags });
  const runtime = await startLocalRuntime({ dynamoEndpoint: ddb.endpoint, port: 0, autoFire: false });
  try {
    const store = await seedStore(runtime.services);
    const sdk = PaymentClient({ secret: store.apiSecret, baseUrl: runtime.url });
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let i = next++; i < payments; i = next++) {
          await sdk.payInstantly({
            paymentId: `mem-${i}`,
            channelKey: seededChannelKey('INICIS_V2'),
            orderName: 'memory bench',
            amount: { total: 10_000 },
            currency: 'KRW',
            method: { card: { credential: { number: card.number, expiryYear: '30', expiryMonth: '12' } } },
          });
        }
      }),
    );
    const payMs = performance.now() - started;
    const afterPay = memoryOf(ddb.pid);
    const listed = performance.now();
    await sdk.getPayments({ page: { number: 0, size: 10 } });
    const listMs = performance.now() - listed;
    const after = memoryOf(ddb.pid);
    const row = `| ${set.name} | ${afterPay.rss.toFixed(0)} | ${after.rss.toFixed(0)} | ${after.peak.toFixed(0)} | ${((payments / payMs) * 1000).toFixed(0)} | ${(listMs / 1000).toFixed(1)} |`;
    console.log(row);
    rows.push(row);
  } finally {
    await runtime.close();
    await ddb.stop();
  }
}
const table = [
  `| JVM flags | java RSS after ${payments} payments (MiB) | RSS after one getPayments (MiB) | peak RSS (MiB) | payments/s (${CLIENTS} clients) | getPayments (s) |`,
  '|---|---|---|---|---|---|',
  ...rows,
].join('\n');
console.log(table);
if (write) {
  writeBenchmarkSection(
    'DynamoDB Local memory',
    `Command: \`node --import tsx bench/java-memory.ts ${payments}\` — per JVM flag set: a fresh in-memory DynamoDB Local and local runtime, ${payments} INICIS card payments through \`@portone/server-sdk\` (${CLIENTS} concurrent clients), then one \`getPayments\` (which reads the store's whole partition today). RSS from /proc/<java pid>/status.\nMachine: ${machine()}.\n\n${table}`,
  );
}
