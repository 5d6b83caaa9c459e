/**
 * getPayments (page of 10, default filter) in a store of 100 payments and in a store of N, through
 * the official SDK against the local runtime, in the same run. The big store is filled with
 * BatchWriteItem of the adapter's own item builders (what a week of load tests leaves behind),
 * counters included, so only the read path is measured.
 *
 * Run: node --import tsx bench/list-scale.ts [payments=100000] [reads=50]
 */
import { PaymentClient } from '@portone/server-sdk';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { performance } from 'node:perf_hooks';
import { createDocumentClient } from '../functions/adapters/dynamodb/client.ts';
import { paymentItem } from '../functions/adapters/dynamodb/items.ts';
import { PAYMENT_COUNTER_SHARDS, paymentCounterSk, storePk } from '../functions/adapters/dynamodb/keys.ts';
import { seedStore } from '../functions/stores/seed.ts';
import { paidCardRecord } from '../test/support/payment-records.ts';
import { machine, median, withLocalRuntime, writeBenchmarkSection } from './harness.ts';

const big = Number(process.argv[2] ?? 100_000);
const reads = Number(process.argv[3] ?? 50);

await withLocalRuntime(async ({ runtime, dynamoEndpoint, tableName }) => {
  const db = createDocumentClient({ endpoint: dynamoEndpoint, region: 'ap-northeast-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const fill = async (storeId: string, count: number) => {
    const t0 = Date.parse('2026-11-01T00:00:00.000Z');
    const items = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, k) => {
        const i = from + k;
        const at = new Date(t0 + i * 1000).toISOString();
        return paymentItem(paid(storeId, `p-${i}`, at));
      });
    let inFlight: Promise<unknown>[] = [];
    for (let i = 0; i < count; i += 25) {
      const RequestItems = { [tableName]: items(i, Math.min(count, i + 25)).map((Item) => ({ PutRequest: { Item } })) };
      inFlight.push(db.send(new BatchWriteCommand({ RequestItems })));
      if (inFlight.length >= 8) {
        await Promise.all(inFlight);
        inFlight = [];
      }
    }
    await Promise.all(inFlight);
    // The payment counter, as the creating transactions would have left it.
    const shards = Array.from({ length: PAYMENT_COUNTER_SHARDS }, (_, s) => ({
      PutRequest: { Item: { pk: storePk(storeId), sk: paymentCounterSk(s), itemType: 'COUNTER', n: Math.floor(count / PAYMENT_COUNTER_SHARDS) + (s < count % PAYMENT_COUNTER_SHARDS ? 1 : 0) } },
    }));
    await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: shards } }));
  };

  const small = await seedStore(runtime.services, { name: 'list-small' });
  const large = await seedStore(runtime.services, { name: 'list-large' });
  const fillStarted = performance.now();
  await fill(small.storeId, 100);
  await fill(large.storeId, big);
  const fillSeconds = (performance.now() - fillStarted) / 1000;

  const time = async (secret: string) => {
    const sdk = PaymentClient({ secret, baseUrl: runtime.url });
    const xs: number[] = [];
    for (let i = 0; i < reads + 5; i++) {
      const t = performance.now();
      const page = await sdk.getPayments({ page: { number: 0, size: 10 } });
      if (i >= 5) xs.push(performance.now() - t);
      if (page.items.length !== 10) throw new Error('expected a full page');
    }
    return { ms: median(xs), total: (await sdk.getPayments({ page: { number: 0, size: 10 } })).page.totalCount };
  };
  // Interleaved halves, so load on the machine hits both stores alike.
  const a1 = await time(small.apiSecret);
  const b1 = await time(large.apiSecret);
  const a2 = await time(small.apiSecret);
  const b2 = await time(large.apiSecret);
  // Where the time goes: the two repository reads a default-filter page makes, per store.
  const repoTime = async (storeId: string) => {
    const q: number[] = [];
    const c: number[] = [];
    for (let i = 0; i < reads; i++) {
      let t = performance.now();
      await runtime.services.repo.queryPayments(storeId, { order: 'REQUESTED_AT', descending: true, limit: 11 });
      q.push(performance.now() - t);
      t = performance.now();
      await runtime.services.repo.countPayments(storeId);
      c.push(performance.now() - t);
    }
    return { query: median(q), count: median(c) };
  };
  const rs = await repoTime(small.storeId);
  const rl = await repoTime(large.storeId);
  const smallMs = (a1.ms + a2.ms) / 2;
  const largeMs = (b1.ms + b2.ms) / 2;
  const table = [
    '| store | payments (totalCount) | getPayments page of 10, median ms |',
    '|---|---|---|',
    `| small | ${a1.total} | ${smallMs.toFixed(2)} |`,
    `| large | ${b1.total} | ${largeMs.toFixed(2)} |`,
    `| **ratio large / small** | | **${(largeMs / smallMs).toFixed(2)}×** |`,
    '',
    '| store | index page query (11 items) median ms | payment counter read median ms |',
    '|---|---|---|',
    `| small | ${rs.query.toFixed(2)} | ${rs.count.toFixed(2)} |`,
    `| large | ${rl.query.toFixed(2)} | ${rl.count.toFixed(2)} |`,
  ].join('\n');
  console.log(table);
  writeBenchmarkSection(
    'Listing at scale',
    `Command: \`node --import tsx bench/list-scale.ts ${big} ${reads}\` — \`getPayments({page:{number:0,size:10}})\` (default filter) through \`@portone/server-sdk\` against the local runtime, ${reads} reads per store, twice, interleaved; the large store was filled with BatchWriteItem of the adapter's item builders (${fillSeconds.toFixed(0)} s).\nMachine: ${machine()}.\n\n${table}`,
  );
});

/** A stored PAID payment at `at`, from the fixture the pure-model tests use. */
function paid(storeId: string, paymentId: string, at: string) {
  return paidCardRecord({ storeId, paymentId, transactionId: `tx-${paymentId}`, requestedAt: at, updatedAt: at, statusChangedAt: at, paidAt: at, hasWebhooks: false });
}
