import { randomUUID } from 'node:crypto';
import type { StoreRecord } from '../domain/store.ts';
import { authenticateApiSecret } from '../stores/secrets.ts';
import type { Services } from '../services.ts';
import { macOf, sameText, signToken, verifyToken } from '../checkout/signed-token.ts';

/**
 * Signing in to the console with a store's API secret. The secret is checked once (by its hash,
 * as the API does) and never stored or echoed: the browser keeps only a signed session naming the
 * store, in an HttpOnly cookie. The session carries the store's console session version it was
 * signed at; signing out moves that version on, which ends every console session of the store on
 * the server (a copied cookie is worthless after sign-out). Sessions also expire after
 * {@link CONSOLE_SESSION_TTL_SECONDS}, and a key rotation ends them all.
 */
export interface ConsoleSession {
  v: 1;
  /** Random per sign-in; the CSRF token is derived from it. */
  sid: string;
  storeId: string;
  /** The store's `consoleSessionVersion` at sign-in. */
  sv: number;
  /** Epoch seconds (wall clock). */
  exp: number;
}

export const CONSOLE_SESSION_TTL_SECONDS = 8 * 60 * 60;

export async function signInWithSecret(services: Services, apiSecret: string): Promise<{ token: string; session: ConsoleSession } | undefined> {
  const trimmed = apiSecret.trim();
  if (trimmed === '' || trimmed.length > 512) return undefined;
  const secret = await authenticateApiSecret(services, trimmed);
  const store = secret && (await services.repo.getStore(secret.storeId));
  if (!store) return undefined;
  const session: ConsoleSession = {
    v: 1,
    sid: randomUUID(),
    storeId: store.storeId,
    sv: store.consoleSessionVersion ?? 0,
    exp: Math.floor(services.wallNow() / 1000) + CONSOLE_SESSION_TTL_SECONDS,
  };
  return { token: signToken(services.sessionSigningKey, 'console', session), session };
}

/** The session in a cookie and its store, while it is unexpired and the store has not signed out since. */
export async function readConsoleSession(services: Services, token: string | undefined): Promise<{ session: ConsoleSession; store: StoreRecord } | undefined> {
  const s = verifyToken(services.sessionSigningKey, 'console', token) as ConsoleSession | undefined;
  if (!s || s.v !== 1 || typeof s.storeId !== 'string' || typeof s.exp !== 'number' || typeof s.sv !== 'number') return undefined;
  if (s.exp * 1000 <= services.wallNow()) return undefined;
  const store = await services.repo.getStore(s.storeId);
  if (!store || (store.consoleSessionVersion ?? 0) !== s.sv) return undefined;
  return { session: s, store };
}

/** Sign-out: ends every console session of the store, this one included. */
export const signOut = (services: Services, session: ConsoleSession) => services.repo.endConsoleSessions(session.storeId);

/**
 * The synchronizer token every console form carries: a MAC of the session id, so it needs no
 * storage, differs per sign-in, and a cross-site page can neither read nor compute it.
 */
export const csrfTokenFor = (services: Services, session: ConsoleSession) => macOf(services.sessionSigningKey, 'console-csrf', session.sid);

export const csrfTokenValid = (services: Services, session: ConsoleSession, token: string | undefined) =>
  token !== undefined && sameText(token, csrfTokenFor(services, session));
