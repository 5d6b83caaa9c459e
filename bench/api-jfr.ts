/**
 * Where DynamoDB Local's java spends its CPU on pay, get and cancel, beside their floor (the
 * fewest DynamoDB calls each needs, as in bench/api-latency.ts): each operation's requests run in a
 * block of their own under a JDK Flight Recorder recording (bench/jfr.ts), after a warm-up, so
 * java's CPU per request and its areas (SQLite, JSON, expressions, HTTP, …) can be compared.
 *
 * Run: node --import tsx bench/api-jfr.ts [requests=300] [--top n] [--keep folder] [--under <method> …] [--no-jfr]
 * (`--no-jfr`: java's CPU by thread only, to see what the recording itself costs).
 * The runtime runs in this process on its own in-memory DynamoDB Local (the floor's client unsigned,
 * as the runtime's); the recordings are kept in a temporary folder (or `--keep`), for
 * `node --import tsx bench/jfr.ts <file>`.
 */
import { PaymentClient } from '@portone/server-sdk';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentClient } from '../functions/adapters/dynamodb/client.ts';
import { TEST_CARDS } from '../functions/domain/cards.ts';
import { localClientConfig } from '../functions/local/aws-local.ts';
import { loadAverage, machine, positional, processCpuMs, withLocalRuntime } from './harness.ts';
import { apiFloor } from './api-floor.ts';
import { startJfr, summariseJfr, summariseJit } from './jfr.ts';
import { javaThreadCpuMs } from './profile.ts';

const requests = Number(positional(0) ?? 300);
const option = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const top = Number(option('--top') ?? 12);
const noJfr = process.argv.includes('--no-jfr');
const under = process.argv.flatMap((arg, i) => (process.argv[i - 1] === '--under' ? [arg] : []));
const folder = option('--keep') ?? mkdtempSync(join(tmpdir(), 'api-jfr-'));
mkdirSync(folder, { recursive: true });
const card = TEST_CARDS.find((c) => c.issuer === 'SHINHAN_CARD' && c.type === 'CREDIT' && !c.decline)!;

await withLocalRuntime(async ({ runtime, store, channelKey, dynamoEndpoint, tableName: T, javaPid }) => {
  const sdk = PaymentClient({ secret: store.apiSecret, baseUrl: runtime.url });
  const db = createDocumentClient(localClientConfig(dynamoEndpoint));
  const floor = apiFloor(db, T);
  await floor.ready();

  // The same shapes as bench/api-latency.ts's floor (bench/api-floor.ts) and ours.
  const operations: Record<string, (i: number) => Promise<unknown>> = {
    'pay (ours)': (i) =>
      sdk.payInstantly({ paymentId: `jfr-${i}`, channelKey: channelKey('INICIS_V2'), orderName: 'bench', amount: { total: 10_000 }, currency: 'KRW', method: { card: { credential: { number: card.number, expiryYear: '30', expiryMonth: '12' } } } }),
    'pay (floor)': floor.pay,
    'get (ours)': (i) => sdk.getPayment({ paymentId: `jfr-${i}` }),
    'get (floor)': floor.get,
    'cancel (ours)': (i) => sdk.cancelPayment({ paymentId: `jfr-${i}`, reason: 'bench' }),
    'cancel (floor)': floor.cancel,
  };
  const run = async (name: string, from: number, n: number) => {
    for (let i = from; i < from + n; i++) await operations[name]!(i);
  };
  // Warm-up: the engine's JIT compiles every path first (ids after the measured ones), under a
  // recording of its own: the first recording after JFR starts sets off seconds of compilations
  // (C2 spent 17 ms per pay request in the first block otherwise), which no block should carry.
  const warming = noJfr ? undefined : startJfr(javaPid);
  for (const name of Object.keys(operations)) await run(name, requests, 200);
  warming?.stop(true);

  const loadBefore = loadAverage();
  const out: string[] = [];
  for (const name of Object.keys(operations)) {
    // Let the deferred schedule calls of the block before settle outside the recording.
    await runtime.schedules.idle();
    const recording = noJfr ? undefined : startJfr(javaPid, join(folder, `${name.replace(/\W+/g, '-').replace(/-$/, '')}.jfr`));
    const java = processCpuMs(javaPid);
    const threads = javaThreadCpuMs(javaPid);
    const started = performance.now();
    await run(name, 0, requests);
    const ms = performance.now() - started;
    const javaMs = processCpuMs(javaPid) - java;
    const byThread = [...javaThreadCpuMs(javaPid)]
      .map(([thread, cpu]) => [thread, cpu - (threads.get(thread) ?? 0)] as const)
      .filter(([, cpu]) => cpu > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([thread, cpu]) => `${thread} ${(cpu / requests).toFixed(2)}`)
      .join(' · ');
    const recorded = recording?.stop();
    out.push(
      `## ${name}: ${(ms / requests).toFixed(2)} ms per request, java CPU ${(javaMs / requests).toFixed(2)} ms per request (by thread: ${byThread})` +
        (recorded ? ` (${recorded.file})\n${summariseJfr(recorded.file, { top, sections: ['area', 'onStack'], under, per: { cpuMs: recorded.sampledCpuMs, count: requests, unit: 'request' } })}\n${summariseJit(recorded.file, 5)}` : ''),
    );
  }
  console.log(`${machine()}; ${requests} requests per block; load average ${loadBefore}–${loadAverage()}\n\n${out.join('\n\n')}`);
});
