/**
 * `startSandbox()`: the whole sandbox (PortOne API, webhooks, DynamoDB Local) for a test run, in
 * one call. It runs the `pg-sandbox` CLI as a child process (so the sandbox's HTTP server and its
 * globals never share the test runner's process) with `--json`, on a free port, in memory unless
 * `dataDir` is given, and resolves once it serves.
 *
 * Nothing outlives the test process (the layered cleanup of `npm start`, docs/architecture.md):
 * `stop()` asks the CLI to stop (it stops java); a process 'exit' hook SIGKILLs both if stop() was
 * never awaited; if the test process is killed outright, the CLI sees its IPC channel close and
 * stops itself and java; if the CLI is killed, java is killed by pid from here.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { JsonBanner } from '../client/banner.ts';
import { createSandboxClient, type SandboxClient } from '../client/sandbox-client.ts';

export interface StartSandboxOptions {
  /** Port to serve on; default 0, a free one. */
  port?: number;
  /** Keep data in this folder (across runs); default: in memory. */
  dataDir?: string;
  /** How long to wait for java and the sandbox (default 120 s: a cold JVM on a busy CI machine). */
  readyTimeoutMs?: number;
  /** Extra environment for the sandbox (e.g. `LOG_LEVEL: 'DEBUG'`). */
  env?: Record<string, string>;
}

export interface Sandbox {
  /** Where the PortOne API answers: `PaymentClient({ secret: apiSecret, baseUrl })`. */
  baseUrl: string;
  /** The seeded store and its API secret. */
  storeId: string;
  apiSecret: string;
  /** The seeded store's test channels, one per PG that needs no signup. */
  channels: JsonBanner['channels'];
  /** The seeded channel key of a PG, e.g. `channelKey('INICIS_V2')`. */
  channelKey(pgProvider: string): string;
  /** The sandbox API (stores, clock, timers, webhook settings …) as the seeded store. */
  client: SandboxClient;
  /** The sandbox's node process and DynamoDB Local's java process. */
  pid: number;
  javaPid: number;
  /** Where DynamoDB Local serves the sandbox's table (read the raw items with any DynamoDB client). */
  dynamodb: JsonBanner['dynamodb'];
  /** Stops the sandbox and DynamoDB Local; safe to call twice. */
  stop(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** The CLI beside this file in the package; the TypeScript entry (through tsx) in the repository. */
function cliCommand(): string[] {
  const built = fileURLToPath(new URL('./cli.js', import.meta.url));
  if (existsSync(built)) return [built];
  return ['--import', 'tsx', fileURLToPath(new URL('../local/main.ts', import.meta.url))];
}

const killQuietly = (pid: number) => {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
};

export async function startSandbox(options: StartSandboxOptions = {}): Promise<Sandbox> {
  const args = [...cliCommand(), '--json', '--port', String(options.port ?? 0), ...(options.dataDir ? ['--data-dir', options.dataDir] : ['--in-memory'])];
  const child = spawn(process.execPath, args, {
    // The IPC channel is how the sandbox learns that this process is gone, however it died.
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, LOG_LEVEL: process.env.PG_SANDBOX_LOG_LEVEL ?? 'WARN', ...options.env },
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stderr!.on('data', keep);
  let javaPid: number | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      // Killed outright (SIGKILL), the CLI could not stop java itself; otherwise it already has.
      if (signal !== null && javaPid) killQuietly(javaPid);
      resolve(code);
    }),
  );
  const onExit = () => {
    killQuietly(child.pid!);
    if (javaPid) killQuietly(javaPid);
  };
  process.once('exit', onExit);
  void exited.then(() => process.removeListener('exit', onExit));

  const timeoutMs = options.readyTimeoutMs ?? 120_000;
  let banner: JsonBanner;
  try {
    banner = await new Promise<JsonBanner>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`pg-sandbox did not start within ${timeoutMs / 1000} s.\n${output}`)), timeoutMs);
      let lines = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        keep(chunk);
        lines += chunk.toString();
        // Log lines may come first; the banner is the line that starts with {"url".
        const line = lines.split('\n').find((l) => l.startsWith('{"url"'));
        if (line === undefined) return;
        clearTimeout(timer);
        resolve(JSON.parse(line) as JsonBanner);
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`pg-sandbox exited (code ${code}) before it was ready: ${output.trim().split('\n').at(-1) ?? ''}`));
      });
    });
  } catch (err) {
    onExit();
    throw err;
  }
  javaPid = banner.javaPid;
  // A suite that forgets stop() must not hang its runner: nothing here keeps the event loop alive
  // (the 'exit' hook and the IPC channel still end the sandbox with this process).
  child.unref();
  child.channel?.unref();
  for (const stream of [child.stdout, child.stderr]) (stream as unknown as { unref?(): void }).unref?.();

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const force = setTimeout(onExit, 10_000);
        await exited;
        clearTimeout(force);
      }
    })());

  const byProvider = new Map(banner.channels.map((c) => [c.pgProvider, c.channelKey]));
  return {
    baseUrl: banner.url,
    storeId: banner.storeId,
    apiSecret: banner.apiSecret,
    channels: banner.channels,
    channelKey(pgProvider) {
      const key = byProvider.get(pgProvider);
      if (!key) throw new Error(`pg-sandbox: no seeded channel for ${pgProvider}; seeded: ${[...byProvider.keys()].join(', ')}`);
      return key;
    },
    client: createSandboxClient({ baseUrl: banner.url, apiSecret: banner.apiSecret }),
    pid: banner.pid,
    javaPid: banner.javaPid,
    dynamodb: banner.dynamodb,
    stop,
    [Symbol.asyncDispose]: stop,
  };
}
