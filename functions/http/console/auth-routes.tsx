/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { CONSOLE_SESSION_TTL_SECONDS, signInWithSecret, signOut } from '../../console/console-session.ts';
import { renderPage } from '../ui/document.tsx';
import { clearSessionCookie, cookieOptions, LANG_COOKIE, safeNext, setSessionCookie } from './auth.ts';
import type { ConsoleEnv } from './env.ts';
import { LoginPage } from './login-page.tsx';

/** Sign-in, sign-out and the language switch: the console routes that need no session. */
export function authRoutes() {
  const app = new Hono<ConsoleEnv>();

  app.get('/login', (c) => renderPage(c, <LoginPage lang={c.var.lang} next={safeNext(c.req.query('next'))} />));

  app.post('/login', async (c) => {
    const body = await c.req.parseBody();
    const secret = typeof body.apiSecret === 'string' ? body.apiSecret : '';
    const next = safeNext(typeof body.next === 'string' ? body.next : undefined);
    const signedIn = await signInWithSecret(c.var.services, secret);
    if (!signedIn) return renderPage(c, <LoginPage lang={c.var.lang} next={next} error />, 401);
    setSessionCookie(c, signedIn.token, CONSOLE_SESSION_TTL_SECONDS);
    return c.redirect(next, 303);
  });

  // Sign-out is a POST with the session and its CSRF token (checked by the caller's middleware
  // order: see routes.ts). It ends the session on the server, not only in this browser.
  app.post('/logout', async (c) => {
    await signOut(c.var.services, c.var.consoleSession);
    clearSessionCookie(c);
    return c.redirect('/console/login', 303);
  });

  // A language preference is not sensitive: a plain link sets it, even before signing in.
  app.get('/lang', (c) => {
    const to = c.req.query('to') === 'en' ? 'en' : 'ko';
    setCookie(c, LANG_COOKIE, to, { ...cookieOptions(c, 365 * 24 * 3600), httpOnly: true });
    return c.redirect(safeNext(c.req.query('next'), '/console/payments'), 303);
  });

  return app;
}
