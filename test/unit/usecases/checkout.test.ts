import { describe, expect, it } from 'vitest';
import { bankOptions, cardOptions } from '../../../functions/checkout/choices.ts';
import { completeCheckout, type CheckoutChoice } from '../../../functions/checkout/complete-payment.ts';
import { openCheckoutSession, type OpenCheckoutInput } from '../../../functions/checkout/open-session.ts';
import { SdkPaymentRequest } from '../../../functions/checkout/payment-request.ts';
import { openSession } from '../../../functions/checkout/session.ts';
import { cancelCheckout, USER_CANCEL_MESSAGE } from '../../../functions/checkout/user-cancel.ts';
import { getProfile } from '../../../functions/domain/profiles/index.ts';
import { preRegisterPayment } from '../../../functions/payments/pre-register.ts';
import { setWebhookUrl } from '../../../functions/webhooks/settings.ts';
import { card, declineCard } from '../../support/cards.ts';
import { payByCard } from '../../support/unit-requests.ts';
import { beforeNext, outboxInOrder, RECEIVER_URL, unitWorld, type UnitWorld } from '../../support/unit-services.ts';

/** What the SDK shim posts when the merchant page calls `PortOne.requestPayment`, parsed as the route parses it. */
function opening(w: UnitWorld, paymentId: string, request: Record<string, unknown> = {}, extra: Partial<OpenCheckoutInput> = {}): OpenCheckoutInput {
  return {
    request: SdkPaymentRequest.parse({
      storeId: w.storeId,
      paymentId,
      orderName: '체크아웃 주문',
      totalAmount: 15_000,
      currency: 'CURRENCY_KRW',
      payMethod: 'CARD',
      channelKey: w.channelKey('INICIS_V2'),
      customer: { fullName: '홍길동', email: 'buyer@example.com' },
      customData: { cart: 42 },
      ...request,
    }),
    windowType: 'IFRAME',
    platform: 'PC',
    merchantOrigin: 'https://shop.example',
    pageUrl: 'https://shop.example/checkout',
    ipAddress: '203.0.113.50',
    userAgent: 'unit-test',
    ...extra,
  };
}

async function open(w: UnitWorld, paymentId: string, request: Record<string, unknown> = {}) {
  const opened = await openCheckoutSession(w.services, opening(w, paymentId, request));
  if (!opened.ok) throw new Error(`${opened.code}: ${opened.message}`);
  return opened;
}

const shinhan: CheckoutChoice = { kind: 'CARD', number: card('SHINHAN_CARD').number, expiryMonth: '12', expiryYear: '30' };
const client = { ipAddress: '203.0.113.50', userAgent: 'unit-test' };

describe('openCheckoutSession (the payment window opens)', () => {
  it('creates the payment READY with the request data, queues Transaction.Ready and seals a session the window can open', async () => {
    const w = await unitWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    const { token, session } = await open(w, 'co-1');
    const ready = (await w.repo.getPayment(w.storeId, 'co-1'))!;
    expect(ready).toMatchObject({
      status: 'READY',
      transactionId: session.txId,
      orderName: '체크아웃 주문',
      currency: 'KRW',
      amount: { total: 15_000 },
      customer: { name: '홍길동', email: 'buyer@example.com' },
      customData: '{"cart":42}',
      origin: { platformType: 'PC', ipAddress: '203.0.113.50', url: 'https://shop.example/checkout' },
    });
    expect((await w.repo.listOutbox(w.storeId, 'co-1')).map((e) => e.type)).toEqual(['Transaction.Ready']);
    expect(session).toMatchObject({ paymentId: 'co-1', amount: { total: 15_000 }, payMethod: 'CARD', merchantOrigin: 'https://shop.example', lang: 'ko' });
    expect(openSession(w.services, token)).toEqual({ ok: true, session });
    w.clock.advance(30 * 60_000);
    expect(openSession(w.services, token)).toMatchObject({ ok: false, reason: 'expired' });
  });

  it.each([
    ['a payMethod the browser SDK does not have', { payMethod: 'CRYPTO' }, {}, 'payMethod'],
    ['no channelKey', { channelKey: undefined }, {}, 'channelKey'],
    ['a channel group', { channelKey: undefined, channelGroupId: 'grp' }, {}, 'channelGroupId'],
    ['tax-free above the total', { taxFreeAmount: 20_000 }, {}, 'taxFreeAmount'],
    ['VAT above the taxable amount', { taxFreeAmount: 10_000, vatAmount: 6_000 }, {}, 'vatAmount'],
    ['REDIRECTION without redirectUrl', {}, { windowType: 'REDIRECTION' as const, platform: 'MOBILE' as const }, 'redirectUrl'],
    ['an unknown page origin', {}, { merchantOrigin: undefined }, 'origin'],
  ])('refuses %s with BadRequest before writing anything', async (_, request, extra, field) => {
    const w = await unitWorld();
    const opened = await openCheckoutSession(w.services, opening(w, 'co-1', request, extra));
    expect(opened).toMatchObject({ ok: false, code: 'BadRequest', status: 400, message: expect.stringContaining(field) });
    expect(await w.repo.getPayment(w.storeId, 'co-1')).toBeUndefined();
  });

  it('answers StoreNotFound and ChannelNotFound (404)', async () => {
    const w = await unitWorld();
    expect(await openCheckoutSession(w.services, opening(w, 'co-1', { storeId: 'store-nope' }))).toMatchObject({ ok: false, code: 'StoreNotFound', status: 404 });
    expect(await openCheckoutSession(w.services, opening(w, 'co-1', { channelKey: 'nope' }))).toMatchObject({ ok: false, code: 'ChannelNotFound', status: 404 });
  });

  it('refuses a paid paymentId (PaymentAlreadyPaid) and an amount other than the pre-registered one', async () => {
    const w = await unitWorld();
    await payByCard(w, 'paid');
    expect(await openCheckoutSession(w.services, opening(w, 'paid'))).toMatchObject({ ok: false, code: 'PaymentAlreadyPaid', status: 409 });
    await preRegisterPayment(w.services, w.storeId, 'pre', { totalAmount: 9_000 });
    expect(await openCheckoutSession(w.services, opening(w, 'pre'))).toMatchObject({ ok: false, code: 'AmountNotEqualToPredefined', status: 409 });
    await expect(open(w, 'pre', { totalAmount: 9_000 })).resolves.toMatchObject({ ok: true });
  });

  it('a window opened again replaces the transaction; two opening at once: one is Aborted', async () => {
    const w = await unitWorld();
    const first = await open(w, 'co-1');
    const second = await open(w, 'co-1');
    expect(second.session.txId).not.toBe(first.session.txId);
    beforeNext(w.repo, 'commitPayment', () => open(w, 'co-1'));
    expect(await openCheckoutSession(w.services, opening(w, 'co-1'))).toMatchObject({ ok: false, code: 'Aborted', status: 409 });
  });
});

describe('completeCheckout (the tester presses pay)', () => {
  it('pays the session amount through the PG profile and answers the SDK success shape', async () => {
    const w = await unitWorld();
    const { session } = await open(w, 'co-1');
    const outcome = await completeCheckout(w.services, session, shinhan, client);
    expect(outcome).toEqual({ kind: 'done', response: { transactionType: 'PAYMENT', paymentId: 'co-1', txId: session.txId } });
    const paid = (await w.repo.getPayment(w.storeId, 'co-1'))!;
    expect(paid).toMatchObject({ status: 'PAID', transactionId: session.txId, amount: { paid: 15_000 }, customData: '{"cart":42}', customer: { name: '홍길동' } });
    expect(await w.repo.listPaymentTimers(w.storeId, 'co-1')).toHaveLength(1); // INICIS voids it tonight
    // A double submit repeats the answer; it does not pay twice.
    expect(await completeCheckout(w.services, session, shinhan, client)).toEqual(outcome);
    expect((await w.repo.getPayment(w.storeId, 'co-1'))!.version).toBe(paid.version);
  });

  it('a PG refusal is FAILURE_TYPE_PG with the PG code and message; the payment is FAILED', async () => {
    const w = await unitWorld();
    const { session } = await open(w, 'co-1');
    const poor: CheckoutChoice = { ...shinhan, number: declineCard('INSUFFICIENT_BALANCE').number };
    const outcome = await completeCheckout(w.services, session, poor, client);
    expect(outcome).toMatchObject({ kind: 'done', response: { code: 'FAILURE_TYPE_PG', pgMessage: '잔액부족', message: expect.stringContaining('잔액부족'), txId: session.txId } });
    expect((await w.repo.getPayment(w.storeId, 'co-1'))!.status).toBe('FAILED');
  });

  it('asks again for input the window itself refuses: not a card number, a bad expiry, another method', async () => {
    const w = await unitWorld();
    const { session } = await open(w, 'co-1');
    expect(await completeCheckout(w.services, session, { ...shinhan, number: '1234' }, client)).toMatchObject({ kind: 'retry', field: 'cardNumber' });
    expect(await completeCheckout(w.services, session, { ...shinhan, expiryMonth: '13' }, client)).toMatchObject({ kind: 'retry', field: 'expiry' });
    expect(await completeCheckout(w.services, session, { kind: 'EASY_PAY', provider: 'KAKAOPAY' }, client)).toMatchObject({ kind: 'retry', field: 'method' });
    expect((await w.repo.getPayment(w.storeId, 'co-1'))!.status).toBe('READY');
  });

  it('issues a virtual account and pays by easy pay when the session says so', async () => {
    const w = await unitWorld();
    const va = await open(w, 'va', { payMethod: 'VIRTUAL_ACCOUNT', virtualAccount: { accountExpiry: { validHours: 2 } } });
    expect(await completeCheckout(w.services, va.session, { kind: 'VIRTUAL_ACCOUNT', bank: 'UNKNOWN' }, client)).toMatchObject({ kind: 'retry' });
    await completeCheckout(w.services, va.session, { kind: 'VIRTUAL_ACCOUNT', bank: 'SHINHAN' }, client);
    expect(await w.repo.getPayment(w.storeId, 'va')).toMatchObject({ status: 'VIRTUAL_ACCOUNT_ISSUED', method: { expiredAt: new Date(w.clock.now() + 2 * 3600_000).toISOString() } });
    const ep = await open(w, 'ep', { payMethod: 'EASY_PAY', channelKey: w.channelKey('KAKAOPAY') });
    await completeCheckout(w.services, ep.session, { kind: 'EASY_PAY', provider: 'KAKAOPAY' }, client);
    expect(await w.repo.getPayment(w.storeId, 'ep')).toMatchObject({ status: 'PAID', method: { provider: 'KAKAOPAY' } });
  });

  it('pays by transfer, 휴대폰결제 (알뜰폰 included) and 상품권 in PortOne\'s PaymentMethod shapes; per-PG test facts refuse with the PG code', async () => {
    const w = await unitWorld();
    const transfer = await open(w, 'tr', { payMethod: 'TRANSFER' });
    await completeCheckout(w.services, transfer.session, { kind: 'TRANSFER', bank: 'WOORI' }, client);
    expect(await w.repo.getPayment(w.storeId, 'tr')).toMatchObject({ status: 'PAID', method: { type: 'PaymentMethodTransfer', bank: 'WOORI' }, pg: { withdrawn: true, methodKind: 'TRANSFER' } });

    const mobile = await open(w, 'mo', { payMethod: 'MOBILE', channelKey: w.channelKey('DANAL'), mobile: { carrier: 'CARRIER_HELLO' } });
    expect(mobile.session.carrier).toBe('HELLO');
    expect(await completeCheckout(w.services, mobile.session, { kind: 'MOBILE', carrier: 'HELLO', phoneNumber: '02-123' }, client)).toMatchObject({ kind: 'retry', field: 'phoneNumber' });
    await completeCheckout(w.services, mobile.session, { kind: 'MOBILE', carrier: 'HELLO', phoneNumber: '010-1234-5678' }, client);
    expect(await w.repo.getPayment(w.storeId, 'mo')).toMatchObject({ status: 'PAID', method: { type: 'PaymentMethodMobile', phoneNumber: '01012345678' } });

    const gift = await open(w, 'gc', { payMethod: 'GIFT_CERTIFICATE', channelKey: w.channelKey('KCP_V2'), giftCertificate: { giftCertificateType: 'CULTURE_GIFT' } });
    await completeCheckout(w.services, gift.session, { kind: 'GIFT_CERTIFICATE', giftCertificateType: 'CULTURE_GIFT' }, client);
    expect(await w.repo.getPayment(w.storeId, 'gc')).toMatchObject({ status: 'PAID', method: { type: 'PaymentMethodGiftCertificate', giftCertificateType: 'CULTUREGIFT' }, pg: { withdrawn: false } });

    // NICE: no KT 휴대폰결제 in test. KSNET: 실시간 계좌이체 is not testable. Danal: no transfer in test.
    const kt = await open(w, 'kt', { payMethod: 'MOBILE', channelKey: w.channelKey('NICE_V2') });
    expect(await completeCheckout(w.services, kt.session, { kind: 'MOBILE', carrier: 'KT', phoneNumber: '010-1234-5678' }, client)).toMatchObject({
      kind: 'done',
      response: { code: 'FAILURE_TYPE_PG', pgCode: 'NICE054', pgMessage: '테스트 환경에서 지원하지 않는 통신사입니다(KT)' },
    });
    for (const pg of ['KSNET', 'DANAL']) {
      const refused = await open(w, `tr-${pg}`, { payMethod: 'TRANSFER', channelKey: w.channelKey(pg) });
      const outcome = await completeCheckout(w.services, refused.session, { kind: 'TRANSFER', bank: 'WOORI' }, client);
      expect(outcome).toMatchObject({ kind: 'done', response: { code: 'FAILURE_TYPE_PG', pgMessage: '테스트 환경에서 지원하지 않는 결제수단입니다(계좌이체)' } });
    }
  });

  it('an older window after a newer one opened is InvalidEntityState; a deleted payment is PaymentNotFound', async () => {
    const w = await unitWorld();
    const old = await open(w, 'co-1');
    await open(w, 'co-1');
    expect(await completeCheckout(w.services, old.session, shinhan, client)).toMatchObject({ kind: 'done', response: { code: 'InvalidEntityState' } });
    expect((await w.repo.getPayment(w.storeId, 'co-1'))!.status).toBe('READY');
    await w.repo.deleteStoreItems(w.storeId, ['PAYMENT']);
    expect(await completeCheckout(w.services, old.session, shinhan, client)).toMatchObject({ kind: 'done', response: { code: 'PaymentNotFound' } });
  });

  it('a payment paid meanwhile through the API answers PaymentAlreadyPaid', async () => {
    const w = await unitWorld();
    const { session } = await open(w, 'co-1');
    // The window reads READY (first read); the API pays it before approvePayment reads it again.
    beforeNext(w.repo, 'getPayment', async () => beforeNext(w.repo, 'getPaymentContext', () => payByCard(w, 'co-1', { pg: 'INICIS_V2', total: 15_000 })));
    const outcome = await completeCheckout(w.services, session, shinhan, client);
    expect(outcome).toMatchObject({ kind: 'done', response: { code: 'PaymentAlreadyPaid' } });
  });
});

describe('the window’s promise: each option ends as the window says it will', () => {
  it.each(['INICIS_V2', 'NICE_V2', 'KCP_V2', 'EXIMBAY_V2'])('%s: every test card is approved or refused with the code shown next to it', async (pg) => {
    const w = await unitWorld();
    const options = cardOptions(getProfile(pg)!, 15_000);
    for (const [i, option] of options.entries()) {
      const { session } = await open(w, `card-${i}`, { channelKey: w.channelKey(pg) });
      const outcome = await completeCheckout(w.services, session, { ...shinhan, number: option.number }, client);
      if (outcome.kind !== 'done') throw new Error(`the window refused ${option.number}: ${outcome.message}`);
      if (option.expected.approved) expect(outcome.response.code, option.number).toBeUndefined();
      else expect(outcome.response, option.number).toMatchObject({ code: 'FAILURE_TYPE_PG', pgCode: option.expected.pgCode, pgMessage: option.expected.pgMessage });
    }
  });

  it('SMARTRO_V2: every bank is issued or refused as shown', async () => {
    const w = await unitWorld();
    for (const [i, option] of bankOptions(getProfile('SMARTRO_V2')!, 15_000).entries()) {
      const { session } = await open(w, `va-${i}`, { channelKey: w.channelKey('SMARTRO_V2'), payMethod: 'VIRTUAL_ACCOUNT' });
      const outcome = await completeCheckout(w.services, session, { kind: 'VIRTUAL_ACCOUNT', bank: option.code }, client);
      expect(outcome.kind === 'done' && outcome.response.code === undefined, option.code).toBe(option.expected.approved);
    }
  });
});

describe('cancelCheckout (the customer closes the window)', () => {
  it('ends the attempt FAILED with the PG cancel code, queues Transaction.Failed, and the paymentId can be paid again', async () => {
    const w = await unitWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    const { session } = await open(w, 'co-1');
    w.clock.advance(1_000);
    const answer = await cancelCheckout(w.services, session);
    expect(answer).toEqual({ transactionType: 'PAYMENT', paymentId: 'co-1', txId: session.txId, code: 'FAILURE_TYPE_PG', message: `[USER_CANCEL] ${USER_CANCEL_MESSAGE}`, pgCode: 'USER_CANCEL', pgMessage: USER_CANCEL_MESSAGE });
    expect(await w.repo.getPayment(w.storeId, 'co-1')).toMatchObject({ status: 'FAILED', failure: { pgCode: 'USER_CANCEL', pgMessage: USER_CANCEL_MESSAGE } });
    expect((await outboxInOrder(w, 'co-1')).map((e) => e.type)).toEqual(['Transaction.Ready', 'Transaction.Failed']);
    const again = await open(w, 'co-1');
    expect((await completeCheckout(w.services, again.session, shinhan, client)).kind).toBe('done');
    expect((await w.repo.getPayment(w.storeId, 'co-1'))!.status).toBe('PAID');
  });

  it('TossPayments answers its own code, PAY_PROCESS_CANCELED', async () => {
    const w = await unitWorld();
    const { session } = await open(w, 'co-1', { channelKey: w.channelKey('TOSSPAYMENTS') });
    expect(await cancelCheckout(w.services, session)).toMatchObject({ pgCode: 'PAY_PROCESS_CANCELED' });
  });

  it('a close after the payment finished repeats the result instead; closing twice changes nothing', async () => {
    const w = await unitWorld();
    const { session } = await open(w, 'co-1');
    await completeCheckout(w.services, session, shinhan, client);
    expect(await cancelCheckout(w.services, session)).toEqual({ transactionType: 'PAYMENT', paymentId: 'co-1', txId: session.txId });
    expect((await w.repo.getPayment(w.storeId, 'co-1'))!.status).toBe('PAID');

    const other = await open(w, 'co-2');
    await cancelCheckout(w.services, other.session);
    const failed = (await w.repo.getPayment(w.storeId, 'co-2'))!;
    await cancelCheckout(w.services, other.session);
    expect((await w.repo.getPayment(w.storeId, 'co-2'))!.version).toBe(failed.version);
  });

  it('a close racing the pay: the close re-reads and answers the payment’s success', async () => {
    const w = await unitWorld();
    const { session } = await open(w, 'co-1');
    beforeNext(w.repo, 'commitPayment', () => completeCheckout(w.services, session, shinhan, client));
    expect(await cancelCheckout(w.services, session)).toEqual({ transactionType: 'PAYMENT', paymentId: 'co-1', txId: session.txId });
    expect((await w.repo.getPayment(w.storeId, 'co-1'))!.status).toBe('PAID');
  });
});
