import type { ErrorType } from '../../domain/errors.ts';
import { implementedRoutes, operationCoverage, unsupportedMessage } from './operation-coverage.ts';

/** One PortOne operation no route serves, and its 501 answer. */
interface Unsupported {
  readonly method: string;
  /** The OAS path template as a pattern: each `{param}` is one path segment, as in a Hono route. */
  readonly path: RegExp;
  readonly type: ErrorType;
  readonly message: string;
}

/** What `find` finds: the answer for one request to an operation no route serves. */
export interface UnsupportedAnswer {
  readonly type: ErrorType;
  readonly message: string;
}

/**
 * Every operation of PortOne's OAS (catalog.ts) that none of `registered` serves, and the request
 * that names one. Loaded on the first request no route answered (unsupported-routes.ts), so the
 * catalog is not compiled by a cold start that serves a real route.
 */
export function unsupportedTable(registered: readonly { method: string; path: string }[]): { find(method: string, path: string): UnsupportedAnswer | undefined } {
  const table: Unsupported[] = [];
  for (const { op, coverage } of operationCoverage(implementedRoutes(registered))) {
    if (coverage.state === 'implemented') continue;
    const pattern = op.path.replaceAll('.', '\\.').replace(/\{[^}]+\}/g, '[^/]+');
    table.push({ method: op.method, path: new RegExp(`^${pattern}$`), type: coverage.type, message: unsupportedMessage(op, coverage) });
  }
  return {
    // A HEAD request is routed as a GET (Hono's rule for every route).
    find: (method, path) => {
      const wanted = method === 'HEAD' ? 'GET' : method;
      return table.find((u) => u.method === wanted && u.path.test(path));
    },
  };
}
