import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { csrfTokenFor, csrfTokenValid, readConsoleSession } from '../../console/console-session.ts';
import { isHttps } from '../ui/request-info.ts';
import type { ConsoleEnv } from './env.ts';

/**
 * Console authentication and CSRF defence.
 * - The session lives in one cookie: HttpOnly (no script reads it), SameSite=Strict (no
 *   cross-site request carries it), Secure whenever the console is served over https, scoped to
 *   /console. Only a signed session id and store id are inside, never the API secret.
 * - Every POST must carry the session's synchronizer token (`_csrf`), on top of hono/csrf's
 *   Origin / Sec-Fetch-Site check that the routes apply first.
 */
export const SESSION_COOKIE = 'pgs_console';
export const LANG_COOKIE = 'pgs_lang';

export function cookieOptions(c: Context, maxAge: number) {
  return { path: '/console', httpOnly: true, secure: isHttps(c), sameSite: 'Strict' as const, maxAge };
}

export const setSessionCookie = (c: Context, token: string, maxAge: number) => setCookie(c, SESSION_COOKIE, token, cookieOptions(c, maxAge));
export const clearSessionCookie = (c: Context) => deleteCookie(c, SESSION_COOKIE, cookieOptions(c, 0));

/** Only console paths are followed after sign-in or an action: no open redirect. */
export function safeNext(value: string | undefined, fallback = '/console/payments'): string {
  const scoped = value === '/console' || value?.startsWith('/console/') || value?.startsWith('/console?');
  if (!value || !scoped || value.includes('\\') || /[\r\n]/.test(value)) return fallback;
  return value;
}

export const consoleLang: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
  c.set('lang', getCookie(c, LANG_COOKIE) === 'en' ? 'en' : 'ko');
  await next();
};

export const requireConsole: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
  const cookie = getCookie(c, SESSION_COOKIE);
  const opened = await readConsoleSession(c.var.services, cookie);
  if (!opened) {
    if (cookie) clearSessionCookie(c);
    if (c.req.method === 'GET') {
      const url = new URL(c.req.url);
      return c.redirect(`/console/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
    }
    return c.text('Sign in first (the console session expired).', 401);
  }
  c.set('consoleSession', opened.session);
  c.set('csrf', csrfTokenFor(c.var.services, opened.session));
  await next();
};

export const requireCsrfToken: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
  if (c.req.method === 'POST') {
    const body = await c.req.parseBody();
    const token = typeof body._csrf === 'string' ? body._csrf : undefined;
    if (!csrfTokenValid(c.var.services, c.var.consoleSession, token)) return c.text('Forbidden: missing or wrong CSRF token', 403);
  }
  await next();
};
