/**
 * Median latency of pay / get / cancel through the official SDK against the local runtime.
 * Run: node --import tsx bench/api-latency.ts [iterations=200]
 */
import { PaymentClient } from '@portone/server-sdk';
import { performance } from 'node:perf_hooks';
import { TEST_CARDS } from '../functions/domain/cards.ts';
import { machine, median, percentile, withLocalRuntime, writeBenchmarkSection } from './harness.ts';

const iterations = Number(process.argv[2] ?? 200);
const card = TEST_CARDS.find((c) => c.issuer === 'SHINHAN_CARD' && c.type === 'CREDIT' && !c.decline)!;

await withLocalRuntime(async ({ runtime, store, channelKey }) => {
  const sdk = PaymentClient({ secret: store.apiSecret, baseUrl: runtime.url });
  const timings = { pay: [] as number[], get: [] as number[], cancel: [] as number[] };
  const time = async (bucket: number[], fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    bucket.push(performance.now() - t);
  };
  for (let i = 0; i < iterations + 10; i++) {
    const paymentId = `bench-${i}`;
    const warm = i < 10; // JIT and connection warm-up, not reported
    const pay = () =>
      sdk.payInstantly({ paymentId, channelKey: channelKey('INICIS_V2'), orderName: 'bench', amount: { total: 10_000 }, currency: 'KRW', method: { card: { credential: { number: card.number, expiryYear: '30', expiryMonth: '12' } } } });
    const get = () => sdk.getPayment({ paymentId });
    const cancel = () => sdk.cancelPayment({ paymentId, reason: 'bench' });
    if (warm) {
      await pay();
      await get();
      await cancel();
      continue;
    }
    await time(timings.pay, pay);
    await time(timings.get, get);
    await time(timings.cancel, cancel);
  }
  const row = (name: string, xs: number[]) => `| ${name} | ${median(xs).toFixed(1)} | ${percentile(xs, 95).toFixed(1)} |`;
  const table = ['| operation | median ms | p95 ms |', '|---|---|---|', row('payInstantly (INICIS card, with auto-cancel schedule)', timings.pay), row('getPayment', timings.get), row('cancelPayment (full, deletes the schedule)', timings.cancel)].join('\n');
  console.log(table);
  writeBenchmarkSection(
    'API latency (local runtime)',
    `Command: \`node --import tsx bench/api-latency.ts ${iterations}\` — ${iterations} sequential payments through \`@portone/server-sdk\` over HTTP to \`npm start\`'s runtime (DynamoDB Local in memory, local Scheduler endpoint).\nMachine: ${machine()}.\n\n${table}\n\nDynamoDB Local (JVM + SQLite) is most of this time; see toolchain notes.`,
  );
});
