/**
 * The sandbox API's OpenAPI document (GET /sandbox/openapi.json) is kept true by the routes' real
 * answers: every operation it lists is called here through the typed client, over real HTTP, and
 * every answer (status and body) must be one the document declares, with no undocumented fields.
 * The client's types are generated from the same document, so a change to a route that is not
 * made to the document fails here, and a change to the document shows up in the client's types.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentClient } from '@portone/server-sdk';
import { createSandboxClient, SandboxApiError, type SandboxClient } from '../../functions/client/sandbox-client.ts';
import { SANDBOX_OPENAPI, SANDBOX_OPERATIONS } from '../../functions/http/sandbox/openapi.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';

type Json = Record<string, unknown>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

/**
 * The document with every object closed (`unevaluatedProperties: false`, which, unlike
 * additionalProperties, sees through allOf): an answer with a field the document does not
 * mention fails, so the document cannot fall behind the routes.
 */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, closed(v)])) as Json;
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined) out.unevaluatedProperties = false;
  return out;
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: 'sandbox', components: closed(SANDBOX_OPENAPI.components) });

const operations = Object.entries(SANDBOX_OPENAPI.paths).flatMap(([path, methods]) =>
  Object.entries(methods as Record<string, { responses: Record<string, { content?: { 'application/json': { schema: { $ref: string } } } }> }>).map(
    ([method, op]) => ({
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      pattern: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`),
      responses: op.responses,
    }),
  ),
);

const validators = new Map<string, ValidateFunction>();
const validatorOf = (ref: string) => {
  let v = validators.get(ref);
  if (!v) validators.set(ref, (v = ajv.compile({ $ref: `sandbox${ref}` })));
  return v;
};

interface Seen {
  operation: string;
  status: number;
  problems: string[];
}
const seen: Seen[] = [];

/** A fetch that checks each answer against the operation the request matched. */
const checkingFetch: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const method = (init?.method ?? 'GET').toUpperCase();
  const res = await fetch(input, init);
  const op = operations.find((o) => o.method === method && o.pattern.test(url.pathname));
  const problems: string[] = [];
  if (!op) problems.push(`${method} ${url.pathname} is not in the document`);
  const declared = op?.responses[String(res.status)];
  if (op && !declared) problems.push(`${op.key} answered ${res.status}, which the document does not declare`);
  const schema = declared?.content?.['application/json'].schema;
  const text = await res.clone().text();
  if (schema) {
    const validate = validatorOf(schema.$ref);
    if (!validate(JSON.parse(text))) problems.push(...(validate.errors ?? []).map((e) => `${op!.key} ${res.status}: ${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`));
  } else if (declared && text !== '') problems.push(`${op!.key} ${res.status}: a body the document does not describe`);
  seen.push({ operation: op?.key ?? `${method} ${url.pathname}`, status: res.status, problems });
  return res;
};

let sandbox: TestSandbox;
let client: SandboxClient;
let portone: ReturnType<typeof PaymentClient>;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  const store = await createSandboxClient({ baseUrl: sandbox.url, apiSecret: sandbox.store.apiSecret, fetch: checkingFetch }).stores.create({ name: 'openapi' });
  client = createSandboxClient({ baseUrl: sandbox.url, apiSecret: store.apiSecret, fetch: checkingFetch });
  // PortOne's own operations (outside this document) set up what the sandbox routes act on.
  portone = PaymentClient({ secret: store.apiSecret, baseUrl: sandbox.url });
});
afterAll(() => sandbox?.close());

const failureOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as SandboxApiError);

describe('GET /sandbox/openapi.json', () => {
  it('is served without a secret and is the document the client was generated from', async () => {
    const res = await checkingFetch(`${sandbox.url}/sandbox/openapi.json`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(SANDBOX_OPENAPI)));
  });

  it('describes every sandbox route: each operation answers as documented, with no undocumented field', async () => {
    const inicis = 'channel-key-test-inicis-v2';
    const card = { number: '4518014000000008' };
    await client.profiles();
    await client.testCards();
    await client.store.get();
    const added = await client.apiSecrets.create();
    await client.apiSecrets.list();
    await client.apiSecrets.revoke(added.secretId);
    expect((await failureOf(client.apiSecrets.revoke('no-such-secret')))?.status).toBe(404);
    await client.channels.list();
    expect((await failureOf(client.channels.create({ pgProvider: 'NAVERPAY' })))?.status).toBe(409);
    await client.signups.record('NAVERPAY');
    await client.channels.create({ pgProvider: 'NAVERPAY', name: 'naverpay test', autoRefundOverride: { kind: 'delay', seconds: 60 } });
    const live = await client.channels.create({ pgProvider: 'INICIS_V2', mode: 'LIVE_LIKE' });
    await client.channels.setMode(live.channelKey, 'TEST');
    await client.channels.setMode(live.channelKey, 'LIVE_LIKE');
    expect((await failureOf(client.channels.setMode('no-such-channel', 'TEST')))?.status).toBe(404);

    const paid = await client.payments.checkout('oas-card', { channelKey: inicis, orderName: 'oas', totalAmount: 1000, payMethod: 'CARD', card });
    expect(paid.code).toBeUndefined();
    // A refusal answers 200 with code/pgCode/pgMessage, like the browser SDK (the 잔액부족 test card).
    const declined = await client.payments.checkout('oas-declined', { channelKey: inicis, orderName: 'oas', totalAmount: 1000, payMethod: 'CARD', card: { number: '9411014000000518' } });
    expect(declined).toMatchObject({ code: 'FAILURE_TYPE_PG', pgMessage: expect.any(String) });
    await client.payments.get('oas-card');
    expect((await failureOf(client.payments.get('no-such-payment')))?.status).toBe(404);
    for (const id of ['oas-va-deposit', 'oas-va-notify']) {
      await client.payments.checkout(id, { channelKey: inicis, orderName: 'oas', totalAmount: 1000, payMethod: 'VIRTUAL_ACCOUNT', bank: 'SHINHAN' });
    }
    await client.payments.deposit('oas-va-deposit', { depositorName: '홍길동' });
    // On a live-like channel the deposit pays, and the dual view shows the mode.
    await client.payments.checkout('oas-va-live', { channelKey: live.channelKey, orderName: 'oas', totalAmount: 1000, payMethod: 'VIRTUAL_ACCOUNT', bank: 'SHINHAN' });
    expect((await client.payments.deposit('oas-va-live', {})).pg).toMatchObject({ channelMode: 'LIVE_LIKE', status: 'DEPOSIT_RECEIVED' });
    await client.payments.testDepositNotification('oas-va-notify');

    await client.timers.list({ paymentId: 'oas-card' });
    const pending = await client.timers.list({ limit: 10 });
    const timer = pending.items.find((t) => t.paymentId === 'oas-card')!;
    await client.timers.fire(timer.timerId);
    expect((await failureOf(client.timers.fire('no-such-timer')))?.status).toBe(404);
    await client.clock.get();
    await client.payments.checkout('oas-later', { channelKey: inicis, orderName: 'oas', totalAmount: 1000, payMethod: 'CARD', card });
    const advanced = await client.clock.advance({ by: 'P2D' });
    expect(advanced.fired.some((f) => f.paymentId === 'oas-later')).toBe(true);
    expect((await failureOf(client.clock.advance({ to: '2000-01-01T00:00:00Z' })))?.status).toBe(400);
    await client.payments.get('oas-later');
    const dispute = await client.disputes.open('oas-card', { reason: '카드 도용 주장' });
    await client.disputes.resolve('oas-card', dispute.pgDisputeId);
    expect((await failureOf(client.disputes.resolve('oas-card', dispute.pgDisputeId)))?.status).toBe(409);
    expect((await failureOf(client.disputes.open('no-such-payment')))?.status).toBe(404);
    for (const paymentId of ['oas-escrow-yes', 'oas-escrow-no']) {
      await portone.payInstantly({ paymentId, channelKey: inicis, orderName: 'oas', amount: { total: 1000 }, currency: 'KRW', isEscrow: true, method: { card: { credential: { ...card, expiryYear: '30', expiryMonth: '12' } } } });
    }
    expect((await failureOf(client.escrow.buyerDecision('oas-escrow-yes', 'CONFIRM')))?.status).toBe(409);
    for (const paymentId of ['oas-escrow-yes', 'oas-escrow-no']) {
      await portone.applyEscrowLogistics({ paymentId, logistics: { company: 'CJ', invoiceNumber: '1', sentAt: '2026-01-01T00:00:00Z' } });
    }
    await client.escrow.buyerDecision('oas-escrow-yes', 'CONFIRM');
    await client.escrow.buyerDecision('oas-escrow-no', 'REJECT');
    await client.escrow.confirmRejection('oas-escrow-no');
    expect((await failureOf(client.escrow.confirmRejection('oas-escrow-yes')))?.status).toBe(409);
    expect((await failureOf(client.escrow.buyerDecision('oas-card', 'REJECT')))?.status).toBe(400);
    expect((await failureOf(client.escrow.buyerDecision('oas-card', 'MAYBE' as never)))?.status).toBe(400);
    expect((await failureOf(client.escrow.confirmRejection('no-such-payment')))?.status).toBe(404);

    const promotion = await client.promotions.create({
      id: 'oas-promo',
      name: '현대카드 10% 즉시할인',
      cardCompany: 'HYUNDAI_CARD',
      discountPolicy: { partitions: [{ amountFrom: 10_000, scheme: { type: 'PERCENT', percent: 10 } }] },
      totalBudget: 100_000,
      endAt: '2099-01-01T00:00:00Z',
      recoverOption: { type: 'NO_RECOVER', spareBudget: { type: 'PERCENT', percent: 10 } },
    });
    expect(promotion).toMatchObject({ status: 'IN_PROGRESS', spentAmount: 0 });
    expect((await failureOf(client.promotions.create({ ...promotion, id: 'oas-promo' } as never)))?.status).toBe(400);
    expect((await failureOf(client.promotions.create({ id: 'oas-promo', name: 'x', cardCompany: 'BC_CARD', discountPolicy: { partitions: [{ amountFrom: 0, scheme: { type: 'AMOUNT', amount: 100 } }] }, totalBudget: 1, endAt: '2099-01-01T00:00:00Z' })))?.status).toBe(409);
    expect((await client.promotions.list()).items.map((p) => p.id)).toEqual(['oas-promo']);
    expect(await client.promotions.pause('oas-promo')).toMatchObject({ status: 'PAUSED' });
    expect(await client.promotions.resume('oas-promo')).toMatchObject({ status: 'IN_PROGRESS' });
    expect(await client.promotions.terminate('oas-promo')).toMatchObject({ status: 'TERMINATED' });
    expect((await failureOf(client.promotions.pause('oas-promo')))?.status).toBe(409);
    expect((await failureOf(client.promotions.resume('no-such-promotion')))?.status).toBe(404);
    expect((await failureOf(client.promotions.terminate('no-such-promotion')))?.status).toBe(404);

    const profile = await client.checkoutProfiles.create({ profileKey: `oas-profile-${Date.now()}`, name: '기본', methods: [{ paymentMethod: 'CARD_KR', channelKey: inicis, currencies: ['KRW'], minAmount: 100 }] });
    expect(profile).toMatchObject({ name: '기본', methods: [{ paymentMethod: 'CARD_KR', channelKey: inicis }] });
    expect((await failureOf(client.checkoutProfiles.create({ profileKey: profile.profileKey, name: 'again', methods: [{ paymentMethod: 'CARD_KR', channelKey: inicis }] })))?.status).toBe(409);
    expect((await failureOf(client.checkoutProfiles.create({ name: 'x', methods: [{ paymentMethod: 'PAY_PAL', channelKey: inicis }] })))?.status).toBe(400);
    expect((await client.checkoutProfiles.list()).items.map((p) => p.profileKey)).toEqual([profile.profileKey]);
    await client.checkoutProfiles.delete(profile.profileKey);
    expect((await failureOf(client.checkoutProfiles.delete(profile.profileKey)))?.status).toBe(404);

    await client.webhook.get();
    await client.webhook.setUrl('http://127.0.0.1:9/webhook');
    const secret = await client.webhook.addSecret();
    await client.webhook.deleteSecret(secret.id);
    await client.webhook.setNoticeUrlHosts(['shop.example']);
    await client.webhook.setChaos({ duplicate: true, delayMs: 10 });
    await client.webhook.setChaos({});
    expect(await client.webhook.setConfirmProcess(true)).toMatchObject({ confirmProcess: true });
    await client.webhook.setConfirmProcess(false);
    await client.webhook.deliveries({ limit: 5 });
    // Nothing listens on port 9: every check gets no answer, which the report must still describe.
    const probed = await client.webhook.probe({ url: 'http://127.0.0.1:9/webhook', timeoutMs: 500, settleMs: 0 });
    expect(probed).toMatchObject({ ok: false, passed: 0, total: 10 });
    expect((await failureOf(client.webhook.probe({ url: 'http://127.0.0.1:9/webhook', timeoutMs: 60_000 })))?.status).toBe(400);
    await client.webhook.setUrl(null);
    await client.faults.set({ rules: [{ id: 'slow', operation: 'get', paymentIdPrefix: 'oas-card', effect: { kind: 'latency', minMs: 1, maxMs: 5 } }], seed: 7 });
    await client.faults.get();
    await client.payments.get('oas-card'); // the sandbox view is not a PortOne operation: no fault
    expect((await failureOf(client.faults.set({ rules: [{ id: 'x', operation: 'pay', effect: { kind: 'error', status: 418 } }] } as never)))?.status).toBe(400);
    await client.faults.log({ limit: 5 });
    await client.faults.set({ rules: [] });
    expect((await failureOf(client.forStore('not-a-secret').store.get()))?.status).toBe(401);

    expect(seen.flatMap((s) => s.problems)).toEqual([]);
    const covered = new Set(seen.map((s) => s.operation));
    expect(SANDBOX_OPERATIONS.filter((op) => !covered.has(op))).toEqual([]);
  });
});
