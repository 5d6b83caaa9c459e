import { PortOneError } from '../domain/errors.ts';
import { authenticateApiSecret, generateToken, hashSecret } from './secrets.ts';
import type { Services } from '../services.ts';

/** PortOne's lifetimes (OAS LoginViaApiSecretResponse): access 30 minutes, refresh one day. */
const ACCESS_TTL_S = 30 * 60;
const REFRESH_TTL_S = 24 * 60 * 60;

async function issue(services: Services, storeId: string) {
  const nowS = Math.floor(services.wallNow() / 1000);
  const accessToken = generateToken();
  const refreshToken = generateToken();
  await services.repo.putToken(hashSecret(accessToken), { storeId, kind: 'access', expiresAt: nowS + ACCESS_TTL_S });
  await services.repo.putToken(hashSecret(refreshToken), { storeId, kind: 'refresh', expiresAt: nowS + REFRESH_TTL_S });
  return { accessToken, refreshToken };
}

export async function login(services: Services, apiSecret: string) {
  const secret = await authenticateApiSecret(services, apiSecret);
  if (!secret) throw new PortOneError('UNAUTHORIZED', '올바르지 않은 API Secret입니다. (invalid API secret)');
  return issue(services, secret.storeId);
}

/** A refresh token works once: using it revokes it, as PortOne expires the previous one. */
export async function refresh(services: Services, refreshToken: string) {
  const hash = hashSecret(refreshToken);
  const token = await services.repo.findToken(hash);
  if (!token || token.kind !== 'refresh' || token.expiresAt * 1000 <= services.wallNow()) {
    throw new PortOneError('UNAUTHORIZED', '유효하지 않거나 만료된 리프레시 토큰입니다. (invalid or expired refresh token)');
  }
  if (!(await services.repo.revokeToken(hash))) {
    throw new PortOneError('UNAUTHORIZED', '이미 사용된 리프레시 토큰입니다. (refresh token already used)');
  }
  return issue(services, token.storeId);
}
