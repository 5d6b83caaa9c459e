import { Hono, type MiddlewareHandler } from 'hono';
import { PortOneError } from '../../domain/errors.ts';
import { requireStore } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { implementedRoutes, operationCoverage, unsupportedMessage } from './operation-coverage.ts';

/** `/payments/*` is already behind requireStore; other paths are authenticated here, once. */
const authenticateOnce: MiddlewareHandler<AppEnv> = (c, next) => (c.var.storeId ? next() : requireStore(c, next));

/**
 * Every operation of PortOne's OAS that no route answers gets a 501 with a type of its own
 * (operation-coverage.ts) after the usual authentication, instead of the 404 "No route" that
 * clients read as "payment not found". Built from the routes registered so far, so an operation
 * gains its real answer simply by being implemented.
 */
/** Handlers registered here, so the coverage table can tell them from real routes in a route table. */
const fallbackHandlers = new WeakSet<object>([authenticateOnce]);
export const isUnsupportedOperationHandler = (handler: object): boolean => fallbackHandlers.has(handler);

export function unsupportedOperationRoutes(registered: readonly { method: string; path: string }[]): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  for (const { op, coverage } of operationCoverage(implementedRoutes(registered))) {
    if (coverage.state === 'implemented') continue;
    const path = op.path.replace(/\{([^}]+)\}/g, ':$1');
    const answer = () => {
      throw new PortOneError(coverage.type, unsupportedMessage(op, coverage));
    };
    fallbackHandlers.add(answer);
    app.on(op.method, path, authenticateOnce, answer);
  }
  return app;
}
