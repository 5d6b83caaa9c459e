/**
 * `npm start` as a developer runs it (functions/local/main.ts in its own process, on a data
 * folder), so the soak can SIGKILL its node or its java. Every pid started is remembered, and
 * `killEverything` ends the ones still alive, by pid only (on interruption, or after a failure).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export interface SandboxProcess {
  child: ChildProcess;
  url: string;
  apiSecret: string;
  storeId: string;
  nodePid: number;
  javaPid: number;
  /** stderr so far, as lines (the supervisor's one line when java dies is read here). */
  stderrLines(): string[];
  /** Resolves with node's exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

const startedPids = new Set<number>();

/** True while `pid` runs (a zombie counts as ended: it holds no port, no file, no memory). */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Polls until `pid` ends, at most `ms`: java is no child of ours, so its end cannot be awaited. */
export async function endsWithin(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

/** Resident memory of a process in MiB (Linux /proc), undefined once it has ended. */
export function rssMiB(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Starts the sandbox on `dataDir` (any free port) and resolves once it printed its banner. */
export function startSandbox(dataDir: string, { startTimeoutMs = 180_000 } = {}): Promise<SandboxProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/local/main.ts', '--port', '0', '--data-dir', dataDir], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'WARN' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid) startedPids.add(child.pid);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the sandbox did not start within ${startTimeoutMs / 1000} s:\n${stdout}\n${stderr}`)), startTimeoutMs);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the sandbox exited while starting (${code}):\n${stdout}\n${stderr}`));
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /API \(PortOne V2\)\s+(\S+)/.exec(stdout)?.[1];
      const apiSecret = /API secret\s+(\S+)/.exec(stdout)?.[1];
      const storeId = /Store id\s+(\S+)/.exec(stdout)?.[1];
      const pids = /node pid (\d+), DynamoDB Local \(java\) pid (\d+)/.exec(stdout);
      if (!url || !apiSecret || !storeId || !pids || !stdout.includes('Ctrl-C')) return;
      clearTimeout(timer);
      const javaPid = Number(pids[2]);
      startedPids.add(javaPid);
      resolve({
        child,
        url,
        apiSecret,
        storeId,
        nodePid: Number(pids[1]),
        javaPid,
        stderrLines: () => stderr.split('\n').filter((l) => l.trim() !== ''),
        exited,
      });
    });
  });
}

/** SIGTERM, as Ctrl-C would: resolves with the exit code. */
export async function stopSandbox(sandbox: SandboxProcess): Promise<number | null> {
  if (sandbox.child.exitCode === null && sandbox.child.signalCode === null) sandbox.child.kill('SIGTERM');
  return sandbox.exited;
}

/** Ends every process this soak started that still runs (interruption, failure): by pid only. */
export function killEverything(): void {
  for (const pid of startedPids) {
    if (!alive(pid)) continue;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // ended meanwhile
    }
  }
}
