import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ConcurrentModificationError, PortOneError } from '../domain/errors.ts';
import type { SecretRecord } from '../domain/store.ts';
import type { Repository } from '../ports/repository.ts';
import type { Services } from '../services.ts';
import { loadStore } from './load-store.ts';

/** Secrets and tokens are stored and looked up by their SHA-256, never as given. */
export const hashSecret = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

/** A new API secret: 48 random bytes, URL-safe, like PortOne's long opaque secrets. */
export const generateApiSecret = () => randomBytes(48).toString('base64url');
export const generateToken = () => randomBytes(32).toString('base64url');

/**
 * Secret → store lookups are cached in the process: every API request authenticates, and secrets
 * change only when added or revoked. Only hits are cached (a secret added on another instance works
 * at once); a revocation clears the entry in the process that revoked it at once, and other
 * processes (other Lambda instances) within {@link SECRET_CACHE_TTL_MS} (docs/architecture.md).
 * One cache per repository, so runtimes sharing a process never see each other's tables.
 */
export const SECRET_CACHE_TTL_MS = 30_000;
export const SECRET_CACHE_MAX_ENTRIES = 1_000;
const secretCaches = new WeakMap<Repository, Map<string, { secret: SecretRecord; until: number }>>();

function cacheOf(services: Services) {
  let cache = secretCaches.get(services.repo);
  if (!cache) secretCaches.set(services.repo, (cache = new Map()));
  return cache;
}

/** The secret record of an API secret, or undefined when no store has it. */
export async function authenticateApiSecret(services: Services, apiSecret: string): Promise<SecretRecord | undefined> {
  const hash = hashSecret(apiSecret);
  const cache = cacheOf(services);
  const now = services.wallNow();
  const cached = cache.get(hash);
  if (cached && cached.until > now) return cached.secret;
  cache.delete(hash);
  const secret = await services.repo.findSecret(hash);
  // Looked up by hash; compared again in constant time so no timing tells how much of it matched.
  if (!secret || !sameHash(secret.hash, hash)) return undefined;
  // Map order is insertion order: the oldest entry goes first when the cache is full.
  if (cache.size >= SECRET_CACHE_MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(hash, { secret, until: now + SECRET_CACHE_TTL_MS });
  return secret;
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** What the sandbox shows of a secret: never the secret, nor its hash. */
export const describeSecret = (s: SecretRecord) => ({ secretId: s.secretId, createdAt: s.createdAt, ...(s.label ? { label: s.label } : {}) });

export async function listApiSecrets(services: Services, storeId: string) {
  return (await services.repo.listSecrets(storeId)).map(describeSecret);
}

const MAX_TRIES = 5;

/**
 * Revokes an API secret: from the next request on it answers 401 (in this process at once, see the
 * cache above). The store's last secret cannot be revoked, or nobody could use the store again.
 */
export async function revokeApiSecret(services: Services, storeId: string, secretId: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const store = await loadStore(services, storeId);
    const secrets = await services.repo.listSecrets(storeId);
    const secret = secrets.find((s) => s.secretId === secretId);
    if (!secret) throw new PortOneError('NOT_FOUND', `API Secret이 존재하지 않습니다. (secretId: ${secretId})`);
    if (secrets.length === 1) {
      throw new PortOneError('CONFLICT', '상점의 마지막 API Secret은 폐기할 수 없습니다. Add another secret first. (the last API secret cannot be revoked)');
    }
    try {
      await services.repo.revokeSecret(secret, store.version);
      cacheOf(services).delete(secret.hash);
      return;
    } catch (err) {
      if (!(err instanceof ConcurrentModificationError) || attempt >= MAX_TRIES) throw err;
    }
  }
}
