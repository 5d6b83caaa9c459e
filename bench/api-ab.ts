/**
 * Paired A/B of pay, get and cancel between this checkout and another one (a copy of an older
 * commit, with node_modules): both runtimes run in this process on one DynamoDB Local and requests
 * alternate between them (the order flips every round), so machine load hits both alike. On a
 * machine shared with other work this compares two trees far better than two runs of
 * bench/api-latency.ts one after the other.
 *
 * Run: node --import tsx bench/api-ab.ts <other checkout> [rounds=200] [--settle]   (prints only)
 *
 * --settle: after each request, wait (untimed) until both runtimes finished what they do after an
 * answer (deferred schedule calls, after-commit steps). Without it that work runs during the next
 * request, which half the time is the other side's: a change that moves work behind the answer
 * then looks better than it is.
 */
import './quiet-env.ts';
import { PaymentClient } from '@portone/server-sdk';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startDynamoDbLocal } from '../functions/local/dynamodb-local.ts';
import { TEST_CARDS } from '../functions/domain/cards.ts';
import { loadAverage, median, positional } from './harness.ts';

const other = positional(0);
if (!other) throw new Error('usage: node --import tsx bench/api-ab.ts <other checkout> [rounds]');
const rounds = Number(positional(1) ?? 200);
const card = TEST_CARDS.find((c) => c.issuer === 'SHINHAN_CARD' && c.type === 'CREDIT' && !c.decline)!;
const trees = { before: resolve(other), after: resolve(import.meta.dirname, '..') };
type Side = keyof typeof trees;
const ops = ['pay', 'get', 'cancel'] as const;

const ddb = await startDynamoDbLocal();
const loadBefore = loadAverage();
const settle = process.argv.includes('--settle');
const clients = {} as Record<Side, { sdk: ReturnType<typeof PaymentClient>; channelKey: string; idle: () => Promise<unknown>; close: () => Promise<void> }>;
try {
  for (const [side, dir] of Object.entries(trees) as [Side, string][]) {
    const { startLocalRuntime } = (await import(`${dir}/functions/local/runtime.ts`)) as typeof import('../functions/local/runtime.ts');
    const { seedStore, seededChannelKey } = (await import(`${dir}/functions/stores/seed.ts`)) as typeof import('../functions/stores/seed.ts');
    const runtime = await startLocalRuntime({ dynamoEndpoint: ddb.endpoint, port: 0, autoFire: false, tableName: `ab-${side}` });
    const store = await seedStore(runtime.services);
    // What a tree does after its answer (deferred schedule calls; 5dcc411's after-commit step, since
    // reverted) must finish before the next request. An older tree may lack either: nothing to wait for.
    const idle = () => Promise.all([runtime.schedules?.idle(), (runtime as { afterCommit?: { idle(): Promise<void> } }).afterCommit?.idle()]);
    clients[side] = { sdk: PaymentClient({ secret: store.apiSecret, baseUrl: runtime.url }), channelKey: seededChannelKey('INICIS_V2'), idle, close: () => runtime.close() };
  }
  const run = (side: Side, op: (typeof ops)[number], paymentId: string) => {
    const { sdk, channelKey } = clients[side];
    if (op === 'get') return sdk.getPayment({ paymentId });
    if (op === 'cancel') return sdk.cancelPayment({ paymentId, reason: 'bench' });
    return sdk.payInstantly({
      paymentId,
      channelKey,
      orderName: 'bench',
      amount: { total: 10_000 },
      currency: 'KRW',
      method: { card: { credential: { number: card.number, expiryYear: '30', expiryMonth: '12' } } },
    });
  };
  const timings: Record<string, number[]> = {};
  for (let i = 0; i < rounds + 20; i++) {
    const order: Side[] = i % 2 ? ['before', 'after'] : ['after', 'before'];
    for (const op of ops) {
      for (const side of order) {
        const started = performance.now();
        await run(side, op, `ab-${i}`);
        if (i >= 20) (timings[`${op} ${side}`] ??= []).push(performance.now() - started); // the first 20: warm-up
        if (settle) await Promise.all([clients.before.idle(), clients.after.idle()]);
      }
    }
  }
  console.log(`load average ${loadBefore}–${loadAverage()}, ${rounds} paired rounds${settle ? ', settled' : ''}, median ms; before = ${trees.before}, after = ${trees.after}`);
  for (const op of ops) {
    const before = median(timings[`${op} before`]!);
    const after = median(timings[`${op} after`]!);
    console.log(`${op}: ${before.toFixed(2)} → ${after.toFixed(2)} ms (${(after / before).toFixed(2)})`);
  }
} finally {
  for (const client of Object.values(clients)) await client.close().catch(() => undefined);
  await ddb.stop();
}
