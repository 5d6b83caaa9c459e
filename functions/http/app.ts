import { Hono } from 'hono';
import { PortOneError } from '../domain/errors.ts';
import type { Services } from '../services.ts';
import type { AppEnv } from './env.ts';
import { errorResponse } from './errors.ts';
import { portoneRoutes } from './portone/routes.ts';
import { unsupportedOperationRoutes } from './portone/unsupported-routes.ts';
import { sandboxRoutes } from './sandbox/routes.ts';
import { checkoutRoutes } from './checkout/routes.ts';
import { consoleRoutes } from './console/routes.ts';
import { healthRoutes } from './health.ts';
import { logger } from '../logger.ts';
import { limitBody } from './body-limit.ts';


/**
 * An answer given before the request body was read (a 413, missing credentials, an id refused from
 * the path) leaves the body's bytes on the socket. Node would try to drain them and, if that takes
 * too long, destroy a socket it had announced as keep-alive, so the client's next request on it
 * fails. `Connection: close` tells the client not to reuse it.
 */
function refusedUnread(raw: Request, status: number): boolean {
  if (status === 413) return true;
  const hasBody = Number(raw.headers.get('content-length') ?? 0) > 0 || raw.headers.has('transfer-encoding');
  return hasBody && !raw.bodyUsed;
}

/**
 * The whole HTTP surface, shared by the Lambda handler and the local node server. Routes only
 * parse, call a use case and shape JSON.
 */
export function createApp(services: Services): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('services', services);
    const started = Date.now();
    const raw = c.req.raw;
    await next();
    if (refusedUnread(raw, c.res.status)) c.header('connection', 'close');
    logger.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Date.now() - started,
      storeId: c.var.storeId,
      paymentId: c.req.param('paymentId'),
    });
  });
  app.use('*', limitBody);

  app.route('/', healthRoutes());
  app.route('/', checkoutRoutes());
  app.route('/console', consoleRoutes());
  app.route('/sandbox', sandboxRoutes());
  app.route('/', portoneRoutes());
  // Last: it answers only the PortOne operations that none of the routes above serve.
  app.route('/', unsupportedOperationRoutes(app.routes));

  app.notFound((c) => errorResponse(new PortOneError('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`), c));
  app.onError((err, c) => errorResponse(err, c));
  return app;
}
