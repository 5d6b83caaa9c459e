/**
 * What settling a due PG void costs DynamoDB Local, by the shape of the writes: the items are the
 * adapter's own (a real paid INICIS payment and its PG void timer, copied under N payment ids in one
 * store), each shape run on its own fresh copies, shapes interleaved over several rounds. Java's CPU
 * (from /proc) and wall time per timer; one write call in flight at a time.
 *
 * Run: node --import tsx bench/clock-writes.ts [timers per shape and round=1000] [rounds=2]   (prints only)
 */
import { PaymentClient } from '@portone/server-sdk';
import { performance } from 'node:perf_hooks';
import { BatchWriteCommand, TransactWriteCommand, UpdateCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../functions/adapters/dynamodb/client.ts';
import { paymentItem, timerItem, timerSettleUpdate } from '../functions/adapters/dynamodb/items.ts';
import { paymentSk, storePk } from '../functions/adapters/dynamodb/keys.ts';
import { TEST_CARDS } from '../functions/domain/cards.ts';
import type { PaymentRecord } from '../functions/domain/payment.ts';
import type { TimerRecord } from '../functions/domain/timer.ts';
import { loadAverage, positional, processCpuMs, withLocalRuntime } from './harness.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
const perShape = Number(positional(0) ?? 1000);
const rounds = Number(positional(1) ?? 2);
const card = TEST_CARDS.find((c) => c.issuer === 'SHINHAN_CARD' && c.type === 'CREDIT' && !c.decline)!;

const loadBefore = loadAverage();
await withLocalRuntime(async ({ runtime, store, channelKey, dynamoEndpoint, tableName: TableName, javaPid }) => {
  const sdk = PaymentClient({ secret: store.apiSecret, baseUrl: runtime.url });
  await sdk.payInstantly({ paymentId: 'sample', channelKey: channelKey('INICIS_V2'), orderName: 'bench', amount: { total: 1_000 }, currency: 'KRW', method: { card: { credential: { number: card.number, expiryYear: '30', expiryMonth: '12' } } } });
  const paid = (await runtime.services.repo.getPayment(store.storeId, 'sample'))!;
  const [sampleTimer] = await runtime.services.repo.listPaymentTimers(store.storeId, 'sample');
  const db = createDocumentClient({ endpoint: dynamoEndpoint, region: 'ap-northeast-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const storeId = store.storeId;

  const copies = (tag: string) =>
    Array.from({ length: perShape }, (_, i) => {
      const paymentId = `${tag}-${i}`;
      const payment: PaymentRecord = { ...structuredClone(paid), paymentId };
      const timer: TimerRecord = { ...sampleTimer!, paymentId, timerId: `t-${paymentId}`, scheduleName: `t-${paymentId}` };
      return { payment, timer };
    });
  const seed = async (set: ReturnType<typeof copies>) => {
    const items = set.flatMap(({ payment, timer }) => [paymentItem(payment), timerItem(timer)]);
    for (let i = 0; i < items.length; i += 25) {
      await db.send(new BatchWriteCommand({ RequestItems: { [TableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
    }
  };
  const at = new Date().toISOString();
  const voided = (p: PaymentRecord): PaymentRecord => {
    const next = structuredClone(p);
    next.pg!.voidedAt = at;
    next.pg!.pendingVoidTimerId = null;
    next.version = p.version + 1;
    return next;
  };
  const paymentPut = (p: PaymentRecord): TransactItem => ({
    Put: { TableName, Item: paymentItem(voided(p)), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': p.version } },
  });
  const paymentUpdate = (p: PaymentRecord): TransactItem => ({
    Update: {
      TableName,
      Key: { pk: storePk(storeId), sk: paymentSk(p.paymentId) },
      UpdateExpression: 'SET pg.voidedAt = :at, pg.pendingVoidTimerId = :none, version = :next',
      ConditionExpression: 'version = :v',
      ExpressionAttributeValues: { ':v': p.version, ':next': p.version + 1, ':at': at, ':none': null },
    },
  });
  const timerUpdate = (t: TimerRecord): TransactItem => ({ Update: { TableName, ...timerSettleUpdate(storeId, t.timerId, 'FIRED', at) } });
  const timerPut = (t: TimerRecord) => ({ PutRequest: { Item: timerItem({ ...t, state: 'FIRED', firedAt: at } as TimerRecord) } });
  const chunks = <T>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
  const tx = (TransactItems: TransactItem[]) => db.send(new TransactWriteCommand({ TransactItems }));
  const batchPutTimers = async (set: ReturnType<typeof copies>) => {
    for (const c of chunks(set, 25)) await db.send(new BatchWriteCommand({ RequestItems: { [TableName]: c.map(({ timer }) => timerPut(timer)) } }));
  };

  const shapes: Record<string, (set: ReturnType<typeof copies>) => Promise<void>> = {
    'today: tx of 25 × (payment Put + timer Update)': async (set) => {
      for (const c of chunks(set, 25)) await tx(c.flatMap(({ payment, timer }) => [paymentPut(payment), timerUpdate(timer)]));
    },
    'tx of 50 × (payment Put + timer Update)': async (set) => {
      for (const c of chunks(set, 50)) await tx(c.flatMap(({ payment, timer }) => [paymentPut(payment), timerUpdate(timer)]));
    },
    'tx of 100 payment Puts, then BatchWrite timer Puts': async (set) => {
      for (const c of chunks(set, 100)) await tx(c.map(({ payment }) => paymentPut(payment)));
      await batchPutTimers(set);
    },
    'tx of 100 payment Puts, then tx of 100 timer Updates': async (set) => {
      for (const c of chunks(set, 100)) await tx(c.map(({ payment }) => paymentPut(payment)));
      for (const c of chunks(set, 100)) await tx(c.map(({ timer }) => timerUpdate(timer)));
    },
    'tx of 100 payment Updates, then BatchWrite timer Puts': async (set) => {
      for (const c of chunks(set, 100)) await tx(c.map(({ payment }) => paymentUpdate(payment)));
      await batchPutTimers(set);
    },
    'tx of 100 payment Puts only': async (set) => {
      for (const c of chunks(set, 100)) await tx(c.map(({ payment }) => paymentPut(payment)));
    },
    'tx of 100 payment Updates only': async (set) => {
      for (const c of chunks(set, 100)) await tx(c.map(({ payment }) => paymentUpdate(payment)));
    },
    'BatchWrite timer Puts only': batchPutTimers,
    'single timer Updates only (8 in flight)': async (set) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let i = next++; i < set.length; i = next++) await db.send(new UpdateCommand({ TableName, ...timerSettleUpdate(storeId, set[i]!.timer.timerId, 'FIRED', at) }));
        }),
      );
    },
  };
  const spent: Record<string, { java: number[]; wall: number[] }> = {};
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(shapes)) {
      const set = copies(`r${round}-${Object.keys(shapes).indexOf(name)}`);
      await seed(set);
      const java = processCpuMs(javaPid);
      const started = performance.now();
      await run(set);
      const row = (spent[name] ??= { java: [], wall: [] });
      row.wall.push((performance.now() - started) / perShape);
      row.java.push((processCpuMs(javaPid) - java) / perShape);
    }
  }
  console.log(`load average ${loadBefore}–${loadAverage()}; ${perShape} timers per shape and round, ${rounds} rounds; per timer: java CPU ms (each round) · wall ms (each round)`);
  for (const [name, { java, wall }] of Object.entries(spent)) console.log(`| ${name} | ${java.map((x) => x.toFixed(2)).join(' / ')} | ${wall.map((x) => x.toFixed(2)).join(' / ')} |`);
});
