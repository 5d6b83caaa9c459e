import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledEntry } from '../../functions/local/runtime-bundle.mjs';
import { tempDirs } from '../support/temp-dirs.ts';

const freshDir = tempDirs('pg-sandbox-bundle-unit-');

describe("npm start's bundle of its own code", () => {
  it('is built once, reused while its inputs are unchanged, and rebuilt (the old one deleted) when one changes', async () => {
    const src = freshDir();
    const env = { PG_SANDBOX_CACHE_DIR: freshDir() };
    const entry = join(src, 'entry.ts');
    writeFileSync(entry, "import { answer } from './dep.ts';\nexport const value: number = answer;\n");
    writeFileSync(join(src, 'dep.ts'), 'export const answer = 1;\n');

    const first = await bundledEntry(entry, env);
    expect(((await import(first!)) as { value: number }).value).toBe(1);
    expect(await bundledEntry(entry, env)).toBe(first);

    // An edit to a module the entry imports, not to the entry itself.
    writeFileSync(join(src, 'dep.ts'), 'export const answer = 2;\n');
    utimesSync(join(src, 'dep.ts'), new Date(), new Date(Date.now() + 5000));
    const second = await bundledEntry(entry, env);
    expect(second).not.toBe(first);
    expect(((await import(second!)) as { value: number }).value).toBe(2);
    expect(existsSync(fileURLToPath(first!))).toBe(false);
  });

  it('is not used with PG_SANDBOX_BUNDLE=off, nor when it cannot be built (the launcher then loads the sources through tsx)', async () => {
    const src = freshDir();
    const entry = join(src, 'entry.ts');
    writeFileSync(entry, "import { missing } from './nowhere.ts';\nexport const value = missing;\n");
    expect(await bundledEntry(entry, { PG_SANDBOX_CACHE_DIR: freshDir(), PG_SANDBOX_BUNDLE: 'off' })).toBeNull();
    expect(await bundledEntry(entry, { PG_SANDBOX_CACHE_DIR: freshDir() })).toBeNull();
  });
});
