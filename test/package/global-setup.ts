import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The package exactly as `npm publish` would upload it (built by its prepack script). */
    tarball: string;
  }
}

/** `npm pack` once for the whole run: every test here installs or inspects this one tarball. */
export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'pg-sandbox-pack-'));
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
  ) as { filename: string }[];
  project.provide('tarball', join(dir, packed!.filename));
  return () => rmSync(dir, { recursive: true, force: true });
}
