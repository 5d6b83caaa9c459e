// The OAS validator is only worth something if it can fail: each case below
// is a mistake a handler could plausibly make.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  documentedStatuses,
  expectResponseMatches,
  OAS_VERSION,
  OpenApiMismatchError,
  schemaErrors,
  validateSchema,
} from '../support/openapi.ts';

const at = '2025-01-15T05:30:00Z';

function paidPayment(): Record<string, unknown> {
  return {
    status: 'PAID',
    id: 'order-1',
    transactionId: '0195a2b3-0000-7000-8000-000000000001',
    merchantId: 'merchant-sandbox',
    storeId: 'store-sandbox',
    method: {
      type: 'PaymentMethodCard',
      card: { issuer: 'SHINHAN_CARD', publisher: 'SHINHAN_CARD', brand: 'LOCAL', type: 'CREDIT', ownerType: 'PERSONAL', bin: '45182011', name: '신한카드', number: '451820******1234' },
      approvalNumber: '30012345',
      installment: { month: 0, isInterestFree: false },
    },
    channel: { type: 'TEST', id: 'channel-1', key: 'channel-key-1', name: 'KG이니시스 테스트', pgProvider: 'INICIS_V2', pgMerchantId: 'INIpayTest' },
    version: 'V2',
    requestedAt: at,
    updatedAt: at,
    statusChangedAt: at,
    orderName: '테스트 주문',
    amount: { total: 1000, taxFree: 0, vat: 91, supply: 909, discount: 0, paid: 1000, cancelled: 0, cancelledTaxFree: 0 },
    currency: 'KRW',
    customer: {},
    origin: { platformType: 'PC', ipAddress: '127.0.0.1' },
    paidAt: at,
    pgTxId: 'StdpayCARDINIpayTest20250115143000123456',
    disputes: [],
  };
}

function failedPayment(): Record<string, unknown> {
  const { paidAt: _p, pgTxId: _t, disputes: _d, method: _m, ...rest } = paidPayment();
  return { ...rest, status: 'FAILED', failedAt: at, failure: { reason: '카드 한도 초과', pgCode: 'V013', pgMessage: '한도초과' } };
}

function without(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _omitted, ...rest } = value;
  return rest;
}

describe('OpenAPI fixture', () => {
  it('is the committed subset, with the OAS version it was cut from', () => {
    const doc = JSON.parse(readFileSync(new URL('../fixtures/portone-v2-openapi.json', import.meta.url), 'utf8')) as {
      info: { version: string };
    };
    expect(doc.info.version).toBe(OAS_VERSION);
    expect(OAS_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  // Compiling every schema of PortOne's document: seconds on a quiet machine, over 20 s on a loaded one.
  it('compiles every component schema it contains', () => {
    const doc = JSON.parse(readFileSync(new URL('../fixtures/portone-v2-openapi.json', import.meta.url), 'utf8')) as {
      components: { schemas: Record<string, unknown> };
    };
    for (const name of Object.keys(doc.components.schemas)) {
      expect(() => schemaErrors(name, null), name).not.toThrow();
    }
  }, 60_000);
});

describe('validateSchema', () => {
  it('accepts a complete PAID payment as Payment and as PaidPayment', () => {
    expect(schemaErrors('Payment', paidPayment())).toEqual([]);
    expect(() => validateSchema('PaidPayment', paidPayment())).not.toThrow();
  });

  it('rejects a PAID payment without paidAt, pointing at the missing field', () => {
    expect(() => validateSchema('Payment', without(paidPayment(), 'paidAt'))).toThrow(/required property 'paidAt'/);
  });

  it('rejects a PAID payment without disputes (PaidPayment requires it, READY does not)', () => {
    expect(schemaErrors('Payment', without(paidPayment(), 'disputes'))).toEqual([
      "(root) must have required property 'disputes'",
    ]);
  });

  it('checks a FAILED payment against FailedPayment: failure is required', () => {
    expect(schemaErrors('Payment', failedPayment())).toEqual([]);
    expect(() => validateSchema('Payment', without(failedPayment(), 'failure'))).toThrow(/required property 'failure'/);
  });

  it('rejects an unknown status instead of trying every variant', () => {
    const errors = schemaErrors('Payment', { ...paidPayment(), status: 'COMPLETED' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/tag "status".*"COMPLETED"/);
  });

  it('pins a variant to its tag when validated directly', () => {
    expect(schemaErrors('PaidPayment', { ...paidPayment(), status: 'READY' }).join('\n')).toMatch(/\/status.*\["PAID"\]/);
  });

  it('validates nested unions (method) by their own discriminator', () => {
    const payment = { ...paidPayment(), method: { type: 'PaymentMethodCardd' } };
    expect(schemaErrors('Payment', payment).join('\n')).toMatch(/\/method value of tag "type"/);
  });

  it('checks formats: date-time needs a zone, int64 must be an integer, enums hold', () => {
    expect(schemaErrors('Payment', { ...paidPayment(), paidAt: '2025-01-15 05:30:00' })).toEqual([
      '/paidAt must match format "date-time"',
    ]);
    expect(schemaErrors('Payment', { ...paidPayment(), paidAt: '2025-01-15T05:30:00' })).toHaveLength(1);
    const amount = { ...(paidPayment()['amount'] as object), total: 1000.5 };
    expect(schemaErrors('Payment', { ...paidPayment(), amount }).join('\n')).toMatch(/\/amount\/total must be integer/);
    expect(schemaErrors('Payment', { ...paidPayment(), currency: 'WON' }).join('\n')).toMatch(/\/currency must be equal to one of/);
  });

  it('allows unknown properties by default (as PortOne does) and rejects them on request', () => {
    const typo = { ...without(paidPayment(), 'pgTxId'), pgTxID: 'x' };
    expect(schemaErrors('Payment', typo)).toEqual([]);
    expect(schemaErrors('Payment', typo, { rejectUnknownProperties: true })).toEqual([
      '(root) must NOT have additional properties: "pgTxID"',
    ]);
    expect(schemaErrors('Payment', paidPayment(), { rejectUnknownProperties: true })).toEqual([]);
  });

  it('refuses a schema name the fixture does not have', () => {
    expect(() => validateSchema('NoSuchSchema', {})).toThrow(OpenApiMismatchError);
  });
});

describe('expectResponseMatches', () => {
  it('accepts PAYMENT_NOT_FOUND as the 404 of GET /payments/{paymentId}', () => {
    expect(() =>
      expectResponseMatches('get', '/payments/{paymentId}', 404, { type: 'PAYMENT_NOT_FOUND', message: 'x' }),
    ).not.toThrow();
  });

  it('accepts a PAID payment as the 200 of GET /payments/{paymentId}', () => {
    expect(() => expectResponseMatches('get', '/payments/{paymentId}', 200, paidPayment())).not.toThrow();
  });

  it('rejects a PG_PROVIDER 502 from cancel without pgCode', () => {
    const body = { type: 'PG_PROVIDER', message: '기 취소 거래', pgMessage: '기 취소 거래' };
    let error: unknown;
    try {
      expectResponseMatches('post', '/payments/{paymentId}/cancel', 502, body);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OpenApiMismatchError);
    expect((error as OpenApiMismatchError).errors).toEqual(["(root) must have required property 'pgCode'"]);
    expect((error as Error).message).toContain('POST /payments/{paymentId}/cancel → 502');
    expect(() =>
      expectResponseMatches('post', '/payments/{paymentId}/cancel', 502, { ...body, pgCode: 'F113' }),
    ).not.toThrow();
  });

  it('rejects an error type sent with a status other than its documented one', () => {
    expect(() =>
      expectResponseMatches('post', '/payments/{paymentId}/cancel', 400, { type: 'PAYMENT_ALREADY_CANCELLED' }),
    ).toThrow(/PAYMENT_ALREADY_CANCELLED .* HTTP 409, not 400/);
  });

  it('rejects an error type the operation does not declare', () => {
    expect(() =>
      expectResponseMatches('get', '/payments/{paymentId}', 409, { type: 'ALREADY_PAID', message: 'x' }),
    ).toThrow(/HTTP 409 is not documented/);
    expect(() =>
      expectResponseMatches('get', '/payments/{paymentId}', 404, { type: 'CHANNEL_NOT_FOUND', message: 'x' }),
    ).toThrow(/tag "type"/);
  });

  it('rejects an undocumented status, naming the documented ones', () => {
    expect(() => expectResponseMatches('get', '/payments/{paymentId}', 500, { type: 'INTERNAL' })).toThrow(
      /HTTP 500 is not documented .*200, 400, 401, 403, 404/,
    );
    expect(() => expectResponseMatches('post', '/payments/{paymentId}/cancel', 413, { type: 'INVALID_REQUEST' })).toThrow(
      /HTTP 413 is not documented/,
    );
  });

  it('rejects unknown paths and methods with a pointer to the extraction script', () => {
    expect(() => expectResponseMatches('get', '/platform/partners', 200, {})).toThrow(/extract-openapi-fixture/);
    expect(() => expectResponseMatches('delete', '/payments/{paymentId}', 200, {})).toThrow(/no DELETE/);
  });

  it('validates list and empty-object responses', () => {
    expect(() =>
      expectResponseMatches('get', '/payments', 200, { items: [paidPayment(), failedPayment()], page: { number: 0, size: 10, totalCount: 2 } }),
    ).not.toThrow();
    expect(() =>
      expectResponseMatches('get', '/payments', 200, { items: [without(paidPayment(), 'paidAt')], page: { number: 0, size: 10, totalCount: 1 } }),
    ).toThrow(/\/items\/0 must have required property 'paidAt'/);
    expect(() => expectResponseMatches('post', '/payments/{paymentId}/pre-register', 200, {})).not.toThrow();
    expect(() =>
      expectResponseMatches('post', '/payments/{paymentId}/pre-register', 200, { ok: true }, { rejectUnknownProperties: true }),
    ).toThrow(/additional properties: "ok"/);
  });

  it('lists the documented statuses of an operation', () => {
    expect(documentedStatuses('post', '/payments/{paymentId}/cancel')).toEqual([200, 400, 401, 403, 404, 409, 502]);
    expect(documentedStatuses('post', '/payments/{paymentId}/pre-register')).toEqual([200, 400, 401, 403, 409]);
  });
});
