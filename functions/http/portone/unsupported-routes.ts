import { Hono, type MiddlewareHandler } from 'hono';
import { PortOneError } from '../../domain/errors.ts';
import { requireStore } from '../auth.ts';
import type { AppEnv } from '../env.ts';

/** `/payments/*` is already behind requireStore; other paths are authenticated here, once. */
const authenticateOnce: MiddlewareHandler<AppEnv> = (c, next) => (c.var.storeId ? next() : requireStore(c, next));

/** Handlers registered here, so the coverage table can tell them from real routes in a route table. */
const fallbackHandlers = new WeakSet<object>();
export const isUnsupportedOperationHandler = (handler: object): boolean => fallbackHandlers.has(handler);

/**
 * Every operation of PortOne's OAS that no route answers gets a 501 with a type of its own
 * (operation-coverage.ts) after the usual authentication, instead of the 404 "No route" that
 * clients read as "payment not found". Decided from the routes registered so far, so an operation
 * gains its real answer simply by being implemented. One route takes every request no earlier
 * route answered; the table of operations (and PortOne's catalog behind it) is built on the first
 * such request, not at a cold start (docs/benchmarks.md). A path PortOne does not have goes on to
 * the 404.
 */
export function unsupportedOperationRoutes(registered: readonly { method: string; path: string }[]): Hono<AppEnv> {
  const served = registered.map(({ method, path }) => ({ method, path }));
  let table: ReturnType<typeof loadTable> | undefined;
  const loadTable = async () => (await import('./unsupported-table.ts')).unsupportedTable(served);
  const answer: MiddlewareHandler<AppEnv> = async (c, next) => {
    // A failed load is tried again by the next request rather than remembered.
    table ??= loadTable().catch((err: unknown) => {
      table = undefined;
      throw err;
    });
    const unsupported = (await table).find(c.req.method, c.req.path);
    if (!unsupported) return next();
    return authenticateOnce(c, () => {
      throw new PortOneError(unsupported.type, unsupported.message);
    });
  };
  fallbackHandlers.add(answer);
  const app = new Hono<AppEnv>();
  app.all('*', answer);
  return app;
}
