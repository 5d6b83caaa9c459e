import { randomUUID } from 'node:crypto';
import { hashSecret } from '../stores/secrets.ts';
import type { Services } from '../services.ts';
import { macOf, sameText, signToken, verifyToken } from '../checkout/signed-token.ts';

/**
 * Signing in to the console with a store's API secret. The secret is checked once (by its hash,
 * as the API does) and never stored or echoed: the browser keeps only a signed session naming the
 * store, in an HttpOnly cookie. Sessions are stateless, so they cannot be revoked one by one; they
 * expire after {@link CONSOLE_SESSION_TTL_SECONDS} and a key rotation ends them all.
 */
export interface ConsoleSession {
  v: 1;
  /** Random per sign-in; the CSRF token is derived from it. */
  sid: string;
  storeId: string;
  /** Epoch seconds (wall clock). */
  exp: number;
}

export const CONSOLE_SESSION_TTL_SECONDS = 8 * 60 * 60;

export async function signInWithSecret(services: Services, apiSecret: string): Promise<{ token: string; session: ConsoleSession } | undefined> {
  const trimmed = apiSecret.trim();
  if (trimmed === '' || trimmed.length > 512) return undefined;
  const hash = hashSecret(trimmed);
  const secret = await services.repo.findSecret(hash);
  if (!secret || !sameText(secret.hash, hash)) return undefined;
  const session: ConsoleSession = {
    v: 1,
    sid: randomUUID(),
    storeId: secret.storeId,
    exp: Math.floor(services.wallNow() / 1000) + CONSOLE_SESSION_TTL_SECONDS,
  };
  return { token: signToken(services.sessionSigningKey, 'console', session), session };
}

export function readConsoleSession(services: Services, token: string | undefined): ConsoleSession | undefined {
  const s = verifyToken(services.sessionSigningKey, 'console', token) as ConsoleSession | undefined;
  if (!s || s.v !== 1 || typeof s.storeId !== 'string' || typeof s.exp !== 'number') return undefined;
  return s.exp * 1000 > services.wallNow() ? s : undefined;
}

/**
 * The synchronizer token every console form carries: a MAC of the session id, so it needs no
 * storage, differs per sign-in, and a cross-site page can neither read nor compute it.
 */
export const csrfTokenFor = (services: Services, session: ConsoleSession) => macOf(services.sessionSigningKey, 'console-csrf', session.sid);

export const csrfTokenValid = (services: Services, session: ConsoleSession, token: string | undefined) =>
  token !== undefined && sameText(token, csrfTokenFor(services, session));
