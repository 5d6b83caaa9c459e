import { rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirSigningKey, newSigningKey } from '../../functions/local/signing-key.ts';
import { tempDirs } from '../support/temp-dirs.ts';

const freshDir = tempDirs('pg-sandbox-key-unit-');

describe('the local signing key', () => {
  it('is created once per data folder, owner-only, and reused on the next start', () => {
    const dir = freshDir();
    const key = dataDirSigningKey(dir);
    expect(key.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    expect(statSync(join(dir, 'signing-key')).mode & 0o777).toBe(0o600);
    expect(dataDirSigningKey(dir)).toBe(key);
  });

  it('differs between data folders and between in-memory runs', () => {
    expect(dataDirSigningKey(freshDir())).not.toBe(dataDirSigningKey(freshDir()));
    expect(newSigningKey()).not.toBe(newSigningKey());
  });

  it('tightens a key file left readable by others', () => {
    const dir = freshDir();
    const key = dataDirSigningKey(dir);
    const file = join(dir, 'signing-key');
    rmSync(file);
    writeFileSync(file, `${key}\n`, { mode: 0o644 }); // as an older version or a copy might leave it
    expect(dataDirSigningKey(dir)).toBe(key);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a file that does not hold a key instead of signing with it', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'signing-key'), 'short\n');
    expect(() => dataDirSigningKey(dir)).toThrow(/does not hold a signing key/);
  });
});
