import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { CHECKOUT_JS, RESULT_JS } from '../checkout/window-scripts.ts';
import { DEMO_JS } from '../checkout/demo-script.ts';
import { pageSecurity } from './security.ts';
import { UI_CSS } from './styles.ts';

/**
 * Static files of the pages (GET /assets/<name>). They are strings in the bundle, not files on
 * disk, so the Lambda needs nothing beside its one module. Pages link them with `?v=<hash>`, so a
 * changed file is never served stale from a browser cache.
 */
const FILES: Record<string, { type: string; body: string }> = {
  'ui.css': { type: 'text/css; charset=utf-8', body: UI_CSS },
  'checkout.js': { type: 'text/javascript; charset=utf-8', body: CHECKOUT_JS },
  'checkout-result.js': { type: 'text/javascript; charset=utf-8', body: RESULT_JS },
  'demo.js': { type: 'text/javascript; charset=utf-8', body: DEMO_JS },
};

const VERSION = Object.fromEntries(
  Object.entries(FILES).map(([name, f]) => [name, createHash('sha256').update(f.body).digest('hex').slice(0, 10)]),
);

/** The URL a page links: `/assets/ui.css?v=…`. */
export const assetUrl = (name: 'ui.css' | 'checkout.js' | 'checkout-result.js' | 'demo.js') => `/assets/${name}?v=${VERSION[name]}`;

export function assetRoutes() {
  const app = new Hono<AppEnv>();
  app.use('/assets/*', pageSecurity('asset'));
  app.get('/assets/:name', (c) => {
    const file = FILES[c.req.param('name')];
    if (!file) return c.text('not found', 404);
    c.header('Content-Type', file.type);
    return c.body(file.body);
  });
  return app;
}
