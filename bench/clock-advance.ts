/**
 * Time to advance one store's test clock over N due PG auto-cancel timers (default 1,000): each
 * timer voids its payment (conditional write), is marked fired and its schedule is deleted.
 * Run: node --import tsx bench/clock-advance.ts [timers=1000] [--no-write] [--profile] [--cpu-prof [file]] [--jfr [file]] [--warm]
 * `--profile` prints where the advance spent: DynamoDB and scheduler calls per timer by kind, node's
 * and java's CPU per timer; `--cpu-prof` adds node's CPU profile by package and function (and
 * writes it to `file`, for Chrome DevTools); `--jfr` records DynamoDB Local's java with JDK Flight
 * Recorder during the advance (and the floor of 50 per transaction) and prints where its CPU went
 * (bench/jfr.ts; the advance's recording is kept in `file` or a temporary folder).
 */
import { PaymentClient } from '@portone/server-sdk';
import { performance } from 'node:perf_hooks';
import { BatchWriteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../functions/adapters/dynamodb/client.ts';
import { TEST_CARDS } from '../functions/domain/cards.ts';
import { loadAverage, machine, positional, withLocalRuntime, writeBenchmarkSection } from './harness.ts';
import { countRuntimeCalls, startSpan, summariseProfile } from './profile.ts';
import { startJfr, summariseJfr, summariseJit } from './jfr.ts';

const count = Number(positional(0) ?? 1000);
const cpuProfile = process.argv.includes('--cpu-prof');
const jfr = process.argv.includes('--jfr');
const cpuProfFile = cpuProfile ? positional(1) : undefined;
const jfrFile = jfr ? positional(cpuProfile ? 2 : 1) : undefined;
const profile = cpuProfile || process.argv.includes('--profile');
const warm = process.argv.includes('--warm');
const card = TEST_CARDS.find((c) => c.issuer === 'SHINHAN_CARD' && c.type === 'CREDIT' && !c.decline)!;

await withLocalRuntime(async ({ runtime, store, channelKey, dynamoEndpoint, tableName, javaPid }) => {
  const sdk = PaymentClient({ secret: store.apiSecret, baseUrl: runtime.url });
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      await sdk.payInstantly({ paymentId: `clock-${i}`, channelKey: channelKey('INICIS_V2'), orderName: 'clock bench', amount: { total: 1_000 }, currency: 'KRW', method: { card: { credential: { number: card.number, expiryYear: '30', expiryMonth: '12' } } } });
    }
  };
  // `--jfr`: JFR's first recording sets off compilations of its own (bench/jfr.ts); they fall in
  // one made while the payments are created, not in the advance's.
  const warming = jfr ? startJfr(javaPid) : undefined;
  const seeding = performance.now();
  await Promise.all(Array.from({ length: 8 }, worker));
  const seededMs = performance.now() - seeding;
  warming?.stop(true);

  // Floors, on the same engine: the writes each timer needs (its payment, its timer PENDING → FIRED
  // under a condition), as one transaction per timer 8 at a time, and as the clock now writes them,
  // 50 timers per transaction (DynamoDB's 100 writes), one transaction in flight.
  const db = createDocumentClient({ endpoint: dynamoEndpoint, region: 'ap-northeast-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const floor = async (tag: string, perTransaction: number, inFlight: number) => {
    for (let i = 0; i < count; i += 25) {
      const items = Array.from({ length: Math.min(25, count - i) }, (_, k) => ({ PutRequest: { Item: { pk: `FLOOR-${tag}`, sk: `T#${i + k}`, state: 'PENDING' } } }));
      await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: items } }));
    }
    const pair = (i: number) => [
      { Put: { TableName: tableName, Item: { pk: `FLOOR-${tag}`, sk: `P#${i}`, body: 'x'.repeat(2_000) } } },
      { Update: { TableName: tableName, Key: { pk: `FLOOR-${tag}`, sk: `T#${i}` }, UpdateExpression: 'SET #s = :f', ConditionExpression: '#s = :p', ExpressionAttributeNames: { '#s': 'state' }, ExpressionAttributeValues: { ':f': 'FIRED', ':p': 'PENDING' } } },
    ];
    const floorSpan = profile ? await startSpan(javaPid, false) : undefined;
    const floorRecording = jfr && perTransaction > 1 ? startJfr(javaPid) : undefined;
    const floorStarted = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        for (let i = next; i < count; i = next) {
          next += perTransaction;
          const n = Math.min(perTransaction, count - i);
          await db.send(new TransactWriteCommand({ TransactItems: Array.from({ length: n }, (_, k) => pair(i + k)).flat() }));
        }
      }),
    );
    const floorMs = performance.now() - floorStarted;
    const floorRecorded = floorRecording?.stop();
    if (floorSpan) {
      const spent = await floorSpan.stop();
      console.log(`floor (${perTransaction} per transaction, ${inFlight} in flight) CPU per timer: node ${(spent.nodeCpuMs / count).toFixed(3)} ms, java ${(spent.javaCpuMs / count).toFixed(3)} ms; java by thread: ${spent.javaThreads}`);
    }
    if (floorRecorded) console.log(`JFR recording of the floor: ${floorRecorded.file}\n${summariseJfr(floorRecorded.file, { sections: ['area', 'onStack'], per: { cpuMs: floorRecorded.sampledCpuMs, count, unit: 'timer' } })}`);
    return floorMs;
  };
  // `--warm`: the engine runs the advance's kind of writes once before it (its JIT warmed), to tell
  // the engine's first run of those paths from the writes' own cost.
  if (warm) await floor('warm', 50, 1);

  // The advance answers within its time budget; `complete: false` means "call again with PT0S".
  const loadBefore = loadAverage();
  const counted = profile ? countRuntimeCalls(runtime) : undefined;
  counted?.clear();
  const span = profile ? await startSpan(javaPid, cpuProfile) : undefined;
  const recording = jfr ? startJfr(javaPid, jfrFile) : undefined;
  const started = performance.now();
  let fired = 0;
  let calls = 0;
  for (let body = { by: 'P2D' }; ; body = { by: 'PT0S' }) {
    calls++;
    const res = await fetch(`${runtime.url}/sandbox/clock`, { method: 'POST', headers: { authorization: `PortOne ${store.apiSecret}` }, body: JSON.stringify(body) });
    const out = (await res.json()) as { fired: { result: string }[]; complete: boolean };
    fired += out.fired.filter((f) => f.result === 'fired').length;
    if (out.complete) break;
  }
  const ms = performance.now() - started;
  const recorded = recording?.stop();
  if (fired !== count) throw new Error(`expected ${count} fired timers, got ${fired}`);
  if (span && counted) {
    const spent = await span.stop();
    const perTimer = (n: number) => (n / count).toFixed(3);
    console.log(`load average ${loadBefore}–${loadAverage()}; advance ${(ms / count).toFixed(2)} ms per timer; CPU per timer: node ${perTimer(spent.nodeCpuMs)} ms, java ${perTimer(spent.javaCpuMs)} ms`);
    console.log(`java CPU by thread: ${spent.javaThreads}`);
    console.log(`calls per timer: ${[...counted.entries()].sort().map(([k, n]) => `${k} ${perTimer(n)}`).join(' · ')}`);
    if (spent.profile) console.log(summariseProfile(spent.profile, cpuProfFile));
  }
  if (recorded) console.log(`JFR recording of the advance: ${recorded.file}\n${summariseJfr(recorded.file, { per: { cpuMs: recorded.sampledCpuMs, count, unit: 'timer' } })}\n${summariseJit(recorded.file)}`);

  const single = await floor('1', 1, 8);
  const shared = await floor('50', 50, 1);
  const perTimer = (x: number) => (x / count).toFixed(2);
  const line = `${count} due timers, load average ${loadBefore}–${loadAverage()}: advance took ${(ms / 1000).toFixed(2)} s in ${calls} call(s) (${perTimer(ms)} ms per timer); floor of one transaction per timer, 8 at a time, ${perTimer(single)} ms per timer: **${(ms / single).toFixed(2)}×**; floor of 50 timers per transaction, one in flight, ${perTimer(shared)} ms per timer: **${(ms / shared).toFixed(2)}×**. Creating the ${count} payments took ${(seededMs / 1000).toFixed(1)} s with 8 concurrent clients.`;
  console.log(line);
  writeBenchmarkSection(
    'Test clock over many timers',
    `Command: \`node --import tsx bench/clock-advance.ts ${count}\` — one store, ${count} INICIS payments (one PG auto-cancel timer each), then \`POST /sandbox/clock {"by":"P2D"}\`, which runs every due timer (payments 100 at a time, each payment's timers in due order; the voids written up to 50 payments per transaction, each timer marked fired in the same write; schedules left to ring later as no-ops), continued with \`PT0S\` while the answer says \`complete: false\`. Target (issue 11 item 11): ≤ 1 ms per timer.\nMachine: ${machine()}.\n\n${line}`,
  );
});
