import type { MiddlewareHandler } from 'hono';
import { PortOneError } from '../domain/errors.ts';
import { authenticateApiSecret, hashSecret } from '../stores/secrets.ts';
import type { AppEnv } from './env.ts';

const unauthorized = (message: string) => new PortOneError('UNAUTHORIZED', message);

/**
 * `Authorization: PortOne <API secret>` or `Bearer <access token>` (from POST /login/api-secret).
 * Secrets are stored as SHA-256 hashes; lookup is by hash (cached: stores/secrets.ts) and the
 * stored hash is compared in constant time, so neither the table nor timing reveals a secret.
 */
export const requireStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header('authorization');
  if (!header) throw unauthorized('Authorization 헤더가 없습니다. (missing Authorization header)');
  const match = /^(PortOne|Bearer)\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthorized('Authorization 헤더 형식이 올바르지 않습니다. Use "PortOne <API_SECRET>" or "Bearer <token>".');
  const scheme = match[1]!.toLowerCase();
  const credential = match[2]!;
  const { repo, wallNow } = c.var.services;
  if (scheme === 'portone') {
    const secret = await authenticateApiSecret(c.var.services, credential);
    if (!secret) throw unauthorized('올바르지 않은 API Secret입니다. (invalid API secret)');
    c.set('storeId', secret.storeId);
  } else {
    const token = await repo.findToken(hashSecret(credential));
    if (!token || token.kind !== 'access') throw unauthorized('올바르지 않은 액세스 토큰입니다. (invalid access token)');
    if (token.expiresAt * 1000 <= wallNow()) throw unauthorized('만료된 액세스 토큰입니다. (access token expired)');
    c.set('storeId', token.storeId);
  }
  await next();
};

/** `storeId` in a request may only name the caller's own store. */
export function ownStoreId(authenticated: string, requested: string | undefined): string {
  if (requested !== undefined && requested !== authenticated) {
    throw new PortOneError('FORBIDDEN', '요청된 상점에 대한 접근 권한이 없습니다. (storeId names another store)');
  }
  return authenticated;
}
