/**
 * pay / get / cancel through the official SDK against the local runtime, each next to its floor:
 * the fewest DynamoDB calls that operation needs, made directly on the same DynamoDB Local in the
 * same run (interleaved, so machine load hits both alike). Then GET throughput at 50 connections
 * (autocannon) against raw GetItem throughput at 50 concurrent callers.
 *
 * The sandbox runs as users run it: `startSandbox()`, the CLI in its own process with its own
 * DynamoDB Local, on which the floor is measured too. `--in-process` runs the local runtime inside
 * this process instead (the shape of runs before 2026-12-01 16:00: the load generator then shares
 * the sandbox's one thread).
 *
 * Run: node --import tsx bench/api-latency.ts [iterations=200] [seconds=10] [--in-process]
 * Prints the table and the row for the history table in docs/benchmarks.md ("API latency against
 * its DynamoDB floor"), which it never rewrites: that section compares runs, one row each.
 */
import { PaymentClient } from '@portone/server-sdk';
import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import { createDocumentClient } from '../functions/adapters/dynamodb/client.ts';
import { localClientConfig } from '../functions/local/aws-local.ts';
import { TEST_CARDS } from '../functions/domain/cards.ts';
import { execSync } from 'node:child_process';
import { apiFloor } from './api-floor.ts';
import { loadAverage, median, percentile, positional, withLocalRuntime, withSandboxProcess } from './harness.ts';

const iterations = Number(positional(0) ?? 200);
const seconds = Number(positional(1) ?? 10);
const card = TEST_CARDS.find((c) => c.issuer === 'SHINHAN_CARD' && c.type === 'CREDIT' && !c.decline)!;

/** The commit measured (`+changes` when functions/ differs from it), or the folder when it is no checkout. */
function treeName(): string {
  try {
    const head = execSync('git rev-parse --short HEAD', { encoding: 'utf8', stdio: 'pipe' }).trim();
    return head + (execSync('git status --porcelain functions', { encoding: 'utf8' }).trim() ? '+changes' : '');
  } catch {
    return process.cwd();
  }
}

/** What the measurements need from either shape. */
interface Target {
  baseUrl: string;
  apiSecret: string;
  channelKey: (pg: string) => string;
  dynamoEndpoint: string;
  tableName: string;
}
const inProcess = process.argv.includes('--in-process');
const withTarget = <T>(body: (t: Target) => Promise<T>) =>
  inProcess
    ? withLocalRuntime(({ runtime, store, channelKey, dynamoEndpoint, tableName }) =>
        body({ baseUrl: runtime.url, apiSecret: store.apiSecret, channelKey, dynamoEndpoint, tableName }),
      )
    : withSandboxProcess(({ sandbox, dynamoEndpoint, tableName }) =>
        body({ baseUrl: sandbox.baseUrl, apiSecret: sandbox.apiSecret, channelKey: (pg) => sandbox.channelKey(pg), dynamoEndpoint, tableName }),
      );

const loadBefore = loadAverage();
await withTarget(async ({ baseUrl, apiSecret, channelKey, dynamoEndpoint, tableName }) => {
  const sdk = PaymentClient({ secret: apiSecret, baseUrl });
  // The floor's client has the runtime's settings (local/aws-local.ts: unsigned requests), so
  // the ratio compares the calls made, not how a client is configured.
  const db = createDocumentClient(localClientConfig(dynamoEndpoint));
  const T = tableName;
  const floor = apiFloor(db, T);
  await floor.ready();

  const ours = {
    pay: (i: number) =>
      sdk.payInstantly({
        paymentId: `bench-${i}`,
        channelKey: channelKey('INICIS_V2'),
        orderName: 'bench',
        amount: { total: 10_000 },
        currency: 'KRW',
        method: { card: { credential: { number: card.number, expiryYear: '30', expiryMonth: '12' } } },
      }),
    get: (i: number) => sdk.getPayment({ paymentId: `bench-${i}` }),
    cancel: (i: number) => sdk.cancelPayment({ paymentId: `bench-${i}`, reason: 'bench' }),
  };

  type Op = keyof typeof ours;
  const ops: Op[] = ['pay', 'get', 'cancel'];
  const timings = Object.fromEntries(ops.flatMap((op) => [[`${op}:floor`, [] as number[]], [`${op}:ours`, [] as number[]]])) as Record<string, number[]>;
  const time = async (bucket: number[] | undefined, fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    bucket?.push(performance.now() - t);
  };
  for (let i = 0; i < iterations + 20; i++) {
    const warm = i < 20; // JIT and connection warm-up, not reported
    for (const op of ops) {
      await time(warm ? undefined : timings[`${op}:floor`], () => floor[op](i));
      await time(warm ? undefined : timings[`${op}:ours`], () => ours[op](i));
    }
  }

  // Throughput: GET of one paid payment at 50 connections, against raw GetItem at 50 callers.
  // Both run in slices that take turns (the first of each pair alternating), after a warm-up of
  // each: one run of each in a row let machine load that drifts, and DynamoDB Local's JIT still
  // compiling the paths of 50 concurrent reads, fall on whichever ran first.
  await ours.pay(1_000_000);
  const slices = 4;
  const sliceSeconds = Math.max(1, seconds / slices);
  const oursSlice = async (duration: number) => {
    const cannon = await autocannon({
      url: `${baseUrl}/payments/bench-1000000`,
      connections: 50,
      duration,
      headers: { authorization: `PortOne ${apiSecret}` },
    });
    return { requests: cannon.requests.total, non2xx: cannon.non2xx, ms: cannon.duration * 1000 };
  };
  const rawSlice = async (duration: number) => {
    let requests = 0;
    const started = performance.now();
    const until = started + duration * 1000;
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (performance.now() < until) {
          await floor.get(0);
          requests++;
        }
      }),
    );
    return { requests, non2xx: 0, ms: performance.now() - started };
  };
  await oursSlice(1);
  await rawSlice(1);
  const total = { ours: { requests: 0, non2xx: 0, ms: 0 }, raw: { requests: 0, non2xx: 0, ms: 0 } };
  const add = (into: { requests: number; non2xx: number; ms: number }, slice: { requests: number; non2xx: number; ms: number }) => {
    into.requests += slice.requests;
    into.non2xx += slice.non2xx;
    into.ms += slice.ms;
  };
  for (let i = 0; i < slices; i++) {
    if (i % 2 === 0) add(total.ours, await oursSlice(sliceSeconds));
    add(total.raw, await rawSlice(sliceSeconds));
    if (i % 2 === 1) add(total.ours, await oursSlice(sliceSeconds));
  }
  const rawRps = total.raw.requests / (total.raw.ms / 1000);
  const oursRps = total.ours.requests / (total.ours.ms / 1000);
  const cannon = { non2xx: total.ours.non2xx };

  const ratio = (op: Op) => {
    const f = median(timings[`${op}:floor`]!);
    const o = median(timings[`${op}:ours`]!);
    return { f, o, text: `${(o / f).toFixed(2)}× (${o.toFixed(1)} / ${f.toFixed(1)} ms)` };
  };
  const rows = ops.map((op) => {
    const { f, o } = ratio(op);
    return `| ${op} | ${f.toFixed(2)} | ${o.toFixed(2)} | ${percentile(timings[`${op}:ours`]!, 95).toFixed(2)} | **${(o / f).toFixed(2)}×** |`;
  });
  const table = [
    '| operation | floor median ms | ours median ms | ours p95 ms | ratio |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    '| GET throughput at 50 connections | floor (raw GetItem) req/s | ours req/s | ratio |',
    '|---|---|---|---|',
    `| getPayment | ${rawRps.toFixed(0)} | ${oursRps.toFixed(0)} (non-2xx: ${cannon.non2xx}) | **${(oursRps / rawRps).toFixed(2)}×** |`,
  ].join('\n');
  console.log(table);
  const commit = treeName();
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  console.log('\nRow for docs/benchmarks.md:');
  console.log(
    `| ${when}, ${commit} (\`bench/api-latency.ts ${iterations} ${seconds}${inProcess ? ' --in-process' : ''}\`) | ${loadBefore}–${loadAverage()} | ${ratio('pay').text} | ${ratio('get').text} | ${ratio('cancel').text} | ${(oursRps / rawRps).toFixed(2)}× (${oursRps.toFixed(0)} / ${rawRps.toFixed(0)} req/s) |`,
  );
});
