import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESM_REQUIRE_BANNER } from '../../infra/esm-require-banner.mjs';
import { cacheFolder, stamp } from './cache-folder.mjs';

/**
 * npm start's code as one esbuild bundle, made on the first start and again whenever one of its
 * inputs changed, so later starts load plain JavaScript instead of booting tsx and transpiling
 * every module of the sandbox (measured in docs/benchmarks.md, "npm start: time to ready"). Plain
 * JavaScript: the launcher (start.mjs) uses it before anything else loads.
 *
 * The bundle lives in the cache folder (cache-folder.mjs), one per entry file, with the list of
 * the files esbuild read and their size and mtime: a start checks them (a stat each) and rebuilds
 * if any differs. One file, no chunks, so a rebuild by another start can delete the previous one
 * without pulling code from under a running sandbox. java.mjs stays outside the bundle: it holds
 * the java the launcher spawned, which main.ts takes over.
 */

/**
 * A file URL of the bundle of `entry` (built now if missing or stale), or null if it cannot be
 * built (`PG_SANDBOX_BUNDLE=off`, no esbuild): the caller then loads the sources through tsx.
 */
export async function bundledEntry(entry, env = process.env) {
  if (env.PG_SANDBOX_BUNDLE === 'off') return null;
  const folder = join(cacheFolder(env), `runtime-${createHash('sha256').update(resolve(entry)).digest('hex').slice(0, 16)}`);
  const pointer = join(folder, 'current.json');
  let current;
  try {
    current = JSON.parse(readFileSync(pointer, 'utf8'));
    if (Object.entries(current.inputs).every(([file, was]) => stamp(file) === was)) return pathToFileURL(current.bundle).href;
  } catch {
    // none yet, or unreadable: build one
  }
  try {
    const bundle = await build(entry, folder);
    const temporary = `${pointer}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(bundle));
    renameSync(temporary, pointer);
    if (current?.bundle && current.bundle !== bundle.bundle) rmSync(current.bundle, { force: true });
    return pathToFileURL(bundle.bundle).href;
  } catch {
    return null;
  }
}

async function build(entry, folder) {
  const { build: esbuild } = await import('esbuild');
  mkdirSync(folder, { recursive: true });
  const bundle = join(folder, `main-${process.pid}-${Date.now()}.mjs`);
  const { metafile } = await esbuild({
    entryPoints: [entry],
    outfile: bundle,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: { js: ESM_REQUIRE_BANNER },
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'java-outside',
        setup(b) {
          b.onResolve({ filter: /\/java\.mjs$/ }, (args) => ({ path: pathToFileURL(resolve(args.resolveDir, args.path)).href, external: true }));
        },
      },
    ],
  });
  // Inputs are relative to the working directory esbuild ran in.
  const inputs = Object.fromEntries(Object.keys(metafile.inputs).map((input) => [resolve(input), stamp(resolve(input))]));
  // java.mjs is loaded as it is, but main.ts relies on its exports: a change to it rebuilds too.
  const java = join(dirname(resolve(entry)), 'java.mjs');
  inputs[java] = stamp(java);
  return { bundle, inputs };
}
