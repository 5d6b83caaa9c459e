import { describe, expect, it } from 'vitest';
import { bankOptions, cardOptions, defaultCard, easyPayOptions } from '../../functions/checkout/choices.ts';
import { SdkPaymentRequest, toApiCustomer, toCustomDataString } from '../../functions/checkout/payment-request.ts';
import { failedAtPg, redirectTarget, succeeded } from '../../functions/checkout/payment-response.ts';
import { refundSummary, testModeNotes } from '../../functions/checkout/test-mode-notes.ts';
import { userCancelCode } from '../../functions/checkout/user-cancel.ts';
import { getProfile } from '../../functions/domain/profiles/index.ts';

const profile = (pg: string) => getProfile(pg)!;
const base = { storeId: 's', paymentId: 'p', orderName: 'o', totalAmount: 1000, payMethod: 'card' };

describe('the browser SDK request', () => {
  it('accepts both currency spellings and ignores fields it does not simulate', () => {
    const parsed = SdkPaymentRequest.parse({ ...base, currency: 'CURRENCY_KRW', bypass: { inicis: {} }, appScheme: 'x://' });
    expect(parsed.currency).toBe('KRW');
    expect(parsed.payMethod).toBe('CARD');
    expect(SdkPaymentRequest.safeParse({ ...base, currency: 'KOREAN_WON' }).success).toBe(false);
    expect(SdkPaymentRequest.safeParse({ ...base, currency: 'KRW', redirectUrl: 'javascript:alert(1)' }).success).toBe(false);
    expect(SdkPaymentRequest.safeParse({ ...base, currency: 'KRW', totalAmount: 10.5 }).success).toBe(false);
  });

  it('maps the SDK customer and customData to PortOne\'s API shapes', () => {
    expect(toApiCustomer({ customerId: 'c1', lastName: '홍', firstName: '길동', email: 'a@b.c' })).toEqual({ id: 'c1', name: '홍 길동', email: 'a@b.c' });
    expect(toCustomDataString({ a: 1 })).toBe('{"a":1}');
    expect(toCustomDataString('raw')).toBe('raw');
    expect(toCustomDataString(undefined)).toBeUndefined();
  });
});

describe('the window\'s answer', () => {
  it('carries PortOne\'s fields and keeps the merchant\'s own query on redirect', () => {
    expect(succeeded('p', 't')).toEqual({ transactionType: 'PAYMENT', paymentId: 'p', txId: 't' });
    const failed = failedAtPg('p', 't', 'INI051', '거절');
    expect(failed).toMatchObject({ code: 'FAILURE_TYPE_PG', message: '[INI051] 거절', pgCode: 'INI051', pgMessage: '거절' });
    const url = new URL(redirectTarget('https://shop.example/done?order=7', failed));
    expect(url.searchParams.get('order')).toBe('7');
    expect(url.searchParams.get('code')).toBe('FAILURE_TYPE_PG');
    expect(url.searchParams.get('pgMessage')).toBe('거절');
  });

  it('uses TossPayments\' published user-cancel code, USER_CANCEL elsewhere', () => {
    expect(userCancelCode('TOSSPAYMENTS')).toBe('PAY_PROCESS_CANCELED');
    expect(userCancelCode('INICIS_V2')).toBe('USER_CANCEL');
  });
});

describe('test-mode notes and choices follow the profile', () => {
  it('words the three kinds of PG', () => {
    expect(refundSummary(true, profile('INICIS_V2').autoRefund.value, 'en')).toBe('real withdrawal, voided 23:00–23:50 KST');
    expect(refundSummary(false, profile('KCP_V2').autoRefund.value, 'en')).toBe('no withdrawal (success answer only)');
    expect(refundSummary(true, profile('PAYMENTWALL').autoRefund.value, 'en')).toBe('real withdrawal, refund by hand');
    expect(testModeNotes(profile('INICIS_V2'), {}, 'ko', 'EASY_PAY').join(' ')).toContain('자동 환불되지 않습니다');
    expect(testModeNotes(profile('INICIS_V2'), { autoRefundOverride: { kind: 'delay', seconds: 120 } }, 'en').join(' ')).toContain('120 s');
  });

  it('marks the cards, banks and providers this PG refuses', () => {
    const inicis = cardOptions(profile('INICIS_V2'), 10_000);
    expect(inicis.find((o) => o.card.issuer === 'KOOKMIN_CARD')?.expected).toMatchObject({ approved: false, pgCode: 'INI051' });
    expect(inicis.find((o) => o.number === defaultCard(inicis))?.expected).toEqual({ approved: true });
    // Eximbay accepts only its published cards: they come first and the default is one of them.
    const eximbay = cardOptions(profile('EXIMBAY_V2'), 10_000);
    expect(eximbay.find((o) => o.number === defaultCard(eximbay))?.card.published).toBeTruthy();
    expect(bankOptions(profile('SMARTRO_V2'), 10_000).find((b) => b.code === 'K_BANK')?.expected.approved).toBe(false);
    expect(easyPayOptions(profile('KAKAOPAY'), 10_000).map((o) => o.code)).toEqual(['KAKAOPAY']);
  });
});
