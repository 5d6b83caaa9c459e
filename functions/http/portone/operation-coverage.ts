import type { ErrorType } from '../../domain/errors.ts';
import { PORTONE_OPERATIONS, type PortOneOperation } from './catalog.ts';

/**
 * PortOne products outside payments that the sandbox does not simulate (they are separate
 * contracts at PortOne). Each has its own error type, so a caller can never mistake the answer for
 * a `*_NOT_FOUND` about its data. Matched by path prefix: the OAS files a few of their operations
 * under other categories (e.g. `platform.company` for `/b2b/companies/business-info`).
 */
const UNSIMULATED_PRODUCTS = [
  { prefix: '/b2b/', type: 'B2B_NOT_SIMULATED', product: 'B2B 세금계산서 (tax invoices, counterparties)' },
  { prefix: '/platform/', type: 'PLATFORM_NOT_SIMULATED', product: '파트너 정산 자동화 (platform settlement)' },
  { prefix: '/payment-reconciliations/', type: 'RECONCILIATION_NOT_SIMULATED', product: '거래 대사 (reconciliation)' },
] as const satisfies readonly { prefix: string; type: ErrorType; product: string }[];

/** Where one PortOne operation stands in the sandbox. */
export type Coverage =
  | { readonly state: 'implemented' }
  | { readonly state: 'not-simulated'; readonly type: ErrorType; readonly product: string }
  | { readonly state: 'not-implemented'; readonly type: ErrorType };

/** `/payments/{paymentId}` and `/payments/:paymentId` both become `/payments/{}`. */
export const routeShape = (path: string): string => path.replace(/\{[^}]+\}|:[^/]+/g, '{}');

export const routeKey = (method: string, path: string): string => `${method.toUpperCase()} ${routeShape(path)}`;

export function coverageOf(op: PortOneOperation, implemented: ReadonlySet<string>): Coverage {
  if (implemented.has(routeKey(op.method, op.path))) return { state: 'implemented' };
  const product = UNSIMULATED_PRODUCTS.find((p) => op.path.startsWith(p.prefix));
  if (product) return { state: 'not-simulated', type: product.type, product: product.product };
  return { state: 'not-implemented', type: 'NOT_IMPLEMENTED_IN_SANDBOX' };
}

/** Method + route shape of every real route of an app (middleware registrations excluded). */
export function implementedRoutes(routes: readonly { method: string; path: string }[]): Set<string> {
  return new Set(routes.filter((r) => r.method !== 'ALL').map((r) => routeKey(r.method, r.path)));
}

/** Every operation of PortOne's API with where it stands, in the catalog's order. */
export function operationCoverage(implemented: ReadonlySet<string>): { op: PortOneOperation; coverage: Coverage }[] {
  return PORTONE_OPERATIONS.map((op) => ({ op, coverage: coverageOf(op, implemented) }));
}

/** The answer's message names the operation, so a log line says exactly what was called. */
export function unsupportedMessage(op: PortOneOperation, coverage: Exclude<Coverage, { state: 'implemented' }>): string {
  const what = `${op.operationId} (${op.method} ${op.path}, ${op.title})`;
  return coverage.state === 'not-simulated'
    ? `pg-sandbox does not simulate PortOne's ${coverage.product} product: ${what} has no sandbox answer.`
    : `pg-sandbox does not implement ${what} yet; see the coverage table in docs/api.md.`;
}
