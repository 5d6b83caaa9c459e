import './quiet-env.ts';
import { startDynamoDbLocal, type RunningDynamoDbLocal } from '../functions/local/dynamodb-local.ts';
import { startLocalRuntime, type LocalRuntime } from '../functions/local/runtime.ts';
import { seedStore, seededChannelKey, type SeededStore } from '../functions/stores/seed.ts';
import { startSandbox, type Sandbox } from '../functions/testing/start-sandbox.ts';
import { nextKst } from '../test/support/admin.ts';
import { cpus, loadavg } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';


export interface Bench {
  runtime: LocalRuntime;
  store: SeededStore;
  channelKey: (pg: string) => string;
  /** The engine and table the runtime uses, for floors measured on the same engine. */
  dynamoEndpoint: string;
  tableName: string;
  /** DynamoDB Local's java process, for its CPU time (/proc/<pid>/stat). */
  javaPid: number;
}

/** Runs `body` against a fresh in-memory local runtime and always stops what it started. */
export async function withLocalRuntime<T>(body: (b: Bench) => Promise<T>): Promise<T> {
  let ddb: RunningDynamoDbLocal | undefined;
  let runtime: LocalRuntime | undefined;
  const stop = async () => {
    await runtime?.close().catch(() => undefined);
    await ddb?.stop().catch(() => undefined);
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  try {
    ddb = await startDynamoDbLocal();
    const tableName = 'pg-sandbox-bench';
    runtime = await startLocalRuntime({ dynamoEndpoint: ddb.endpoint, port: 0, autoFire: false, tableName });
    const store = await seedStore(runtime.services);
    return await body({ runtime, store, channelKey: seededChannelKey, dynamoEndpoint: ddb.endpoint, tableName, javaPid: ddb.pid });
  } finally {
    await stop();
  }
}

/** The sandbox as a merchant's test suite runs it, for benches that time what such a suite sees. */
export interface SandboxBench {
  sandbox: Sandbox;
  /** The engine and table the sandbox uses, for floors measured on the same engine. */
  dynamoEndpoint: string;
  tableName: string;
  javaPid: number;
}

/**
 * Runs `body` against `startSandbox()`: the CLI in its own process (as `npm start` and a test
 * suite's global setup run it) with its own in-memory DynamoDB Local, so the bench's client work
 * (the SDK, autocannon) and the sandbox's server work run in two processes, as they do for users.
 * The seeded store's clock is set to 10:00 KST on a later day, so no PG's nightly batch void
 * (23:00–23:50 KST) rings during the bench whatever the hour it runs at.
 */
export async function withSandboxProcess<T>(body: (b: SandboxBench) => Promise<T>): Promise<T> {
  // No class archive: its one-time dump pauses java for seconds once the sandbox is idle, which a
  // floor measured straight on the engine (the sandbox idle meanwhile) would absorb.
  const sandbox = await startSandbox({ env: { LOG_LEVEL: 'SILENT', PG_SANDBOX_CLASS_ARCHIVE: 'off' } });
  process.once('SIGINT', () => void sandbox.stop().then(() => process.exit(130)));
  try {
    const { now } = await sandbox.client.clock.get();
    await sandbox.client.clock.advance({ to: nextKst(now, '10:00') });
    return await body({ sandbox, dynamoEndpoint: sandbox.dynamodb.endpoint, tableName: sandbox.dynamodb.tableName, javaPid: sandbox.javaPid });
  } finally {
    await sandbox.stop();
  }
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

export const machine = () => `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;

/** The command line's numbers, flags (`--no-write`, `--only x`) left out: `positional(0)` is the first. */
export function positional(index: number): string | undefined {
  const args = process.argv.slice(2);
  const values = args.filter((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--only') && !args[i - 1]?.startsWith('--cwd'));
  return values[index];
}

/** CPU time (user + system) a process has used so far, ms (Linux /proc; clock ticks of 10 ms). */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The 1-minute load average, for the row a run adds to docs/benchmarks.md (ratios move with it). */
export const loadAverage = () => loadavg()[0]!.toFixed(1);

/**
 * Replaces (or appends) the section `## <title>` of docs/benchmarks.md, unless the command line
 * says `--no-write` (exploratory runs must not dirty the doc).
 */
export function writeBenchmarkSection(title: string, markdown: string): void {
  if (process.argv.includes('--no-write')) return;
  const file = 'docs/benchmarks.md';
  const header = '# Benchmarks\n\nMeasured on this project\'s development machine class (2 cores, 24 GiB). Each section says how to reproduce it.\n';
  const current = existsSync(file) ? readFileSync(file, 'utf8') : header;
  const section = `## ${title}\n\n${markdown.trim()}\n`;
  const re = new RegExp(`## ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n[\\s\\S]*?(?=\\n## |$)`);
  const next = re.test(current) ? current.replace(re, section) : `${current.trimEnd()}\n\n${section}`;
  writeFileSync(file, next.endsWith('\n') ? next : `${next}\n`);
}
