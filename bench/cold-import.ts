/**
 * Bundle size and cold-import time of each Lambda bundle `cdk synth` produces (the module's
 * top-level work: SDK clients, config, app), next to a floor: bench/floor/api.ts (a Hono app and a
 * DynamoDBClient, nothing else) bundled by the same SandboxFunction construct, so with exactly the
 * stack's esbuild settings. Each bundle is imported in N fresh node processes, the bundles taking
 * turns so that load from other processes falls on all of them alike; printed: median wall time,
 * median CPU time of the importing process, bytes, and the ratio to the floor. Imports run twice:
 * bare, and with the NODE_OPTIONS the stack gives the functions (--enable-source-maps), which is
 * what a Lambda cold start pays. Then the cold start as a whole for the api bundle and the floor:
 * import plus the first request, a Function URL event for `GET /payments/{id}` (an unknown id: the
 * floor's GetItem route answers 404; ours authenticates the API secret and reads the payment, 404
 * PAYMENT_NOT_FOUND), against DynamoDB Local. The api gets what the stack gives it: the ARN of
 * the signing key's secret, not the key; a stand-in Secrets Manager fails the run if any cold start
 * or first request reads a secret (the seeded store is written at deploy, the key read on the
 * first checkout or console request). The seed function, run once per deploy, is left out.
 * Run: node --import tsx bench/cold-import.ts [runs=10] [--no-write]
 */
import './quiet-env.ts';
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { SandboxFunction } from '../infra/constructs/sandbox-function.ts';
import { REPO_ROOT } from '../infra/paths.ts';
import { synthBundles } from '../test/lambda/bundles.ts';
import { machine, median, writeBenchmarkSection } from './harness.ts';
import { startDynamoDbLocal } from '../functions/local/dynamodb-local.ts';
import { startLocalRuntime } from '../functions/local/runtime.ts';
import { createStore } from '../functions/stores/create-store.ts';
import { functionUrlEvent } from '../test/support/function-url.ts';

const RUNS = Math.max(10, Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 10));

/** bench/floor/api.ts, bundled the way the stack bundles a function. */
function floorBundle(): { bundle: string; nodeOptions: string } {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'pg-sandbox-floor-')) });
  const stack = new Stack(app, 'ColdImportFloor');
  new SandboxFunction(stack, 'Floor', { entry: join(REPO_ROOT, 'bench', 'floor', 'api.ts'), description: 'cold-import floor', timeout: Duration.seconds(10) });
  const assembly = app.synth();
  const template = JSON.parse(readFileSync(join(assembly.directory, `${stack.stackName}.template.json`), 'utf8')) as {
    Resources: Record<string, { Type: string; Properties: { Code: { S3Key: string }; Environment: { Variables: { NODE_OPTIONS: string } } } }>;
  };
  const fn = Object.values(template.Resources).find((r) => r.Type === 'AWS::Lambda::Function')!;
  return { bundle: join(assembly.directory, `asset.${fn.Properties.Code.S3Key.replace(/\.zip$/, '')}`, 'index.mjs'), nodeOptions: fn.Properties.Environment.Variables.NODE_OPTIONS };
}

const loadAtStart = loadavg()[0]!;
const floor = floorBundle();
const bundles: Record<string, string> = { 'floor (Hono + DynamoDBClient)': floor.bundle };
for (const [name, fn] of Object.entries(synthBundles())) if (name !== 'Seed') bundles[name] = fn.bundle;

/**
 * A stand-in Secrets Manager that counts the reads made of it and refuses each (a refused read
 * fails the import or the first request, so the run stops). In a worker thread: the runs below
 * block this one (execFileSync), and a read must fail the run, not hang it.
 */
async function startSecretsWatch(): Promise<{ url: string; reads(): Promise<number> }> {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
    let reads = 0;
    const server = require('node:http').createServer((req, res) => {
      reads++;
      req.resume();
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' }).end('{"__type":"AccessDeniedException","message":"refused by bench/cold-import.ts"}');
    });
    server.listen(0, '127.0.0.1', () => parentPort.postMessage('http://127.0.0.1:' + server.address().port));
    parentPort.on('message', () => server.close(() => parentPort.postMessage(reads)));`,
    { eval: true },
  );
  const [url] = (await once(worker, 'message')) as [string];
  return {
    url,
    reads: async () => {
      worker.postMessage('done');
      const [reads] = (await once(worker, 'message')) as [number];
      await worker.terminate();
      return reads;
    },
  };
}
const secretsManager = await startSecretsWatch();

// What the functions find in their environment at import (values are placeholders; no call is made).
const env = {
  PATH: process.env.PATH,
  AWS_REGION: 'ap-northeast-2',
  AWS_ACCESS_KEY_ID: 'AKIDLOCAL',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  TABLE_NAME: 'bench-table',
  SCHEDULE_GROUP_NAME: 'bench-group',
  SCHEDULER_ROLE_ARN: 'arn:aws:iam::000000000000:role/bench',
  TIMERS_FUNCTION_ARN: 'arn:aws:lambda:ap-northeast-2:000000000000:function:bench',
  SCHEDULER_DLQ_ARN: 'arn:aws:sqs:ap-northeast-2:000000000000:bench',
  SESSION_SIGNING_KEY_SECRET_ARN: 'arn:aws:secretsmanager:ap-northeast-2:000000000000:secret:bench-signing-key',
  AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManager.url,
  ALLOW_LOOPBACK_WEBHOOKS: 'false',
  LOG_LEVEL: 'SILENT',
};

/**
 * Bytes node compiles at import: the entry and, transitively, the chunks it imports statically
 * (`import … from "./chunks/…"`); chunks behind `import()` load later, on first use.
 */
function bytesAtImport(entry: string, seen = new Set<string>()): number {
  if (seen.has(entry)) return 0;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  let total = statSync(entry).size;
  for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[^"'();]*?from\s*)?"(\.{1,2}\/[^"]+)"/g)) total += bytesAtImport(resolve(dirname(entry), m[1]!), seen);
  return total;
}

interface Sample {
  wallMs: number;
  cpuMs: number;
}

function importOnce(bundle: string, nodeOptions: string): Sample {
  const script = `const c=process.cpuUsage();const t=performance.now();await import(${JSON.stringify(bundle)});const u=process.cpuUsage(c);console.log(JSON.stringify({wallMs:performance.now()-t,cpuMs:(u.user+u.system)/1000}))`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...env, NODE_OPTIONS: nodeOptions }, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Sample;
}

const modes = [
  { label: 'bare', nodeOptions: '' },
  { label: `as deployed (NODE_OPTIONS=${floor.nodeOptions})`, nodeOptions: floor.nodeOptions },
];
const names = Object.keys(bundles);
const floorName = names[0]!;
const sections: string[] = [];
for (const mode of modes) {
  const samples: Record<string, Sample[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < RUNS; i++) for (const name of names) samples[name]!.push(importOnce(bundles[name]!, mode.nodeOptions));
  const wall = (n: string) => median(samples[n]!.map((s) => s.wallMs));
  const cpu = (n: string) => median(samples[n]!.map((s) => s.cpuMs));
  const bytes = (n: string) => bytesAtImport(bundles[n]!);
  const rows = names.map((n) =>
    `| ${n} | ${(bytes(n) / 1024).toFixed(0)} KiB (${bytes(n)} B) | ${(bytes(n) / bytes(floorName)).toFixed(2)}× | ${wall(n).toFixed(0)} ms | ${cpu(n).toFixed(0)} ms | ${(wall(n) / wall(floorName)).toFixed(2)}× | ${(cpu(n) / cpu(floorName)).toFixed(2)}× |`,
  );
  sections.push(
    [
      `Import ${mode.label}, median of ${RUNS} fresh node processes:`,
      '',
      '| bundle | bytes at import (index.mjs + its static chunks) | bytes ÷ floor | wall | CPU | wall ÷ floor | CPU ÷ floor |',
      '|---|---|---|---|---|---|---|',
      ...rows,
    ].join('\n'),
  );
}
// Import + first request: one store with an API secret in DynamoDB Local, the same table for both.
const ddb = await startDynamoDbLocal();
const runtime = await startLocalRuntime({ dynamoEndpoint: ddb.endpoint, port: 0, autoFire: false, webhooks: { worker: false } });
const { apiSecret } = await createStore(runtime.services, {});
const event = functionUrlEvent({ method: 'GET', path: '/payments/bench-first-request', headers: { authorization: `PortOne ${apiSecret}` } });
const firstRequestEnv = { ...env, TABLE_NAME: 'pg-sandbox', AWS_ENDPOINT_URL_DYNAMODB: ddb.endpoint };

function importAndRequestOnce(bundle: string): Sample {
  const context = `{functionName:'bench',functionVersion:'$LATEST',invokedFunctionArn:'arn:aws:lambda:ap-northeast-2:000000000000:function:bench',memoryLimitInMB:'512',awsRequestId:'bench-request',getRemainingTimeInMillis:()=>30000}`;
  const script = `const c=process.cpuUsage();const t=performance.now();const {handler}=await import(${JSON.stringify(bundle)});const r=await handler(${JSON.stringify(event)},${context});const u=process.cpuUsage(c);if(r.statusCode!==404)throw new Error('expected 404, got '+r.statusCode+' '+r.body);console.log(JSON.stringify({wallMs:performance.now()-t,cpuMs:(u.user+u.system)/1000}))`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: firstRequestEnv, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Sample;
}
const firstNames = [floorName, 'Api'];
const first: Record<string, Sample[]> = Object.fromEntries(firstNames.map((n) => [n, []]));
try {
  for (let i = 0; i < RUNS; i++) for (const name of firstNames) first[name]!.push(importAndRequestOnce(bundles[name]!));
} finally {
  await runtime.close();
  await ddb.stop();
}
const reads = await secretsManager.reads();
if (reads > 0) throw new Error(`the cold starts made ${reads} Secrets Manager call(s): a deployed cold start must read no secret`);
const firstWall = (n: string) => median(first[n]!.map((s) => s.wallMs));
const firstCpu = (n: string) => median(first[n]!.map((s) => s.cpuMs));
sections.push(
  [
    `Import + first request (Function URL event \`GET /payments/{id}\` → 404 through DynamoDB Local), bare, median of ${RUNS} fresh node processes:`,
    '',
    '| bundle | wall | CPU | wall ÷ floor | CPU ÷ floor |',
    '|---|---|---|---|---|',
    ...firstNames.map((n) => `| ${n} | ${firstWall(n).toFixed(0)} ms | ${firstCpu(n).toFixed(0)} ms | ${(firstWall(n) / firstWall(floorName)).toFixed(2)}× | ${(firstCpu(n) / firstCpu(floorName)).toFixed(2)}× |`),
  ].join('\n'),
);
const result = sections.join('\n\n');
console.log(result);
writeBenchmarkSection(
  'Lambda bundles: size and cold import',
  `Command: \`node --import tsx bench/cold-import.ts\` — synthesises the stack with real bundling (local esbuild, AWS SDK v3 bundled, ESM, minified, source maps) and bundles the floor \`bench/floor/api.ts\` (a Hono app with one DynamoDBClient route) through the same \`SandboxFunction\` construct; each bundle is imported in fresh node processes, the bundles taking turns; then the api bundle and the floor are imported and answer their first request (a Function URL event for an unknown payment, against DynamoDB Local). CPU is the importing process's user + system time (steadier than wall time on a shared machine). Target for issue 11 item 13: the api bundle's import ≤ 1.2× the floor.\nMachine: ${machine()}, load average ${loadAtStart.toFixed(1)} at start (Lambda's Node 24 on arm64 will differ; on a loaded machine compare the ratios).\n\n${result}`,
);
