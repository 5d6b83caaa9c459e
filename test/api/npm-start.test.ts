/**
 * `npm start` as a newcomer runs it: the real entry point in a child process (or `npm start`
 * itself), on a free port with a throwaway data folder. It must print the URL and secret, answer
 * /health, keep its data and sign-ins across a restart, sign with a key of its own, leave no node
 * or java behind after Ctrl-C or SIGTERM, and stop loudly when DynamoDB Local dies.
 */
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { signToken } from '../../functions/checkout/signed-token.ts';

/** What `npm start` runs: the launcher that spawns java before tsx and main.ts load. */
const ENTRY = 'functions/local/start.mjs';
const dataDir = mkdtempSync(join(tmpdir(), 'pg-sandbox-start-'));
// DynamoDB Local's class archive (class-archive.mjs) goes to a folder of this file's, not the user's cache.
const cacheDir = mkdtempSync(join(tmpdir(), 'pg-sandbox-start-cache-'));
process.env.PG_SANDBOX_CACHE_DIR = cacheDir;
const children: ChildProcess[] = [];
/** node and java pids the runtimes printed: whatever a failed test left running is ended by pid. */
const started: number[] = [];
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false; // ESRCH: no such process
  }
};
/** Polls until `pid` is gone (or a zombie), at most `ms`. */
async function endsWithin(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const pid of started) if (alive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  output: string;
  url: string;
  secret: string;
  /** As printed by the runtime: the processes a stop must end. */
  nodePid: number;
  javaPid: number;
}

/** The entry point itself, or (`viaNpm`) through `npm start` exactly as a developer types it. */
function start(args: string[], { viaNpm = false, env: extraEnv = {} as NodeJS.ProcessEnv } = {}): Promise<Started> {
  const env = { ...process.env, LOG_LEVEL: 'WARN', ...extraEnv };
  const child = viaNpm
    ? spawn('npm', ['start', '--', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, [ENTRY, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /API \(PortOne V2\)\s+(\S+)/.exec(output)?.[1];
      const secret = /API secret\s+(\S+)/.exec(output)?.[1];
      const pids = /node pid (\d+), DynamoDB Local \(java\) pid (\d+)/.exec(output);
      if (url && secret && pids && output.includes('Ctrl-C')) {
        started.push(Number(pids[1]), Number(pids[2]));
        resolve({ child, output, url, secret, nodePid: Number(pids[1]), javaPid: Number(pids[2]) });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start exited early (${code}):\n${output}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });

const javaUsing = (path: string) => {
  try {
    return execFileSync('pgrep', ['-f', path], { encoding: 'utf8' }).trim();
  } catch {
    return ''; // pgrep exits 1 when nothing matches
  }
};

/** The key every copy of pg-sandbox signed with before keys were generated per data directory. */
const PUBLIC_KEY = 'pg-sandbox-local-development-key';
const hour = () => Math.floor(Date.now() / 1000) + 3600;

const consolePage = (url: string, cookie: string) =>
  fetch(`${url}/console/payments`, { headers: { cookie: `pgs_console=${cookie}` }, redirect: 'manual' });

async function signIn(url: string, secret: string): Promise<string> {
  const res = await fetch(`${url}/console/login`, {
    method: 'POST',
    headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ apiSecret: secret, next: '/console/payments' }),
    redirect: 'manual',
  });
  expect(res.status).toBe(303);
  return /pgs_console=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
}

/** Only the owner may read or write: what the data folder holds signs sessions and webhooks. */
const modeOf = (path: string) => statSync(path).mode & 0o777;
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

// Each case starts java (twice for the restart): slow on a loaded 2-core machine.
describe('npm start', { timeout: 180_000 }, () => {
  it('prints what a user needs, serves the API, keeps data across restarts, and stops java on Ctrl-C', async () => {
    const port = await freePort();
    const first = await start(['--port', String(port), '--data-dir', dataDir]);
    expect(first.output).toContain('channel-key-test-inicis-v2');
    expect((await fetch(`${first.url}/health`)).status).toBe(200);
    const pre = await fetch(`${first.url}/payments/kept/pre-register`, {
      method: 'POST',
      headers: { authorization: `PortOne ${first.secret}` },
      body: JSON.stringify({ totalAmount: 1000 }),
    });
    expect(pre.status).toBe(200);
    expect(javaUsing(dataDir)).not.toBe('');
    const cookie = await signIn(first.url, first.secret);
    expect((await consolePage(first.url, cookie)).status).toBe(200);
    expect(await stop(first.child)).toBe(0);
    expect(javaUsing(dataDir)).toBe('');

    const second = await start(['--port', String(port), '--data-dir', dataDir]);
    expect(second.secret).toBe(first.secret);
    const kept = await fetch(`${second.url}/payments/kept`, { headers: { authorization: `PortOne ${second.secret}` } });
    expect(((await kept.json()) as { status: string }).status).toBe('READY');
    // The data folder's key is kept, so a console sign-in survives the restart.
    expect((await consolePage(second.url, cookie)).status).toBe(200);
    expect(await stop(second.child)).toBe(0);
    expect(javaUsing(dataDir)).toBe('');
  });

  it('signs with a private key of its data folder: sessions forged with the old public key are refused, secrets are 0600', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-sandbox-key-'));
    try {
      const run = await start(['--port', '0', '--data-dir', dir]);
      // A console cookie for the seeded store, forged with the key anyone could read in the source.
      const forgedCookie = signToken(PUBLIC_KEY, 'console', { v: 1, sid: 'forged', storeId: 'store-local-sandbox', exp: hour() });
      const page = await consolePage(run.url, forgedCookie);
      expect(page.status).toBe(303);
      expect(page.headers.get('location')).toMatch(/^\/console\/login/);
      // A checkout window forged the same way (1 won for anything) is not a session either.
      const forgedSession = signToken(PUBLIC_KEY, 'checkout', {
        v: 1, sessionId: 'forged', storeId: 'store-local-sandbox', paymentId: 'forged-1', channelKey: 'channel-key-test-inicis-v2', txId: 'tx-forged',
        orderName: 'forged', amount: { total: 1 }, currency: 'KRW', payMethod: 'CARD', windowType: 'IFRAME', platform: 'PC', lang: 'ko', exp: hour(),
      });
      const cancel = await fetch(`${run.url}/checkout/cancel`, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ s: forgedSession }),
      });
      expect(cancel.status).toBe(400);
      expect(await cancel.json()).toEqual({ code: 'BadRequest', message: 'invalid checkout session' });
      expect(await stop(run.child)).toBe(0);

      expect(modeOf(dir)).toBe(0o700);
      expect(modeOf(join(dir, 'signing-key'))).toBe(0o600);
      expect(modeOf(join(dir, 'seed.json'))).toBe(0o600);
      const engineFiles = filesUnder(join(dir, 'dynamodb'));
      expect(engineFiles.length).toBeGreaterThan(0);
      for (const file of engineFiles) expect({ file, mode: modeOf(file) & 0o077 }).toEqual({ file, mode: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('SIGTERM to the npm start process stops node and java (nothing is orphaned)', async () => {
    const run = await start(['--port', '0', '--in-memory'], { viaNpm: true });
    expect(run.nodePid).not.toBe(run.child.pid); // npm's own process is in front of node
    expect([alive(run.nodePid), alive(run.javaPid)]).toEqual([true, true]);
    const exited = new Promise((resolve) => run.child.once('exit', resolve));
    run.child.kill('SIGTERM');
    await exited;
    // npm waits for node, and node for java, so both are gone (and reaped) once npm has exited.
    expect({ node: alive(run.nodePid), java: alive(run.javaPid) }).toEqual({ node: false, java: false });
  });

  it('SIGKILL to node (no exit hook runs) does not leave java running', async () => {
    const run = await start(['--port', '0', '--in-memory']);
    const exited = new Promise((resolve) => run.child.once('exit', resolve));
    process.kill(run.nodePid, 'SIGKILL');
    await exited;
    // java is no child of this test, so its end can only be polled for.
    expect(await endsWithin(run.javaPid, 10_000)).toBe(true);
  });

  it('--json prints one JSON line for scripts; says in one line that DynamoDB Local died and exits 1, instead of answering 503 forever', async () => {
    const child = spawn(process.execPath, [ENTRY, '--port', '0', '--in-memory', '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const line = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
      });
    });
    const banner = JSON.parse(line) as { url: string; apiSecret: string; storeId: string; channels: { channelKey: string }[]; dataDir: null; pid: number; javaPid: number; dynamodb: { endpoint: string; tableName: string } };
    started.push(banner.pid, banner.javaPid);
    expect(banner).toMatchObject({ storeId: 'store-local-sandbox', dataDir: null, pid: child.pid });
    expect(banner.channels.map((c) => c.channelKey)).toContain('channel-key-test-inicis-v2');
    const store = await fetch(`${banner.url}/sandbox/store`, { headers: { authorization: `PortOne ${banner.apiSecret}` } });
    expect(((await store.json()) as { storeId: string }).storeId).toBe(banner.storeId);
    // The engine the banner names serves the sandbox's table, to any DynamoDB client.
    const engine = new DynamoDBClient({ endpoint: banner.dynamodb.endpoint, region: 'ap-northeast-2', credentials: { accessKeyId: 'any', secretAccessKey: 'any' } });
    expect((await engine.send(new ListTablesCommand({}))).TableNames).toContain(banner.dynamodb.tableName);
    engine.destroy();

    process.kill(banner.javaPid, 'SIGKILL');
    expect(await exited).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringContaining(`DynamoDB Local (java pid ${banner.javaPid}) killed by SIGKILL`)]);
    expect(alive(banner.pid)).toBe(false);
  });

  it('--help prints the options and exits 0; a wrong command line is one line and exit code 2', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [ENTRY, ...args], { encoding: 'utf8' });
    const help = run('--help');
    expect(help.status).toBe(0);
    for (const flag of ['--port', '--in-memory', '--data-dir', '--json']) expect(help.stdout).toContain(flag);
    for (const args of [['--bogus'], ['stop'], ['--port', 'eighty']]) {
      const wrong = run(...args);
      expect({ args, status: wrong.status, lines: wrong.stderr.trim().split('\n').length }).toEqual({ args, status: 2, lines: 1 });
    }
  });

  it('explains a busy port in one line instead of a stack trace', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
    const child = spawn(process.execPath, [ENTRY, '--port', String(port), '--in-memory'], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    blocker.close();
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`port ${port}`);
  });

  it("makes DynamoDB Local's class archive once idle, starts java from it next time, and starts without an archive that crashes java", async () => {
    const env = { PG_SANDBOX_CACHE_DIR: mkdtempSync(join(tmpdir(), 'pg-sandbox-cds-')) };
    const javaArgs = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const archives = () => readdirSync(env.PG_SANDBOX_CACHE_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('classes.jsa'));
    try {
      const first = await start(['--port', '0', '--in-memory'], { env });
      expect(javaArgs(first.javaPid)).toContain('-XX:+RecordDynamicDumpInfo');
      // Nothing asks anything of it now, so it dumps the archive in the background.
      const deadline = Date.now() + 120_000;
      while (archives().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(archives()).toHaveLength(1);
      expect(await stop(first.child)).toBe(0);
      const archive = join(env.PG_SANDBOX_CACHE_DIR, archives()[0]!);

      const second = await start(['--port', '0', '--in-memory'], { env });
      expect(javaArgs(second.javaPid)).toContain(`-XX:SharedArchiveFile=${archive}`);
      const store = await fetch(`${second.url}/sandbox/store`, { headers: { authorization: `PortOne ${second.secret}` } });
      expect(store.status).toBe(200);
      expect(await stop(second.child)).toBe(0);

      // A truncated archive crashes java as it starts: the sandbox starts without it and deletes it.
      truncateSync(archive, 1_000_000);
      const third = await start(['--port', '0', '--in-memory'], { env });
      expect(javaArgs(third.javaPid).some((a) => a.startsWith('-XX:SharedArchiveFile'))).toBe(false);
      expect((await fetch(`${third.url}/health`)).status).toBe(200);
      expect(existsSync(archive)).toBe(false);
      expect(await stop(third.child)).toBe(0);
    } finally {
      rmSync(env.PG_SANDBOX_CACHE_DIR, { recursive: true, force: true });
    }
  });

  it('explains a missing java in one line', async () => {
    const child = spawn(process.execPath, [ENTRY, '--port', '0', '--in-memory'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PATH: '/nonexistent' },
    });
    children.push(child);
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('Java 17');
  });
});
