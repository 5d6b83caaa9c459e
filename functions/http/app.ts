import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { PortOneError } from '../domain/errors.ts';
import type { Services } from '../services.ts';
import type { AppEnv } from './env.ts';
import { errorResponse } from './errors.ts';
import { portoneRoutes } from './portone/routes.ts';
import { sandboxRoutes } from './sandbox/routes.ts';
import { checkoutRoutes } from './checkout/routes.ts';
import { consoleRoutes } from './console/routes.ts';
import { healthRoutes } from './health.ts';
import { logger } from '../logger.ts';

/** Requests above this are refused before parsing: nothing PortOne accepts comes close. */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * The whole HTTP surface, shared by the Lambda handler and the local node server. Routes only
 * parse, call a use case and shape JSON.
 */
export function createApp(services: Services): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('services', services);
    const started = Date.now();
    await next();
    logger.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Date.now() - started,
      storeId: c.var.storeId,
      paymentId: c.req.param('paymentId'),
    });
  });
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json({ type: 'INVALID_REQUEST', message: `request body exceeds ${MAX_BODY_BYTES} bytes` }, 413),
    }),
  );

  app.route('/', healthRoutes());
  app.route('/', checkoutRoutes());
  app.route('/console', consoleRoutes());
  app.route('/sandbox', sandboxRoutes());
  app.route('/', portoneRoutes());

  app.notFound((c) => errorResponse(new PortOneError('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`), c));
  app.onError((err, c) => errorResponse(err, c));
  return app;
}
