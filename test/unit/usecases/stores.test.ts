import { describe, expect, it } from 'vitest';
import { PROFILES } from '../../../functions/domain/profiles/index.ts';
import { createChannel, recordSignup } from '../../../functions/stores/channels.ts';
import { addApiSecret, createStore } from '../../../functions/stores/create-store.ts';
import { resetStoreData } from '../../../functions/stores/reset-store.ts';
import { seedStore, seededChannelKey } from '../../../functions/stores/seed.ts';
import { login, refresh } from '../../../functions/stores/tokens.ts';
import { advanceClock, readClock } from '../../../functions/timers/test-clock.ts';
import { setWebhookUrl } from '../../../functions/webhooks/settings.ts';
import { payByCard } from '../../support/unit-requests.ts';
import { beforeNext, RECEIVER_URL, rejection, unitWorld } from '../../support/unit-services.ts';

describe('createStore and seedStore (POST /sandbox/stores)', () => {
  it('seeds one test channel per PG that needs no signup, under deterministic keys, and an API secret that logs in', async () => {
    const w = await unitWorld();
    const expected = PROFILES.filter((p) => !(p.signup.value.required && p.signup.value.features.length === 0)).map((p) => p.pgProvider);
    expect(w.store.channels.map((c) => c.pgProvider).sort()).toEqual([...expected].sort());
    expect(w.store.channels.map((c) => c.pgProvider)).not.toContain('NAVERPAY');
    for (const c of w.store.channels) expect(c.channelKey).toBe(seededChannelKey(c.pgProvider));
    expect(w.store.channels.find((c) => c.pgProvider === 'INICIS_V2')).toMatchObject({ type: 'TEST', pgMerchantId: 'INIpayTest' });
    expect(await w.repo.listChannels(w.storeId)).toHaveLength(expected.length);
    const tokens = await login(w.services, w.store.apiSecret);
    expect(tokens.accessToken).not.toBe(tokens.refreshToken);
  });

  it('gives every store its own id, merchant id and secret, with its test clock on the wall clock', async () => {
    const w = await unitWorld();
    const other = await w.newStore();
    expect(other.storeId).not.toBe(w.storeId);
    expect(other.apiSecret).not.toBe(w.store.apiSecret);
    const [a, b] = [await w.repo.getStore(w.storeId), await w.repo.getStore(other.storeId)];
    expect(a!.merchantId).not.toBe(b!.merchantId);
    expect(a).toMatchObject({ clockOffsetMs: 0, signups: [], webhook: { secrets: [] }, createdAt: w.clock.iso() });
  });

  it('re-seeding a store keeps its channels and honours a fixed secret (restart of npm start, a deployment)', async () => {
    const w = await unitWorld();
    const again = await seedStore(w.services, { storeId: w.storeId, apiSecret: w.store.apiSecret });
    expect(again.apiSecret).toBe(w.store.apiSecret);
    expect(again.channels.map((c) => c.id)).toEqual(w.store.channels.map((c) => c.id));
    expect(await w.repo.listChannels(w.storeId)).toHaveLength(w.store.channels.length);
    await expect(login(w.services, w.store.apiSecret)).resolves.toBeDefined();
  });

  it('re-creating an existing store without a secret hands out a new one; the old one keeps working', async () => {
    const w = await unitWorld();
    const again = await createStore(w.services, { storeId: w.storeId });
    expect(again.apiSecret).not.toBe(w.store.apiSecret);
    expect(again.store.storeId).toBe(w.storeId);
    await expect(login(w.services, again.apiSecret)).resolves.toBeDefined();
    await expect(login(w.services, w.store.apiSecret)).resolves.toBeDefined();
  });

  it("refuses a fixed secret that already belongs to another store", async () => {
    const w = await unitWorld();
    await expect(createStore(w.services, { apiSecret: w.store.apiSecret })).rejects.toThrow();
  });

  it('addApiSecret rotates: both secrets log in to the same store', async () => {
    const w = await unitWorld();
    const added = await addApiSecret(w.services, w.storeId);
    expect(added.apiSecret).not.toBe(w.store.apiSecret);
    expect(added.createdAt).toBe(w.clock.iso());
    await expect(login(w.services, added.apiSecret)).resolves.toBeDefined();
    await expect(login(w.services, w.store.apiSecret)).resolves.toBeDefined();
  });
});

describe('channels and signups', () => {
  it('adds a test channel with the shared test MID, a chosen key and an auto-refund override', async () => {
    const w = await unitWorld();
    const channel = await createChannel(w.services, w.storeId, {
      pgProvider: 'INICIS_V2',
      channelKey: 'my-inicis',
      autoRefundOverride: { kind: 'delay', seconds: 120 },
    });
    expect(channel).toMatchObject({ storeId: w.storeId, channelKey: 'my-inicis', pgProvider: 'INICIS_V2', pgMerchantId: 'INIpayTest', type: 'TEST', name: expect.stringContaining('테스트') });
    expect(await w.repo.getChannel(w.storeId, 'my-inicis')).toEqual(channel);
  });

  it('refuses a channel key that exists (CONFLICT) and an unknown PG (INVALID_REQUEST)', async () => {
    const w = await unitWorld();
    const taken = w.channelKey('KCP_V2');
    expect(await rejection(createChannel(w.services, w.storeId, { pgProvider: 'KCP_V2', channelKey: taken }))).toMatchObject({ type: 'CONFLICT' });
    expect(await rejection(createChannel(w.services, w.storeId, { pgProvider: 'NO_SUCH_PG' }))).toMatchObject({ type: 'INVALID_REQUEST', message: expect.stringContaining('pgProvider') });
  });

  it('NAVERPAY needs its 가입신청 recorded before a test channel; recording it twice changes nothing', async () => {
    const w = await unitWorld();
    const refused = await rejection(createChannel(w.services, w.storeId, { pgProvider: 'NAVERPAY' }));
    expect(refused).toMatchObject({ type: 'SIGNUP_REQUIRED', status: 409, message: expect.stringContaining('가입신청') });
    expect(await w.repo.listChannels(w.storeId)).toHaveLength(w.store.channels.length);
    expect(await recordSignup(w.services, w.storeId, 'NAVERPAY')).toEqual(['NAVERPAY']);
    expect(await recordSignup(w.services, w.storeId, 'NAVERPAY')).toEqual(['NAVERPAY']);
    await expect(createChannel(w.services, w.storeId, { pgProvider: 'NAVERPAY' })).resolves.toMatchObject({ pgProvider: 'NAVERPAY' });
  });

  it('a signup belongs to one store', async () => {
    const w = await unitWorld();
    const other = await w.newStore();
    await recordSignup(w.services, w.storeId, 'PAYMENTWALL');
    expect(await rejection(createChannel(w.services, other.storeId, { pgProvider: 'PAYMENTWALL' }))).toMatchObject({ type: 'SIGNUP_REQUIRED' });
  });

  it('answers STORE_NOT_FOUND for a store that does not exist', async () => {
    const w = await unitWorld();
    expect(await rejection(createChannel(w.services, 'store-nope', { pgProvider: 'KCP_V2' }))).toMatchObject({ type: 'STORE_NOT_FOUND', status: 404 });
    expect(await rejection(recordSignup(w.services, 'store-nope', 'NAVERPAY'))).toMatchObject({ type: 'STORE_NOT_FOUND' });
    expect(await rejection(recordSignup(w.services, w.storeId, 'NOPE'))).toMatchObject({ type: 'INVALID_REQUEST' });
  });
});

describe('tokens (loginViaApiSecret, refreshToken)', () => {
  it('refuses a wrong API secret with UNAUTHORIZED', async () => {
    const w = await unitWorld();
    expect(await rejection(login(w.services, `${w.store.apiSecret}x`))).toMatchObject({ type: 'UNAUTHORIZED', status: 401 });
  });

  it('a refresh token works once and gives a new pair for the same store', async () => {
    const w = await unitWorld();
    const first = await login(w.services, w.store.apiSecret);
    const second = await refresh(w.services, first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(await rejection(refresh(w.services, first.refreshToken))).toMatchObject({ type: 'UNAUTHORIZED' });
    await expect(refresh(w.services, second.refreshToken)).resolves.toBeDefined();
  });

  it('two racing refreshes with one token: exactly one wins', async () => {
    const w = await unitWorld();
    const { refreshToken } = await login(w.services, w.store.apiSecret);
    const results = await Promise.allSettled([refresh(w.services, refreshToken), refresh(w.services, refreshToken)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('refuses an access token used as a refresh token, and a refresh token after its day (wall clock)', async () => {
    const w = await unitWorld();
    const tokens = await login(w.services, w.store.apiSecret);
    expect(await rejection(refresh(w.services, tokens.accessToken))).toMatchObject({ type: 'UNAUTHORIZED' });
    w.clock.advance(24 * 3600 * 1000 - 1000);
    const fresh = await login(w.services, w.store.apiSecret);
    w.clock.advance(1000);
    expect(await rejection(refresh(w.services, tokens.refreshToken))).toMatchObject({ type: 'UNAUTHORIZED' });
    await expect(refresh(w.services, fresh.refreshToken)).resolves.toBeDefined();
  });

  it('the store test clock does not age tokens (they live on the wall clock)', async () => {
    const w = await unitWorld();
    const tokens = await login(w.services, w.store.apiSecret);
    await advanceClock(w.services, w.storeId, { by: 'P7D' });
    await expect(refresh(w.services, tokens.refreshToken)).resolves.toBeDefined();
  });
});

describe('resetStoreData', () => {
  it('deletes payments, timers and deliveries and their schedules; keeps secrets, channels, webhook settings and the clock', async () => {
    const w = await unitWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    await payByCard(w, 'pay-1', { pg: 'INICIS_V2' });
    await payByCard(w, 'pay-2', { pg: 'NICE_V2' });
    await advanceClock(w.services, w.storeId, { by: 'PT1H' });
    expect(w.scheduler.live.size).toBe(2);
    const other = await w.newStore();

    const report = await resetStoreData(w.services, w.storeId);
    expect(report).toEqual({ deletedItems: 2 + 2 + 2, unscheduledTimers: 2, clockReset: false });
    expect(w.scheduler.live.size).toBe(0);
    expect(await w.repo.getPayment(w.storeId, 'pay-1')).toBeUndefined();
    expect(await w.repo.listPaymentTimers(w.storeId, 'pay-1')).toEqual([]);
    expect(await w.repo.listOutbox(w.storeId, 'pay-1')).toEqual([]);
    expect(await w.repo.countPayments(w.storeId)).toBe(0);
    expect((await w.repo.getStore(w.storeId))!.webhook.url).toBe(RECEIVER_URL);
    expect((await readClock(w.services, w.storeId)).offsetMs).toBe(3600_000);
    expect(await w.repo.listChannels(w.storeId)).toHaveLength(w.store.channels.length);
    await expect(login(w.services, w.store.apiSecret)).resolves.toBeDefined();
    // The same paymentId can be paid again after a reset.
    await expect(payByCard(w, 'pay-1', { pg: 'INICIS_V2' })).resolves.toMatchObject({ status: 'PAID' });
    expect(await w.repo.getStore(other.storeId)).toBeDefined();
  });

  it("leaves other stores' data alone", async () => {
    const w = await unitWorld();
    const other = await w.newStore();
    await payByCard(w, 'mine', { pg: 'INICIS_V2' });
    await payByCard({ ...w, storeId: other.storeId, channelKey: (pg) => seededChannelKey(pg) }, 'theirs', { pg: 'INICIS_V2' });
    await resetStoreData(w.services, w.storeId);
    expect(await w.repo.getPayment(other.storeId, 'theirs')).toBeDefined();
    expect(w.scheduler.live.size).toBe(1);
  });

  it('resetClock puts the test clock back on the wall clock, retrying a concurrent store change', async () => {
    const w = await unitWorld();
    await advanceClock(w.services, w.storeId, { by: 'P1D' });
    beforeNext(w.repo, 'saveStore', () => setWebhookUrl(w.services, w.storeId, RECEIVER_URL));
    const report = await resetStoreData(w.services, w.storeId, { resetClock: true });
    expect(report.clockReset).toBe(true);
    const store = await w.repo.getStore(w.storeId);
    expect(store).toMatchObject({ clockOffsetMs: 0, webhook: { url: RECEIVER_URL } });
    expect((await readClock(w.services, w.storeId)).now).toBe(w.clock.iso());
  });

  it('a failed schedule deletion does not stop the reset (an escaped schedule finds no timer)', async () => {
    const w = await unitWorld();
    await payByCard(w, 'pay-1', { pg: 'INICIS_V2' });
    w.scheduler.failNext('unschedule');
    const report = await resetStoreData(w.services, w.storeId);
    expect(report.unscheduledTimers).toBe(1);
    expect(await w.repo.getPayment(w.storeId, 'pay-1')).toBeUndefined();
  });

  it('answers STORE_NOT_FOUND for an unknown store', async () => {
    const w = await unitWorld();
    expect(await rejection(resetStoreData(w.services, 'store-nope'))).toMatchObject({ type: 'STORE_NOT_FOUND' });
  });
});
