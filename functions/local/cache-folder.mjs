import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where npm start keeps what it makes once and reuses (DynamoDB Local's class archive, the bundle
 * of its own code): `PG_SANDBOX_CACHE_DIR`, else `$XDG_CACHE_HOME/pg-sandbox`, else
 * `~/.cache/pg-sandbox`. Deleting it is always safe: the next start makes it again.
 */
export function cacheFolder(env = process.env) {
  if (env.PG_SANDBOX_CACHE_DIR) return env.PG_SANDBOX_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'pg-sandbox');
}

/** What cached things are keyed by, for each file they were made from: its size and mtime ('-': missing). */
export function stamp(file) {
  try {
    const s = statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return '-';
  }
}
