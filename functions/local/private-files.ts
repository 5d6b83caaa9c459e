import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';

/**
 * What `npm start` keeps on disk (the signing key, the seeded API secret, DynamoDB Local's
 * database with stores' webhook secrets) is readable by its owner only. Modes are set again on
 * existing paths, because `mode` applies only when a file or folder is created.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

export function writePrivateFile(file: string, text: string): void {
  writeFileSync(file, text, { mode: 0o600 });
  chmodSync(file, 0o600);
}
