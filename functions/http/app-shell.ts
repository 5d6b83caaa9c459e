import { Hono } from 'hono';
import { PortOneError } from '../domain/errors.ts';
import type { Services } from '../services.ts';
import type { AppEnv } from './env.ts';
import { errorResponse } from './errors.ts';
import { healthRoutes } from './health.ts';
import { logger } from '../logger.ts';
import { limitBody } from './body-limit.ts';

/** Adds one group of routes (checkout, console, sandbox, PortOne: route-groups.ts) to the app. */
export type MountRoutes = (app: Hono<AppEnv>) => void;

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
 * What every request goes through whichever routes answer it: the services, the request log line,
 * the body limit, `/health`, PortOne's JSON for "no route" and for anything thrown. `mounts` add
 * the route groups, in order.
 */
export function buildApp(services: Services, mounts: readonly MountRoutes[]): Hono<AppEnv> {
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
  for (const mount of mounts) mount(app);

  app.notFound((c) => errorResponse(new PortOneError('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`), c));
  app.onError((err, c) => errorResponse(err, c));
  return app;
}
