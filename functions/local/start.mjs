#!/usr/bin/env node
/**
 * `npm start`'s entry. Start-up is mostly the JVM's boot, and loading tsx alone takes a second or
 * more on a busy machine, so this file is plain JavaScript: it reads the command line (--help and
 * a wrong one end here), spawns DynamoDB Local, and only then loads main.ts (as a cached bundle,
 * runtime-bundle.mjs; through tsx if none can be built), which takes that java over (java.mjs,
 * takeEarlyJava). The packaged CLI (dist/cli.js) is main.ts bundled:
 * no tsx to wait for, so it spawns java itself.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCliArgs } from './cli-args.mjs';
import { engineFolder, spawnEarlyJava } from './java.mjs';
import { bundledEntry } from './runtime-bundle.mjs';

const options = parseCliArgs(process.argv.slice(2));
// As main.ts does before it starts java: what java writes is the developer's alone.
process.umask(0o077);
await spawnEarlyJava(options.inMemory ? undefined : engineFolder(resolve(options.dataDir)));
// The sandbox's code as one cached bundle (runtime-bundle.mjs), or through tsx if none can be built.
const bundle = await bundledEntry(join(dirname(fileURLToPath(import.meta.url)), 'main.ts'));
if (bundle) {
  await import(bundle);
} else {
  await import('tsx');
  await import('./main.ts');
}
