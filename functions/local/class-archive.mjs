import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import * as zlib from 'node:zlib';
import { cacheFolder, stamp } from './cache-folder.mjs';

/**
 * AppCDS for DynamoDB Local: a dynamic class-data archive of the classes its JVM loaded, made once
 * and mapped by every later start, which halves java's boot (docs/benchmarks.md, "npm start: time
 * to ready"). Plain JavaScript (types in class-archive.d.mts): the launcher (start.mjs) uses it
 * before tsx loads.
 *
 * - java 17 refuses an archive while the class path holds a non-empty folder, and the jar's
 *   manifest puts its own folder (`.`) on it: java runs a copy of the jar without the manifest's
 *   Class-Path, with the wrapper's library folder on `-cp` instead.
 * - The archive is dumped from the running JVM (`-XX:+RecordDynamicDumpInfo`, then `jcmd <pid>
 *   VM.cds dynamic_dump`) once the sandbox is idle after its first start, not at exit, where it
 *   took 13 s and would delay Ctrl-C.
 * - A truncated archive crashes java: the dump goes to a temporary name, renamed only after jcmd
 *   reported a clean dump; a java that ends before answering with the archive is started again
 *   without it, and the archive is deleted (dynamodb-local.ts).
 * - Everything lives in the cache folder (cache-folder.mjs), keyed by the jar, the java binary
 *   and the JVM flags.
 */

const MAIN_CLASS = 'software.amazon.dynamodb.services.local.main.ServerRunner';
const ARCHIVE = 'classes.jsa';

/** The java `spawn` would run: the first `java` on PATH, links resolved (null: none). */
function javaOnPath(env) {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      return realpathSync(join(dir, 'java'));
    } catch {
      // not in this folder
    }
  }
  return null;
}

/**
 * How java is to be started with a class archive for `jar` and `jvmFlags`, or null when it cannot
 * be (`PG_SANDBOX_CLASS_ARCHIVE=off`, no java or no jcmd beside it, a jar this code cannot copy):
 * `use` maps an archive made before; `record` runs so that one can be dumped (`dump`).
 */
export function planClassArchive({ jar, jvmFlags, env = process.env }) {
  if (env.PG_SANDBOX_CLASS_ARCHIVE === 'off') return null;
  // zlib.crc32 (the jar copy's manifest needs it) came with Node 20.15 and 22.2; an older node
  // starts java as before instead of failing to load this module.
  if (typeof zlib.crc32 !== 'function') return null;
  const java = javaOnPath(env);
  if (java === null) return null;
  // jcmd ships with a JDK, not with every JRE: without it no archive can be made.
  const jcmd = join(dirname(java), 'jcmd');
  if (!existsSync(jcmd)) return null;
  // The JVM library changes with an upgrade of java even where the launcher binary does not.
  const libjvm = join(dirname(dirname(java)), 'lib', 'server', 'libjvm.so');
  const key = createHash('sha256')
    .update(JSON.stringify([jar, stamp(jar), java, stamp(java), stamp(libjvm), jvmFlags]))
    .digest('hex')
    .slice(0, 16);
  const folder = join(cacheFolder(env), `dynamodb-local-${key}`);
  const archive = join(folder, ARCHIVE);
  try {
    const copy = copyWithoutClassPath(jar, folder);
    const libs = join(dirname(jar), 'DynamoDBLocal_lib', '*');
    // A JVM that crashes (e.g. on a damaged archive) writes its report here, not into node_modules.
    const common = [`-XX:ErrorFile=${join(folder, 'hs_err_pid%p.log')}`, '-cp', `${copy}${delimiter}${libs}`];
    if (existsSync(archive)) return { mode: 'use', archive, jcmd, args: [`-XX:SharedArchiveFile=${archive}`, ...common], mainClass: MAIN_CLASS };
    return { mode: 'record', archive, jcmd, args: ['-XX:+RecordDynamicDumpInfo', ...common], mainClass: MAIN_CLASS };
  } catch {
    return null;
  }
}

/** Deletes an archive java could not start with; the next start records a new one. */
export function discardClassArchive(plan) {
  rmSync(plan.archive, { force: true });
}

/**
 * Dumps the classes java `pid` has loaded into the plan's archive: to a temporary name first,
 * renamed only after jcmd reported a clean dump. jcmd runs at the lowest priority. Resolves to
 * whether an archive was written; `cancel()` stops a dump in progress (the runtime is stopping).
 */
export function dumpClassArchive(plan, pid) {
  const temporary = `${plan.archive}.${process.pid}.tmp`;
  // Another sandbox may have made it meanwhile.
  if (existsSync(plan.archive)) return { done: Promise.resolve(false), cancel: () => undefined };
  const jcmd = spawn(plan.jcmd, [String(pid), 'VM.cds', 'dynamic_dump', temporary], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  jcmd.stdout.on('data', (c) => (output += c));
  jcmd.stderr.on('data', (c) => (output += c));
  const done = new Promise((resolve) => {
    jcmd.once('error', () => resolve(false));
    jcmd.once('exit', (code) => resolve(code === 0 && !/error|exception|fail/i.test(output) && existsSync(temporary)));
  }).then((clean) => {
    let written = false;
    try {
      if (clean) renameSync(temporary, plan.archive);
      written = clean;
    } catch {
      // the folder went away: no archive this time
    }
    rmSync(temporary, { force: true });
    return written;
  });
  return {
    done,
    cancel: () => {
      jcmd.kill('SIGKILL');
    },
  };
}

/**
 * `folder`/DynamoDBLocal.jar: `jar` with the manifest's Class-Path removed, made once. The zip is
 * copied as it is, with a stored manifest appended and the central directory pointing at it.
 */
function copyWithoutClassPath(jar, folder) {
  const copy = join(folder, 'DynamoDBLocal.jar');
  if (existsSync(copy)) return copy;
  mkdirSync(folder, { recursive: true });
  const temporary = `${copy}.${process.pid}.tmp`;
  writeFileSync(temporary, rewriteManifest(readFileSync(jar), (text) => text.replace(/^Class-Path:.*\r?\n(?: .*\r?\n)*/m, '')));
  renameSync(temporary, copy);
  return copy;
}

const MANIFEST = 'META-INF/MANIFEST.MF';

/** The zip `zip` with its manifest's text replaced by `edit(text)` (exported for its test). */
export function rewriteManifest(zip, edit) {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file');
  const entries = zip.readUInt16LE(eocd + 10);
  const centralSize = zip.readUInt32LE(eocd + 12);
  const centralAt = zip.readUInt32LE(eocd + 16);
  if (centralAt === 0xffffffff || entries === 0xffff) throw new Error('zip64 is not supported');

  const records = [];
  let manifest;
  for (let at = centralAt, i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const length = 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const record = zip.subarray(at, at + length);
    const name = record.toString('utf8', 46, 46 + record.readUInt16LE(28));
    if (name === MANIFEST) manifest = record;
    records.push(record);
    at += length;
  }
  if (manifest === undefined) throw new Error('no manifest');

  const local = manifest.readUInt32LE(42);
  const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const stored = zip.subarray(dataAt, dataAt + manifest.readUInt32LE(20));
  const text = (manifest.readUInt16LE(10) === 8 ? zlib.inflateRawSync(stored) : stored).toString('utf8');
  const data = Buffer.from(edit(text), 'utf8');
  const name = Buffer.from(MANIFEST, 'utf8');

  // The new manifest's local header, stored (no compression), after the original entries.
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0, 6);
  header.writeUInt16LE(0, 8);
  header.writeUInt32LE(manifest.readUInt32LE(12), 10); // time and date
  header.writeUInt32LE(zlib.crc32(data), 14);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);

  const central = Buffer.concat([manifest.subarray(0, 46), name]);
  central.writeUInt16LE(0, 8); // no data descriptor
  central.writeUInt16LE(0, 10);
  central.writeUInt32LE(zlib.crc32(data), 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(0, 30);
  central.writeUInt16LE(0, 32);
  central.writeUInt32LE(centralAt, 42);

  const directory = Buffer.concat(records.map((r) => (r === manifest ? central : r)));
  const end = Buffer.from(zip.subarray(eocd));
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(centralAt + header.length + name.length + data.length, 16);
  if (centralSize + centralAt > eocd) throw new Error('bad central directory');
  return Buffer.concat([zip.subarray(0, centralAt), header, name, data, directory, end]);
}
