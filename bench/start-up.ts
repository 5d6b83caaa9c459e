/**
 * `npm start`'s time to ready against its floor, DynamoDB Local's own start, measured alternately
 * in the same run (median of N each, default 5):
 *   floor: spawn java bare (the wrapper's command line, none of npm start's JVM flags) → first answered HTTP request;
 *   ours:  spawn what `npm start` runs (`node functions/local/start.mjs --in-memory`) → first `/health` 200.
 * A first, untimed start fills npm start's cache (PG_SANDBOX_CACHE_DIR or ~/.cache/pg-sandbox: the
 * bundle of its code, DynamoDB Local's class archive once idle); the timed starts use it.
 * Run: node --import tsx bench/start-up.ts [runs] [--no-write] [--cwd <checkout>]...
 * (--cwd times another checkout's npm start, e.g. an older commit, against the same floor; given
 * more than once, each round times every checkout in turn: an interleaved A/B. One without
 * start.mjs is run as its npm start ran: node --import tsx functions/local/main.ts.)
 */
import './quiet-env.ts';
import { spawn } from 'node:child_process';
import { launchDynamoDbLocal } from '../functions/local/dynamodb-local.ts';
import { existsSync, readdirSync } from 'node:fs';
import { cacheFolder } from '../functions/local/cache-folder.mjs';
import { join } from 'node:path';
import { findFreePort } from '../functions/local/ports.mjs';
import { machine, median, writeBenchmarkSection } from './harness.ts';

const POLL_MS = 10;
const runs = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 5);
/** The checkouts timed in each round after the floor: every --cwd given, else this one. */
const checkouts = process.argv.flatMap((a, i) => (a === '--cwd' ? [process.argv[i + 1]!] : []));
const targets = checkouts.length > 0 ? checkouts : ['.'];
const write = !process.argv.includes('--no-write') && checkouts.length === 0;

async function floor(): Promise<number> {
  const started = performance.now();
  // Bare: the wrapper's own java command line, without npm start's JVM flags.
  const ddb = await launchDynamoDbLocal({ jvmFlags: [] });
  await ddb.ready;
  const ms = performance.now() - started;
  await ddb.stop();
  return ms;
}

/** A class archive npm start has made in its cache folder (class-archive.mjs), if any. */
const archiveMade = () =>
  existsSync(cacheFolder()) && readdirSync(cacheFolder()).some((d) => d.startsWith('dynamodb-local-') && existsSync(join(cacheFolder(), d, 'classes.jsa')));

/** Spawn → first /health 200 of npm start; then `whileUp` (e.g. waiting for its cache), then SIGTERM. */
async function ours(cwd: string, whileUp: () => Promise<void> = async () => undefined): Promise<number> {
  const port = await findFreePort();
  const started = performance.now();
  const entry = existsSync(join(cwd, 'functions/local/start.mjs')) ? ['functions/local/start.mjs'] : ['--import', 'tsx', 'functions/local/main.ts'];
  const child = spawn(process.execPath, [...entry, '--in-memory', '--port', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'WARN' },
    cwd,
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
      if (ok) {
        const ms = performance.now() - started;
        await whileUp();
        return ms;
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  } finally {
    child.kill('SIGTERM'); // the runtime stops its java itself
    await exited;
  }
}

// The first start fills npm start's cache (the bundle of its code before it is ready, java's class
// archive once it is idle after): timed apart, the runs below start from that cache.
for (const cwd of targets) {
  const archiveBefore = archiveMade();
  let archivedAfter: number | undefined;
  const firstMs = await ours(cwd, async () => {
    // A checkout from before the class archive makes none.
    if (!existsSync(join(cwd, 'functions/local/class-archive.mjs'))) return;
    const since = performance.now();
    while (!archiveMade() && performance.now() - since < 120_000) await new Promise((r) => setTimeout(r, 100));
    if (archiveMade()) archivedAfter = performance.now() - since;
  });
  const archive = archiveBefore ? 'the class archive was there already' : archivedAfter === undefined ? 'no class archive made' : `class archive made ${archivedAfter.toFixed(0)} ms after ready`;
  console.log(`warm-up ${cwd}: ready in ${firstMs.toFixed(0)} ms; ${archive} (cache: ${cacheFolder()})`);
}

const floors: number[] = [];
const times = targets.map(() => [] as number[]);
for (let i = 0; i < runs; i++) {
  floors.push(await floor());
  for (const [t, cwd] of targets.entries()) times[t]!.push(await ours(cwd));
  console.log(`run ${i + 1}: floor ${floors.at(-1)!.toFixed(0)} ms, ${targets.map((cwd, t) => `${cwd} ${times[t]!.at(-1)!.toFixed(0)} ms`).join(', ')}`);
}
const f = median(floors);
const table = [
  `| | median of ${runs} | ratio to the floor | all runs (ms) |`,
  '|---|---|---|---|',
  `| floor: DynamoDB Local spawn → first answered request | ${f.toFixed(0)} ms | 1.00× | ${floors.map((x) => x.toFixed(0)).join(', ')} |`,
  ...targets.map((cwd, t) => {
    const o = median(times[t]!);
    return `| ours${targets.length > 1 ? ` (${cwd})` : ''}: \`npm start\` (--in-memory) spawn → first /health 200 | ${o.toFixed(0)} ms | ${(o / f).toFixed(2)}× | ${times[t]!.map((x) => x.toFixed(0)).join(', ')} |`;
  }),
].join('\n');
console.log(`\n${table}`);
if (write) {
  writeBenchmarkSection(
    'npm start: time to ready',
    `Command: \`node --import tsx bench/start-up.ts\` — alternates a bare DynamoDB Local start (the wrapper's java command line, no JVM flags) and \`npm start --in-memory\` (the entry point in a fresh node process, ready = first \`/health\` 200, which reads the table), ${runs} of each.\nMachine: ${machine()}.\n\n${table}`,
  );
}
