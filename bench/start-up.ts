/**
 * `npm start`'s time to ready against its floor, DynamoDB Local's own start, measured alternately
 * in the same run (median of N each, default 5):
 *   floor: spawn java bare (the wrapper's command line, none of npm start's JVM flags) → first answered HTTP request;
 *   ours:  spawn what `npm start` runs (`node functions/local/start.mjs --in-memory`) → first `/health` 200.
 * Run: node --import tsx bench/start-up.ts [runs] [--no-write] [--cwd <checkout>]
 * (--cwd times another checkout's npm start, e.g. an older commit, against the same floor; one
 * without start.mjs is run as its npm start ran: node --import tsx functions/local/main.ts.)
 */
import './quiet-env.ts';
import { spawn } from 'node:child_process';
import { launchDynamoDbLocal } from '../functions/local/dynamodb-local.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findFreePort } from '../functions/local/ports.mjs';
import { machine, median, writeBenchmarkSection } from './harness.ts';

const POLL_MS = 10;
const runs = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 5);
const cwdAt = process.argv.indexOf('--cwd');
const cwd = cwdAt > 0 ? process.argv[cwdAt + 1] : undefined;
const write = !process.argv.includes('--no-write') && cwd === undefined;

async function floor(): Promise<number> {
  const started = performance.now();
  // Bare: the wrapper's own java command line, without npm start's JVM flags.
  const ddb = await launchDynamoDbLocal({ jvmFlags: [] });
  await ddb.ready;
  const ms = performance.now() - started;
  await ddb.stop();
  return ms;
}

async function ours(): Promise<number> {
  const port = await findFreePort();
  const started = performance.now();
  const entry = existsSync(join(cwd ?? '.', 'functions/local/start.mjs')) ? ['functions/local/start.mjs'] : ['--import', 'tsx', 'functions/local/main.ts'];
  const child = spawn(process.execPath, [...entry, '--in-memory', '--port', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'WARN' },
    ...(cwd && { cwd }),
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  try {
    for (;;) {
      if (gone) throw new Error(`npm start exited before it was ready: ${stderr.trim()}`);
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
      if (ok) return performance.now() - started;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  } finally {
    child.kill('SIGTERM'); // the runtime stops its java itself
    await exited;
  }
}

const floors: number[] = [];
const ourTimes: number[] = [];
for (let i = 0; i < runs; i++) {
  floors.push(await floor());
  ourTimes.push(await ours());
  console.log(`run ${i + 1}: floor ${floors.at(-1)!.toFixed(0)} ms, ours ${ourTimes.at(-1)!.toFixed(0)} ms`);
}
const f = median(floors);
const o = median(ourTimes);
const table = [
  `| | median of ${runs} | all runs (ms) |`,
  '|---|---|---|',
  `| floor: DynamoDB Local spawn → first answered request | ${f.toFixed(0)} ms | ${floors.map((x) => x.toFixed(0)).join(', ')} |`,
  `| ours: \`npm start\` (--in-memory) spawn → first /health 200 | ${o.toFixed(0)} ms | ${ourTimes.map((x) => x.toFixed(0)).join(', ')} |`,
  `| ratio ours / floor | ${(o / f).toFixed(2)}× | |`,
].join('\n');
console.log(`\nfloor ${f.toFixed(0)} ms   ours ${o.toFixed(0)} ms   ratio ${(o / f).toFixed(2)}×\n`);
console.log(table);
if (write) {
  writeBenchmarkSection(
    'npm start: time to ready',
    `Command: \`node --import tsx bench/start-up.ts\` — alternates a bare DynamoDB Local start (the wrapper's java command line, no JVM flags) and \`npm start --in-memory\` (the entry point in a fresh node process, ready = first \`/health\` 200, which reads the table), ${runs} of each.\nMachine: ${machine()}.\n\n${table}`,
  );
}
