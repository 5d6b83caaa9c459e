/**
 * Where pay, get and cancel spend their time: each repository and scheduler call the request makes
 * is timed in the runtime (median per request), beside the request's whole time seen by the SDK.
 * What is left over is the HTTP hops, Hono, the SDK client and node's scheduling.
 *
 * Run: node --import tsx bench/api-breakdown.ts [iterations=100]   (prints only; nothing is written)
 */
import { PaymentClient } from '@portone/server-sdk';
import { performance } from 'node:perf_hooks';
import { TEST_CARDS } from '../functions/domain/cards.ts';
import { loadAverage, median, positional, withLocalRuntime } from './harness.ts';

const iterations = Number(positional(0) ?? 100);
const card = TEST_CARDS.find((c) => c.issuer === 'SHINHAN_CARD' && c.type === 'CREDIT' && !c.decline)!;
/** The calls pay, get and cancel can make. */
const TIMED = ['getPaymentContext', 'getStore', 'getChannel', 'getPayment', 'commitPayment', 'listOutbox', 'getCashReceipt', 'getTimer', 'findSecret', 'schedule', 'unschedule'];

const loadBefore = loadAverage();
await withLocalRuntime(async ({ runtime, store, channelKey }) => {
  const sdk = PaymentClient({ secret: store.apiSecret, baseUrl: runtime.url });
  const spent = new Map<string, number>();
  const timeCalls = (name: string, target: object) => {
    const own = target as Record<string, unknown>;
    for (const method of TIMED) {
      const fn = own[method];
      if (typeof fn !== 'function') continue;
      own[method] = async (...args: unknown[]) => {
        const started = performance.now();
        try {
          return await (fn as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          spent.set(`${name}.${method}`, (spent.get(`${name}.${method}`) ?? 0) + performance.now() - started);
        }
      };
    }
  };
  timeCalls('repo', runtime.services.repo);
  timeCalls('scheduler', runtime.services.scheduler);

  const ops = {
    pay: (i: number) =>
      sdk.payInstantly({
        paymentId: `b-${i}`,
        channelKey: channelKey('INICIS_V2'),
        orderName: 'bench',
        amount: { total: 10_000 },
        currency: 'KRW',
        method: { card: { credential: { number: card.number, expiryYear: '30', expiryMonth: '12' } } },
      }),
    get: (i: number) => sdk.getPayment({ paymentId: `b-${i}` }),
    cancel: (i: number) => sdk.cancelPayment({ paymentId: `b-${i}`, reason: 'bench' }),
  };
  const timings: Record<string, Record<string, number[]>> = {};
  for (let i = 0; i < iterations + 20; i++) {
    for (const [op, run] of Object.entries(ops)) {
      spent.clear();
      const started = performance.now();
      await run(i);
      const total = performance.now() - started;
      if (i < 20) continue; // JIT and connection warm-up
      const row = (timings[op] ??= {});
      (row['request (SDK → answer)'] ??= []).push(total);
      for (const [call, ms] of spent) (row[call] ??= []).push(ms);
    }
  }
  console.log(`load average ${loadBefore}–${loadAverage()}; median ms per request (calls made in fewer requests than all show how many)`);
  for (const [op, row] of Object.entries(timings)) {
    const parts = Object.entries(row).map(([call, ms]) => `${call} ${median(ms).toFixed(2)}${ms.length < iterations ? ` (${ms.length} requests)` : ''}`);
    console.log(`${op}: ${parts.join(' · ')}`);
  }
});
