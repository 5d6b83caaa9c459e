import { Hono } from 'hono';
import type { Services } from '../services.ts';
import { buildApp } from './app-shell.ts';
import type { AppEnv } from './env.ts';
import { errorResponse } from './errors.ts';
import { loadRouteGroup, routeGroupOf, signsSessions, type RouteGroup } from './route-groups.ts';

/**
 * The HTTP surface for the api Lambda: the same app as createApp, cut by route group. A request is
 * answered by an app holding the shared middleware and its own group only (route-groups.ts says
 * which), loaded and built on the group's first request; a cold start that serves the PortOne API
 * never compiles the console's pages, the checkout window or the sandbox's admin routes.
 * `signingKeyReady`, when given, is awaited before a request to a group that signs sessions.
 */
export function createLazyApp(services: Services, opts: { signingKeyReady?: () => Promise<void> } = {}): Hono<AppEnv> {
  const apps = new Map<RouteGroup, Promise<Hono<AppEnv>>>();
  const appFor = (group: RouteGroup) => {
    let app = apps.get(group);
    if (!app) {
      app = loadRouteGroup[group]().then((mount) => buildApp(services, [mount]));
      // A failed load is tried again by the next request rather than remembered.
      app.catch(() => apps.delete(group));
      apps.set(group, app);
    }
    return app;
  };
  const outer = new Hono<AppEnv>();
  outer.all('*', async (c) => {
    const group = routeGroupOf(c.req.path);
    const [app] = await Promise.all([appFor(group), signsSessions(group) ? opts.signingKeyReady?.() : undefined]);
    return app.fetch(c.req.raw, c.env);
  });
  outer.onError((err, c) => errorResponse(err, c));
  return outer;
}
