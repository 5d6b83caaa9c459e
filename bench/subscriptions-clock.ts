/**
 * Time to advance one store's test clock over a year of monthly subscriptions: N billing keys
 * (default 100, KCP, whose test payments take no money and set no void timer) with 12 monthly
 * payment schedules each, then one `POST /sandbox/clock {"by":"P366D"}` (continued with PT0S while
 * `complete: false`). Each schedule is claimed, charged through payWithBillingKey and finished.
 * Run: node --import tsx bench/subscriptions-clock.ts [subscriptions=100]
 */
import { PaymentClient } from '@portone/server-sdk';
import { performance } from 'node:perf_hooks';
import { BatchWriteCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../functions/adapters/dynamodb/client.ts';
import { TEST_CARDS } from '../functions/domain/cards.ts';
import { machine, withLocalRuntime, writeBenchmarkSection } from './harness.ts';

const subscriptions = Number(process.argv[2] ?? 100);
const MONTHS = 12;
const count = subscriptions * MONTHS;
const card = TEST_CARDS.find((c) => c.issuer === 'SHINHAN_CARD' && c.type === 'CREDIT' && !c.decline)!;
const DAY = 24 * 3600 * 1000;

async function pool(n: number, work: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    for (let i = next++; i < n; i = next++) await work(i);
  }));
}

await withLocalRuntime(async ({ runtime, store, channelKey, dynamoEndpoint, tableName }) => {
  const sdk = PaymentClient({ secret: store.apiSecret, baseUrl: runtime.url });
  const seeding = performance.now();
  const keys: string[] = [];
  await pool(subscriptions, async (i) => {
    keys[i] = (await sdk.billingKey.issueBillingKey({ channelKey: channelKey('KCP_V2'), method: { card: { credential: { number: card.number, expiryYear: '30', expiryMonth: '12' } } } })).billingKeyInfo.billingKey;
  });
  const start = Date.now();
  await pool(count, async (i) => {
    const sub = Math.floor(i / MONTHS);
    const month = (i % MONTHS) + 1;
    await sdk.paymentSchedule.createPaymentSchedule({
      paymentId: `sub-${sub}-m${month}`,
      payment: { billingKey: keys[sub]!, orderName: '월 구독', amount: { total: 9_900 }, currency: 'KRW' },
      timeToPay: new Date(start + month * 30 * DAY).toISOString(),
    });
  });
  const seededMs = performance.now() - seeding;

  const started = performance.now();
  let fired = 0;
  let calls = 0;
  for (let body = { by: 'P366D' }; ; body = { by: 'PT0S' }) {
    calls++;
    const res = await fetch(`${runtime.url}/sandbox/clock`, { method: 'POST', headers: { authorization: `PortOne ${store.apiSecret}` }, body: JSON.stringify(body) });
    const out = (await res.json()) as { fired: { result: string; kind?: string }[]; complete: boolean };
    fired += out.fired.filter((f) => f.result === 'fired' && f.kind === 'payment-schedule').length;
    if (out.complete) break;
  }
  const ms = performance.now() - started;
  if (fired !== count) throw new Error(`expected ${count} charged schedules, got ${fired}`);
  const paid = await sdk.getPayments({ filter: { isScheduled: true, status: ['PAID'] }, page: { size: 1 } });
  if (paid.page.totalCount !== count) throw new Error(`expected ${count} scheduled PAID payments, got ${paid.page.totalCount}`);

  // Floor: the three writes a schedule needs at least (claim; payment with its counter; finish with
  // the timer), 8 schedules at a time on the same engine.
  const db = createDocumentClient({ endpoint: dynamoEndpoint, region: 'ap-northeast-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  for (let i = 0; i < count; i += 25) {
    const items = Array.from({ length: Math.min(25, count - i) }, (_, k) => ({ PutRequest: { Item: { pk: 'FLOOR', sk: `T#${i + k}`, state: 'PENDING' } } }));
    await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: items } }));
  }
  const floorStarted = performance.now();
  await pool(count, async (i) => {
    await db.send(new PutCommand({ TableName: tableName, Item: { pk: 'FLOOR', sk: `S#${i}`, status: 'STARTED', body: 'x'.repeat(600) } }));
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName, Item: { pk: 'FLOOR', sk: `P#${i}`, body: 'x'.repeat(2_000) }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Update: { TableName: tableName, Key: { pk: 'FLOOR', sk: `C#${i % 16}` }, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': 1 } } },
        ],
      }),
    );
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName, Item: { pk: 'FLOOR', sk: `S#${i}`, status: 'SUCCEEDED', body: 'x'.repeat(600) } } },
          { Update: { TableName: tableName, Key: { pk: 'FLOOR', sk: `T#${i}` }, UpdateExpression: 'SET #s = :f', ConditionExpression: '#s = :p', ExpressionAttributeNames: { '#s': 'state' }, ExpressionAttributeValues: { ':f': 'FIRED', ':p': 'PENDING' } } },
        ],
      }),
    );
  });
  const floorMs = performance.now() - floorStarted;
  const line = `${subscriptions} subscriptions × ${MONTHS} months = ${count} schedules: advancing the clock a year took ${(ms / 1000).toFixed(2)} s in ${calls} call(s) (${(ms / count).toFixed(2)} ms per charge); floor (claim + payment + finish writes, 8 at a time) ${(floorMs / count).toFixed(2)} ms per charge: **${(ms / floorMs).toFixed(2)}×**. Issuing the keys and creating the schedules took ${(seededMs / 1000).toFixed(1)} s with 8 concurrent clients.`;
  console.log(line);
  writeBenchmarkSection(
    'Test clock over a year of subscriptions',
    `Command: \`node --import tsx bench/subscriptions-clock.ts ${subscriptions}\` — one store, ${subscriptions} KCP billing keys with ${MONTHS} monthly payment schedules each, then \`POST /sandbox/clock {"by":"P366D"}\` (continued with \`PT0S\` while \`complete: false\`), which claims, charges (payWithBillingKey) and finishes every schedule in due order; checked: ${count} PAID payments found with \`isScheduled\`.\nMachine: ${machine()}.\n\n${line}`,
  );
});
