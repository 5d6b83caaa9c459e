import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { logger } from '../../logger.ts';
import type { MountRoutes } from '../app-shell.ts';
import { pageSecurity } from '../ui/security.ts';
import { actionRoutes } from './action-routes.ts';
import { consoleLang, requireConsole, requireCsrfToken } from './auth.ts';
import { authRoutes } from './auth-routes.tsx';
import { billingConsoleRoutes } from './billing-routes.tsx';
import type { ConsoleEnv } from './env.ts';
import { renderConsoleError } from './error-page.tsx';
import { pageRoutes } from './page-routes.tsx';
import { probeConsoleRoutes } from './probe-routes.tsx';

/**
 * The sandbox console (mounted under /console). Order matters:
 * 1. security headers (CSP with no script at all, no framing, no-store) on every response;
 * 2. the language cookie;
 * 3. hono/csrf: a POST must come from this origin (Origin / Sec-Fetch-Site);
 * 4. sign-in, sign-out* and the language switch; (*sign-out checks the token itself: below)
 * 5. everything else needs a session and, for POSTs, the session's CSRF token.
 */
export function consoleRoutes() {
  const app = new Hono<ConsoleEnv>();
  app.use('*', pageSecurity('console'));
  app.use('*', consoleLang);
  app.use('*', csrf());
  app.use('/logout', requireConsole, requireCsrfToken);
  app.route('/', authRoutes());
  app.use('*', requireConsole);
  app.use('*', requireCsrfToken);
  app.route('/', pageRoutes());
  app.route('/', actionRoutes());
  app.route('/', billingConsoleRoutes());
  app.route('/', probeConsoleRoutes());
  app.all('*', (c) => renderConsoleError(c, c.var.lang ?? 'ko', 404));
  app.onError((err, c) => {
    // hono/csrf refuses a cross-origin POST with a 403 HTTPException: keep its status.
    if (err instanceof HTTPException) return err.getResponse();
    logger.error('console error', { error: err as Error, path: c.req.path });
    return renderConsoleError(c, c.var.lang ?? 'ko', 500);
  });
  return app;
}

export const mountConsoleRoutes: MountRoutes = (app) => app.route('/console', consoleRoutes());
