import { describe, expect, it } from 'vitest';
import { confirmIssuance, failIssuance, openIssuance, submitIssuance } from '../../../functions/billing/browser-issuance.ts';
import { card } from '../../support/cards.ts';
import { RECEIVER_URL, unitWorld, type UnitWorld } from '../../support/unit-services.ts';

const shinhan = { number: card('SHINHAN_CARD').number, expiryYear: '30', expiryMonth: '12' };

async function opened(w: UnitWorld, pg = 'KCP_V2') {
  const [store, channel] = await Promise.all([w.repo.getStore(w.storeId), w.repo.getChannel(w.storeId, w.channelKey(pg))]);
  return openIssuance(w.services, { store: store!, channel: channel!, customer: {}, noticeUrls: [RECEIVER_URL], platformType: 'PC' });
}

const events = async (w: UnitWorld, billingKey: string) =>
  (await w.repo.listOutbox(w.storeId, billingKey)).map((e) => JSON.parse(e.body) as { type: string; data: Record<string, string> }).sort((a, b) => order(a.type) - order(b.type));
const order = (type: string) => ['BillingKey.Ready', 'BillingKey.Issued', 'BillingKey.Failed'].indexOf(type);
const types = async (w: UnitWorld, billingKey: string) => (await events(w, billingKey)).map((e) => e.type);

describe('BillingKey.* webhooks of a key issued in the browser', () => {
  it('Ready when the window opens, Issued once when it is submitted (a second submit or a late close changes nothing)', async () => {
    const w = await unitWorld();
    const key = await opened(w);
    expect(await types(w, key.billingKey)).toEqual(['BillingKey.Ready']);
    expect((await submitIssuance(w.services, w.storeId, key.billingKey, shinhan, { manualConfirm: false }))?.status).toBe('ISSUED');
    expect((await submitIssuance(w.services, w.storeId, key.billingKey, shinhan, { manualConfirm: false }))?.status).toBe('ISSUED');
    expect((await failIssuance(w.services, w.storeId, key.billingKey, { pgCode: 'USER_CANCEL', pgMessage: 'x' }))?.status).toBe('ISSUED');
    const sent = await events(w, key.billingKey);
    expect(sent.map((e) => e.type)).toEqual(['BillingKey.Ready', 'BillingKey.Issued']);
    for (const e of sent) expect(e.data).toEqual({ storeId: w.storeId, billingKey: key.billingKey });
  });

  it("Failed when the PG refuses (DAOU issues no keys in test) or the customer closes the window, once", async () => {
    const w = await unitWorld();
    const refused = await opened(w, 'DAOU');
    expect(await submitIssuance(w.services, w.storeId, refused.billingKey, shinhan, { manualConfirm: false })).toMatchObject({ status: 'FAILED', failure: { pgCode: expect.any(String) } });
    expect(await types(w, refused.billingKey)).toEqual(['BillingKey.Ready', 'BillingKey.Failed']);

    const closed = await opened(w);
    await failIssuance(w.services, w.storeId, closed.billingKey, { pgCode: 'USER_CANCEL', pgMessage: '사용자가 결제를 취소하였습니다' });
    await failIssuance(w.services, w.storeId, closed.billingKey, { pgCode: 'USER_CANCEL', pgMessage: '사용자가 결제를 취소하였습니다' });
    expect(await types(w, closed.billingKey)).toEqual(['BillingKey.Ready', 'BillingKey.Failed']);
  });

  it('manual confirm: nothing while PENDING, Issued when confirmed, once', async () => {
    const w = await unitWorld();
    const key = await opened(w);
    expect((await submitIssuance(w.services, w.storeId, key.billingKey, shinhan, { manualConfirm: true }))?.status).toBe('PENDING');
    expect(await types(w, key.billingKey)).toEqual(['BillingKey.Ready']);
    expect((await confirmIssuance(w.services, w.storeId, key.billingKey))?.status).toBe('ISSUED');
    expect((await confirmIssuance(w.services, w.storeId, key.billingKey))?.status).toBe('ISSUED');
    expect(await types(w, key.billingKey)).toEqual(['BillingKey.Ready', 'BillingKey.Issued']);
  });
});
