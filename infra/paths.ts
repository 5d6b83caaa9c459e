import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Repository root (this file lives in `infra/`). */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Absolute path of a Lambda entry point under `functions/handlers/`. */
export function handlerEntry(name: 'api' | 'timers' | 'webhook-dispatch' | 'seed'): string {
  return join(REPO_ROOT, 'functions', 'handlers', `${name}.ts`);
}
