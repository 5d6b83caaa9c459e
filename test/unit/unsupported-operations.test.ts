import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/http/app.ts';
import { PORTONE_OPERATIONS } from '../../functions/http/portone/catalog.ts';
import fixture from '../fixtures/portone-v2-openapi.json' with { type: 'json' };
import { unitWorld, type UnitWorld } from '../support/unit-services.ts';

// Every operation of PortOne's OAS must get an answer a client can act on: its real one, or a 501
// whose type names why there is none. A 404 "No route" reads as "your payment does not exist".
describe('PortOne operations the sandbox does not serve', () => {
  let world: UnitWorld;
  let app: ReturnType<typeof createApp>;
  const call = (method: string, path: string, auth = true) =>
    app.request(path, {
      method,
      headers: { ...(auth ? { authorization: `PortOne ${world.store.apiSecret}` } : {}), 'content-type': 'application/json' },
      ...(method === 'GET' ? {} : { body: '{}' }),
    });
  const concrete = (path: string) => path.replace(/\{[^}]+\}/g, 'sandbox-probe-id');

  beforeAll(async () => {
    world = await unitWorld();
    app = createApp(world.services);
  });

  it.each([
    ['GET', '/b2b/tax-invoices', 'B2B_NOT_SIMULATED', 'getB2bTaxInvoices'],
    ['POST', '/b2b/companies/business-info', 'B2B_NOT_SIMULATED', 'getB2bBusinessInfos'],
    ['GET', '/platform/partners/partner-1', 'PLATFORM_NOT_SIMULATED', 'getPlatformPartner'],
    ['GET', '/payment-reconciliations/transactions/vat-report', 'RECONCILIATION_NOT_SIMULATED', 'getPaymentReconciliationTransactionVatReport'],
  ])('%s %s answers 501 %s naming %s', async (method, path, type, operationId) => {
    const res = await call(method, path);
    expect(res.status).toBe(501);
    const body = (await res.json()) as { type: string; message: string };
    expect(body.type).toBe(type);
    expect(body.message).toContain(operationId);
  });

  it('asks for credentials first, like every PortOne operation', async () => {
    expect((await call('GET', '/b2b/tax-invoices', false)).status).toBe(401);
    expect((await call('POST', '/payments/p-1/capture', false)).status).toBe(401);
  });

  // The fixture holds the operations the sandbox serves: each one the OAS secures must ask for credentials.
  it('every served operation the OAS secures answers 401 UNAUTHORIZED without credentials', async () => {
    type FixtureOperation = { operationId?: string; security?: unknown[] };
    const secured = Object.entries(fixture.paths as Record<string, Record<string, FixtureOperation>>).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method, op]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method) && (op.security?.length ?? 0) > 0)
        .map(([method, op]) => ({ method: method.toUpperCase(), path, operationId: op.operationId })),
    );
    expect(secured.length).toBeGreaterThan(30);
    const answers = await Promise.all(secured.map(async (op) => ({ ...op, status: (await call(op.method, concrete(op.path), false)).status })));
    expect(answers.filter((a) => a.status !== 401).map((a) => `${a.method} ${a.path} (${a.operationId}): ${a.status}`)).toEqual([]);
  });

  it('no operation of the OAS falls through to "No route", and none answers 5xx other than 501', async () => {
    const answers = await Promise.all(
      PORTONE_OPERATIONS.map(async (op) => {
        const res = await call(op.method, concrete(op.path));
        const body = (await res.json()) as { type?: string };
        return { op: `${op.method} ${op.path}`, status: res.status, type: body.type };
      }),
    );
    expect(answers.filter((a) => a.type === 'NOT_FOUND')).toEqual([]);
    expect(answers.filter((a) => a.status >= 500 && a.status !== 501)).toEqual([]);
    // The payment operations the sandbox serves still answer with their own errors.
    expect(answers.find((a) => a.op === 'GET /payments/{paymentId}')).toMatchObject({ status: 404, type: 'PAYMENT_NOT_FOUND' });
  });

  it("the catalog holds every operation of the OAS fixture, with the fixture's operationId", () => {
    const inFixture = Object.entries(fixture.paths as Record<string, Record<string, { operationId?: string }>>).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`),
    );
    const inCatalog = new Set(PORTONE_OPERATIONS.map((op) => `${op.method} ${op.path} ${op.operationId}`));
    expect(inFixture.filter((key) => !inCatalog.has(key))).toEqual([]);
  });

  it('a path PortOne does not have is still 404 NOT_FOUND', async () => {
    const res = await call('GET', '/no-such-portone-path');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { type: string }).type).toBe('NOT_FOUND');
  });
});
