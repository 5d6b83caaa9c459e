import { describe, expect, it } from 'vitest';
import { addWebhookSecret, deleteWebhookSecret, setWebhookChaos, setWebhookUrl } from '../../../functions/webhooks/settings.ts';
import { generateWebhookSecret, MAX_ACTIVE_SECRETS } from '../../../functions/webhooks/signing.ts';
import { beforeNext, RECEIVER_URL, rejection, unitWorld } from '../../support/unit-services.ts';

describe('webhook settings: URL', () => {
  it('setting a URL gives a store its first signing secret; clearing it keeps the secret', async () => {
    const w = await unitWorld();
    const set = await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    expect(set).toMatchObject({ url: RECEIVER_URL, maxSecrets: MAX_ACTIVE_SECRETS, chaos: {} });
    expect(set.secrets).toEqual([{ id: expect.stringMatching(/^whsecret-/), secret: expect.stringMatching(/^whsec_/), createdAt: w.clock.iso() }]);
    const cleared = await setWebhookUrl(w.services, w.storeId, null);
    expect(cleared).toMatchObject({ url: null, secrets: set.secrets });
    expect((await setWebhookUrl(w.services, w.storeId, 'https://203.0.113.8/new')).secrets).toEqual(set.secrets);
  });

  it('refuses URLs the sender must never call, naming the field', async () => {
    const w = await unitWorld();
    for (const url of ['http://169.254.169.254/latest/meta-data', 'http://127.0.0.1:8080/hook', 'ftp://203.0.113.7/x', 'https://user:pw@203.0.113.7/x', 'not a url']) {
      expect(await rejection(setWebhookUrl(w.services, w.storeId, url))).toMatchObject({ type: 'INVALID_REQUEST', message: expect.stringContaining('url') });
    }
    expect((await w.repo.getStore(w.storeId))!.webhook).toEqual({ secrets: [] });
  });

  it('accepts loopback where the runtime allows it (npm start)', async () => {
    const w = await unitWorld({ allowLoopbackWebhooks: true });
    await expect(setWebhookUrl(w.services, w.storeId, 'http://127.0.0.1:8080/hook')).resolves.toMatchObject({ url: 'http://127.0.0.1:8080/hook' });
  });

  it('answers STORE_NOT_FOUND for an unknown store', async () => {
    const w = await unitWorld();
    expect(await rejection(setWebhookUrl(w.services, 'store-nope', RECEIVER_URL))).toMatchObject({ type: 'STORE_NOT_FOUND' });
  });
});

describe('webhook settings: secrets (rotation)', () => {
  it(`adds a second secret (generated or the merchant's own) and refuses a third while ${MAX_ACTIVE_SECRETS} are active`, async () => {
    const w = await unitWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    const own = generateWebhookSecret();
    const added = await addWebhookSecret(w.services, w.storeId, own);
    expect(added).toMatchObject({ secret: own, createdAt: w.clock.iso() });
    expect(await rejection(addWebhookSecret(w.services, w.storeId))).toMatchObject({ type: 'INVALID_REQUEST', message: expect.stringContaining(`at most ${MAX_ACTIVE_SECRETS}`) });
    expect((await w.repo.getStore(w.storeId))!.webhook.secrets).toHaveLength(2);
  });

  it('refuses a secret that is not base64, and one that is already active', async () => {
    const w = await unitWorld();
    const { secrets } = await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    expect(await rejection(addWebhookSecret(w.services, w.storeId, 'not base64 !'))).toMatchObject({ type: 'INVALID_REQUEST', message: expect.stringContaining('secret') });
    expect(await rejection(addWebhookSecret(w.services, w.storeId, secrets[0]!.secret))).toMatchObject({ type: 'INVALID_REQUEST', message: expect.stringContaining('already active') });
  });

  it('deletes a secret but never the last one; an unknown id is WEBHOOK_SECRET_NOT_FOUND', async () => {
    const w = await unitWorld();
    const { secrets } = await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    expect(await rejection(deleteWebhookSecret(w.services, w.storeId, secrets[0]!.id))).toMatchObject({ type: 'INVALID_REQUEST', message: expect.stringContaining('only webhook secret') });
    const added = await addWebhookSecret(w.services, w.storeId);
    const after = await deleteWebhookSecret(w.services, w.storeId, secrets[0]!.id);
    expect(after.secrets.map((s) => s.id)).toEqual([added.id]);
    expect(await rejection(deleteWebhookSecret(w.services, w.storeId, 'whsecret-nope'))).toMatchObject({ type: 'WEBHOOK_SECRET_NOT_FOUND', status: 404 });
  });

  it('two concurrent additions to a store with one secret never leave three: one wins, the other is refused', async () => {
    const w = await unitWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    const results = await Promise.allSettled([addWebhookSecret(w.services, w.storeId), addWebhookSecret(w.services, w.storeId)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await w.repo.getStore(w.storeId))!.webhook.secrets).toHaveLength(2);
  });

  it('a settings change that loses its write is re-applied on the fresh store, keeping the other change', async () => {
    const w = await unitWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    beforeNext(w.repo, 'saveStoreWebhook', () => setWebhookChaos(w.services, w.storeId, { duplicate: true }));
    await addWebhookSecret(w.services, w.storeId);
    const { webhook } = (await w.repo.getStore(w.storeId))!;
    expect(webhook.secrets).toHaveLength(2);
    expect(webhook.chaos).toEqual({ duplicate: true });
  });

  it('never puts back a stale test clock: the settings write touches only the webhook settings', async () => {
    const w = await unitWorld();
    beforeNext(w.repo, 'saveStoreWebhook', async () => {
      await w.repo.advanceClock(w.storeId, 60_000);
    });
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    expect(await w.repo.getStore(w.storeId)).toMatchObject({ clockOffsetMs: 60_000, webhook: { url: RECEIVER_URL } });
  });
});

describe('webhook settings: chaos', () => {
  it('stores only the modes that are on; {} turns chaos off', async () => {
    const w = await unitWorld();
    const on = await setWebhookChaos(w.services, w.storeId, { duplicate: true, delayMs: 0, invalidSignature: false, outOfOrder: true });
    expect(on.chaos).toEqual({ duplicate: true, outOfOrder: true });
    expect((await w.repo.getStore(w.storeId))!.webhook.chaos).toEqual({ duplicate: true, outOfOrder: true });
    const off = await setWebhookChaos(w.services, w.storeId, {});
    expect(off.chaos).toEqual({});
    expect((await w.repo.getStore(w.storeId))!.webhook.chaos).toBeUndefined();
  });

  it("is per store: another store's chaos does not leak", async () => {
    const w = await unitWorld();
    const other = await w.newStore();
    await setWebhookChaos(w.services, other.storeId, { invalidSignature: true });
    expect((await w.repo.getStore(w.storeId))!.webhook.chaos).toBeUndefined();
  });
});
