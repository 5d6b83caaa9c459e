/**
 * `npm start` as a newcomer runs it: the real entry point in a child process, on a free port with a
 * throwaway data folder. It must print the URL and secret, answer /health, keep its data across a
 * restart, and leave no java process behind after Ctrl-C (SIGINT).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';

const dataDir = mkdtempSync(join(tmpdir(), 'pg-sandbox-start-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function start(args: string[]): Promise<{ child: ChildProcess; output: string; url: string; secret: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/local/main.ts', ...args], {
    env: { ...process.env, LOG_LEVEL: 'WARN' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /API \(PortOne V2\)\s+(\S+)/.exec(output)?.[1];
      const secret = /API secret\s+(\S+)/.exec(output)?.[1];
      if (url && secret && output.includes('Ctrl-C')) resolve({ child, output, url, secret });
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

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

describe('npm start', () => {
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
    expect(await stop(first.child)).toBe(0);
    expect(javaUsing(dataDir)).toBe('');

    const second = await start(['--port', String(port), '--data-dir', dataDir]);
    expect(second.secret).toBe(first.secret);
    const kept = await fetch(`${second.url}/payments/kept`, { headers: { authorization: `PortOne ${second.secret}` } });
    expect(((await kept.json()) as { status: string }).status).toBe('READY');
    expect(await stop(second.child)).toBe(0);
    expect(javaUsing(dataDir)).toBe('');
  });

  it('explains a busy port in one line instead of a stack trace', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
    const child = spawn(process.execPath, ['--import', 'tsx', 'functions/local/main.ts', '--port', String(port), '--in-memory'], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    blocker.close();
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`port ${port}`);
  });

  it('explains a missing java in one line', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'functions/local/main.ts', '--port', '0', '--in-memory'], {
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
