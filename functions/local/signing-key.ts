import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** 256 random bits: signs console cookies and checkout sessions of one sandbox, never shared. */
export const newSigningKey = (): string => randomBytes(32).toString('base64url');

/** Shorter than this is not a key this module wrote (a truncated or hand-edited file). */
const MIN_KEY_CHARS = 32;

/**
 * The signing key of a data directory: created once (mode 0600) and reused on every start, so
 * console sign-ins and open checkout windows survive a restart while no two data directories, and
 * no other machine, share a key. `wx` makes two racing starts agree on the first key written.
 */
export function dataDirSigningKey(dataDir: string): string {
  const file = join(dataDir, 'signing-key');
  const fresh = newSigningKey();
  try {
    writeFileSync(file, `${fresh}\n`, { mode: 0o600, flag: 'wx' });
    return fresh;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  chmodSync(file, 0o600);
  const kept = readFileSync(file, 'utf8').trim();
  if (kept.length < MIN_KEY_CHARS) {
    throw new Error(`${file} does not hold a signing key; delete it and start again (sign-ins and open payment windows end).`);
  }
  return kept;
}
