import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import type { MountRoutes } from '../app-shell.ts';
import { assetRoutes } from '../ui/assets.ts';
import { billingWindowRoutes } from './billing-routes.tsx';
import { pageSecurity } from '../ui/security.ts';
import { demoRoutes } from './demo-routes.tsx';
import { identityWindowRoutes } from './identity-window-routes.tsx';
import { renderWindowFailure } from './result-page.tsx';
import { SDK_JS } from './sdk-script.ts';
import { sessionRoutes } from './session-routes.ts';
import { hostedSessionRoutes } from './hosted-session-routes.tsx';
import { windowRoutes } from './window-routes.tsx';
import { logger } from '../../logger.ts';

/**
 * Browser side, mounted at the root: GET /sdk.js (the PortOne SDK stand-in), the hosted checkout
 * window under /checkout/, the demo shop under /demo, and the pages' static files under /assets/.
 * Middleware is registered per path, never '*': this app shares the root with the PortOne API.
 */
export function checkoutRoutes() {
  const app = new Hono<AppEnv>();

  app.use('/sdk.js', pageSecurity('script'));
  app.get('/sdk.js', (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    // Merchant pages may load it with crossorigin="anonymous" (for SRI).
    c.header('Access-Control-Allow-Origin', '*');
    return c.body(SDK_JS);
  });

  app.use('/checkout/*', pageSecurity('checkout'));
  app.route('/', sessionRoutes());
  app.route('/', windowRoutes());
  app.route('/', billingWindowRoutes());
  app.route('/', identityWindowRoutes());
  app.route('/', hostedSessionRoutes());
  app.route('/', demoRoutes());
  app.route('/', assetRoutes());

  // A window that breaks says so on a page (it is a browser window), not in PortOne's JSON.
  app.onError((err, c) => {
    logger.error('checkout error', { error: err as Error, path: c.req.path });
    if (c.req.path === '/checkout/sessions' || c.req.path === '/checkout/billing-sessions' || c.req.path === '/checkout/identity-verification/sessions') return c.json({ code: 'Unavailable', message: 'pg-sandbox could not open the window; nothing was charged.' }, 503);
    return renderWindowFailure(c);
  });
  return app;
}

/** Mounted at the root (route-groups.ts sends /sdk.js, /checkout, /demo and /assets here). */
export const mountCheckoutRoutes: MountRoutes = (app) => app.route('/', checkoutRoutes());
