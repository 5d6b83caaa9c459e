import type { Hono } from 'hono';
import type { Services } from '../services.ts';
import type { AppEnv } from './env.ts';
import { buildApp } from './app-shell.ts';
import { mountCheckoutRoutes } from './checkout/routes.ts';
import { mountConsoleRoutes } from './console/routes.ts';
import { mountSandboxRoutes } from './sandbox/routes.ts';
import { mountPortoneRoutes } from './portone/routes.ts';

/**
 * The whole HTTP surface with every route group loaded, for the local node server, the docs and
 * the tests. The api Lambda loads each group on its first request instead (lazy-app.ts). Routes
 * only parse, call a use case and shape JSON.
 */
export function createApp(services: Services): Hono<AppEnv> {
  return buildApp(services, [mountCheckoutRoutes, mountConsoleRoutes, mountSandboxRoutes, mountPortoneRoutes]);
}
