import type { MountRoutes } from './app-shell.ts';

/** The route groups the api Lambda loads apart, each on its first request (lazy-app.ts). */
export type RouteGroup = 'checkout' | 'console' | 'sandbox' | 'portone';

/** `/name` itself or anything under `/name/`. */
const under = (path: string, name: string) => path === name || path.startsWith(`${name}/`);

/**
 * The one group whose routes can answer `path`: each group lives under its own prefixes and the
 * PortOne API takes the rest (test/unit/route-groups.test.ts holds every route of the full app to
 * this).
 */
export function routeGroupOf(path: string): RouteGroup {
  if (under(path, '/console')) return 'console';
  if (under(path, '/sandbox')) return 'sandbox';
  if (path === '/sdk.js' || under(path, '/checkout') || under(path, '/demo') || under(path, '/assets')) return 'checkout';
  return 'portone';
}

/**
 * The groups whose routes sign or verify with the session signing key (checkout sessions, console
 * cookies): on Lambda the key is read on their first request (handlers/signing-key.ts), so the
 * PortOne API and the sandbox routes never wait for Secrets Manager.
 */
export const signsSessions = (group: RouteGroup): boolean => group === 'checkout' || group === 'console';

/**
 * Each group's module, imported when first needed: bundled with code splitting, a group's code is
 * compiled and its zod schemas are built only when a request needs them.
 */
export const loadRouteGroup: Record<RouteGroup, () => Promise<MountRoutes>> = {
  checkout: async () => (await import('./checkout/routes.ts')).mountCheckoutRoutes,
  console: async () => (await import('./console/routes.ts')).mountConsoleRoutes,
  sandbox: async () => (await import('./sandbox/routes.ts')).mountSandboxRoutes,
  portone: async () => (await import('./portone/routes.ts')).mountPortoneRoutes,
};
