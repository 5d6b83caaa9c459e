import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/http/app.ts';
import type { AppEnv } from '../../functions/http/env.ts';
import { createLazyApp } from '../../functions/http/lazy-app.ts';
import { loadRouteGroup, routeGroupOf, type RouteGroup } from '../../functions/http/route-groups.ts';
import type { Services } from '../../functions/services.ts';
import { unitWorld, type UnitWorld } from '../support/unit-services.ts';

const GROUPS: RouteGroup[] = ['checkout', 'console', 'sandbox', 'portone'];

/** A path a route pattern matches: parameters and wildcards filled in. */
const concrete = (pattern: string) => pattern.replace(/:[^/{]+(\{[^}]*\})?/g, 'x').replace(/\*/g, 'x');

// The api Lambda answers each request from an app holding one route group (lazy-app.ts): that is
// the full app only if every route of a group is sent to that group.
describe('route groups', () => {
  it('send every route of the full app to the group that registered it', async () => {
    const full = createApp({} as Services).routes.map((r) => `${r.method} ${r.path}`);
    const fromGroups: string[] = [];
    for (const group of GROUPS) {
      const app = new Hono<AppEnv>();
      (await loadRouteGroup[group]())(app);
      for (const route of app.routes) {
        fromGroups.push(`${route.method} ${route.path}`);
        expect({ route: route.path, group: routeGroupOf(concrete(route.path)) }).toEqual({ route: route.path, group });
      }
    }
    expect([...new Set(fromGroups)].sort()).toEqual([...new Set(full)].filter((r) => r !== 'GET /health').sort());
  });

  describe('the lazy app answers as the full app does', () => {
    let world: UnitWorld;
    let full: Hono<AppEnv>;
    let lazy: Hono<AppEnv>;
    beforeAll(async () => {
      world = await unitWorld();
      full = createApp(world.services);
      lazy = createLazyApp(world.services);
    });

    it.each([
      ['GET', '/health', false],
      ['GET', '/sdk.js', false],
      ['GET', '/checkout/no-such-window', false],
      ['GET', '/console/login', false],
      ['GET', '/console/payments', false],
      ['GET', '/sandbox/test-cards', false],
      ['GET', '/sandbox/timers', false],
      ['GET', '/sandbox/timers', true],
      ['GET', '/payments/no-such-payment', true],
      ['GET', '/payments/no-such-payment', false],
      ['GET', '/b2b/tax-invoices', true],
      ['POST', '/no-such-route', true],
    ])('%s %s (authenticated: %s)', async (method, path, auth) => {
      const init: RequestInit = { method, headers: auth ? { authorization: `PortOne ${world.store.apiSecret}` } : {} };
      const [a, b] = [await full.request(path, init), await lazy.request(path, init)];
      expect({ status: b.status, type: b.headers.get('content-type') }).toEqual({ status: a.status, type: a.headers.get('content-type') });
      if (a.headers.get('content-type')?.startsWith('application/json')) expect(await b.json()).toEqual(await a.json());
    });
  });
});
