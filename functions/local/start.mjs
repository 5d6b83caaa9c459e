#!/usr/bin/env node
/**
 * `npm start`'s entry. Start-up is mostly the JVM's boot, and loading tsx alone takes a second or
 * more on a busy machine, so this file is plain JavaScript: it reads the command line (--help and
 * a wrong one end here), spawns DynamoDB Local, and only then loads tsx and main.ts, which takes
 * that java over (java.mjs, takeEarlyJava). The packaged CLI (dist/cli.js) is main.ts bundled:
 * no tsx to wait for, so it spawns java itself.
 */
import { resolve } from 'node:path';
import { parseCliArgs } from './cli-args.mjs';
import { engineFolder, spawnEarlyJava } from './java.mjs';

const options = parseCliArgs(process.argv.slice(2));
// As main.ts does before it starts java: what java writes is the developer's alone.
process.umask(0o077);
await spawnEarlyJava(options.inMemory ? undefined : engineFolder(resolve(options.dataDir)));
await import('tsx');
await import('./main.ts');
