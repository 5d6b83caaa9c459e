import { describe, expect, it } from 'vitest';
import { issueBillingKey } from '../../../functions/billing/issue-billing-key.ts';
import { SdkIssueBillingKeyRequest } from '../../../functions/checkout/billing-request.ts';
import { openBillingCheckout } from '../../../functions/checkout/open-billing-session.ts';
import { createChannel, recordSignup } from '../../../functions/stores/channels.ts';
import { card } from '../../support/cards.ts';
import { rejection, unitWorld, type UnitWorld } from '../../support/unit-services.ts';

/** PayPal billing keys (reference transactions, loadIssueBillingKeyUI PAYPAL_RT): only PayPal, only in its window. */
async function payPalChannel(w: UnitWorld): Promise<string> {
  await recordSignup(w.services, w.storeId, 'PAYPAL_V2');
  return (await createChannel(w.services, w.storeId, { pgProvider: 'PAYPAL_V2' })).channelKey;
}

const open = (w: UnitWorld, channelKey: string, billingKeyMethod: string) =>
  openBillingCheckout(w.services, {
    kind: 'ISSUE_BILLING_KEY',
    request: SdkIssueBillingKeyRequest.parse({ storeId: w.storeId, channelKey, billingKeyMethod }),
    windowType: 'POPUP',
    platform: 'PC',
    merchantOrigin: 'https://shop.example',
  });

describe('PayPal billing keys', () => {
  it('the window opens for PAYPAL on a PayPal channel only; a PayPal channel issues PAYPAL keys only', async () => {
    const w = await unitWorld();
    const paypal = await payPalChannel(w);
    expect(await open(w, paypal, 'PAYPAL')).toMatchObject({ ok: true, session: { method: 'PAYPAL' } });
    expect(await open(w, w.channelKey('INICIS_V2'), 'PAYPAL')).toMatchObject({ ok: false, code: 'BadRequest', message: expect.stringContaining('PayPal keys need a PayPal channel') });
    expect(await open(w, paypal, 'CARD')).toMatchObject({ ok: false, code: 'BadRequest', message: expect.stringContaining('a PayPal channel issues PAYPAL keys only') });
  });

  it('issueBillingKey with a card number on a PayPal channel is refused by the PG (keys only in its window)', async () => {
    const w = await unitWorld();
    const paypal = await payPalChannel(w);
    const shinhan = card('SHINHAN_CARD');
    const err = await rejection(issueBillingKey(w.services, { storeId: w.storeId, channelKey: paypal, card: { number: shinhan.number, expiryYear: '30', expiryMonth: '12' }, platformType: 'API' }));
    expect(err).toMatchObject({ type: 'PG_PROVIDER' });
  });
});
