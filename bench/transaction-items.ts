/**
 * What each item of pay's transaction costs DynamoDB Local, and one batched read against separate
 * ones: the items are the adapter's own (item builders of a real paid INICIS payment, its PG void
 * timer and its PAID event, each round under a fresh store id), written in growing sets, beside the
 * api-latency floor's two plain items. Interleaved rounds on the same engine; median ms.
 *
 * Run: node --import tsx bench/transaction-items.ts [rounds=150]   (prints only; nothing is written)
 */
import { PaymentClient } from '@portone/server-sdk';
import { performance } from 'node:perf_hooks';
import { BatchGetCommand, GetCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../functions/adapters/dynamodb/client.ts';
import { paymentEventItem, paymentItem, timerItem } from '../functions/adapters/dynamodb/items.ts';
import { paymentCounterSk, storePk } from '../functions/adapters/dynamodb/keys.ts';
import { ITEM_TYPE } from '../functions/adapters/dynamodb/schema.ts';
import { TEST_CARDS } from '../functions/domain/cards.ts';
import { paymentEventsOf } from '../functions/domain/payment-event.ts';
import { loadAverage, median, positional, withLocalRuntime } from './harness.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
const rounds = Number(positional(0) ?? 150);
const card = TEST_CARDS.find((c) => c.issuer === 'SHINHAN_CARD' && c.type === 'CREDIT' && !c.decline)!;

const loadBefore = loadAverage();
await withLocalRuntime(async ({ runtime, store, channelKey, dynamoEndpoint, tableName: TableName }) => {
  const sdk = PaymentClient({ secret: store.apiSecret, baseUrl: runtime.url });
  await sdk.payInstantly({
    paymentId: 'sample',
    channelKey: channelKey('INICIS_V2'),
    orderName: 'bench',
    amount: { total: 10_000 },
    currency: 'KRW',
    method: { card: { credential: { number: card.number, expiryYear: '30', expiryMonth: '12' } } },
  });
  const paid = (await runtime.services.repo.getPayment(store.storeId, 'sample'))!;
  const [timer] = await runtime.services.repo.listPaymentTimers(store.storeId, 'sample');
  const db = createDocumentClient({ endpoint: dynamoEndpoint, region: 'ap-northeast-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

  /** Pay's writes for a payment in store `storeId`, as the adapter builds them. */
  const payWrites = (storeId: string) => {
    const payment = { ...paid, storeId };
    return {
      payment: { Put: { TableName, Item: paymentItem(payment), ConditionExpression: 'attribute_not_exists(pk)' } },
      counter: {
        Update: {
          TableName,
          Key: { pk: storePk(storeId), sk: paymentCounterSk(0) },
          UpdateExpression: 'ADD n :one SET itemType = :t',
          ExpressionAttributeValues: { ':one': 1, ':t': ITEM_TYPE.COUNTER },
        },
      },
      timer: { Put: { TableName, Item: timerItem({ ...timer!, storeId }), ConditionExpression: 'attribute_not_exists(pk)' } },
      event: { Put: { TableName, Item: paymentEventItem({ ...paymentEventsOf(payment)[0]!, storeId }) } },
    } satisfies Record<string, TransactItem>;
  };
  const plain = (pk: string, n: number): TransactItem[] =>
    Array.from({ length: n }, (_, k) => ({ Put: { TableName, Item: { pk, sk: `S${k}`, body: k === 0 ? 'x'.repeat(2_000) : 'y' } } }));
  const write = (TransactItems: TransactItem[]) => db.send(new TransactWriteCommand({ TransactItems }));
  const get = (sk: string) => db.send(new GetCommand({ TableName, Key: { pk: 'F1', sk }, ConsistentRead: true }));

  const variants: Record<string, (i: number) => Promise<unknown>> = {
    'floor: 2 plain items': (i) => write(plain(`F${i}`, 2)),
    '4 plain items': (i) => write(plain(`G${i}`, 4)),
    'payment + timer': (i) => {
      const w = payWrites(`A${i}`);
      return write([w.payment, w.timer]);
    },
    'payment + counter + timer': (i) => {
      const w = payWrites(`B${i}`);
      return write([w.payment, w.counter, w.timer]);
    },
    'payment + counter + timer + event (pay today)': (i) => {
      const w = payWrites(`C${i}`);
      return write([w.payment, w.counter, w.timer, w.event]);
    },
    'read: 1 GetItem': () => get('S0'),
    'read: 3 GetItem in parallel': () => Promise.all(['S0', 'S1', 'S0'].map(get)),
    'read: 1 BatchGetItem of 3': () =>
      db.send(new BatchGetCommand({ RequestItems: { [TableName]: { Keys: ['S0', 'S1', 'S2'].map((sk) => ({ pk: 'F1', sk })), ConsistentRead: true } } })),
  };
  const timings: Record<string, number[]> = {};
  for (let i = 0; i < rounds + 10; i++) {
    for (const [name, run] of Object.entries(variants)) {
      const started = performance.now();
      await run(i);
      if (i >= 10) (timings[name] ??= []).push(performance.now() - started);
    }
  }
  console.log(`load average ${loadBefore}–${loadAverage()}, ${rounds} rounds, median ms:`);
  for (const [name, ms] of Object.entries(timings)) console.log(`| ${name} | ${median(ms).toFixed(2)} |`);
});
