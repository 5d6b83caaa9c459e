import { describe, expect, it } from 'vitest';
import { cancelCashReceipt } from '../../../functions/cash-receipts/cancel-cash-receipt.ts';
import { cashReceiptWindowOf } from '../../../functions/checkout/cash-receipt-window.ts';
import { testModeNotes } from '../../../functions/checkout/test-mode-notes.ts';
import { getProfile } from '../../../functions/domain/profiles/index.ts';
import { cashReceiptRequestOf, isCashReceiptIdentity } from '../../../functions/domain/cash-receipt.ts';
import { approvePayment } from '../../../functions/payments/approve.ts';
import { cancelPayment } from '../../../functions/payments/cancel-payment.ts';
import { presentPayment } from '../../../functions/payments/present.ts';
import { notifyTestDeposit } from '../../../functions/payments/virtual-account.ts';
import { createChannel } from '../../../functions/stores/channels.ts';
import { payRequest } from '../../support/unit-requests.ts';
import { unitWorld, type UnitWorld } from '../../support/unit-services.ts';

const personal = { type: 'PERSONAL', customerIdentityNumber: '010-1234-5678' } as const;
const shown = async (w: UnitWorld, paymentId: string) => presentPayment((await w.repo.getPayment(w.storeId, paymentId))!);
const transfer = (w: UnitWorld, paymentId: string, o: { cashReceipt?: typeof personal } = { cashReceipt: personal }) =>
  approvePayment(w.services, payRequest(w, paymentId, { kind: 'TRANSFER', bank: 'SHINHAN', cashReceipt: o.cashReceipt }, { pg: 'INICIS_V2', total: 11_000 }));

describe('cash receipts requested with the payment (현금영수증 발급 요청)', () => {
  it('a transfer that asks for one is issued it at approval: the receipt (isManual false) and the payment\'s cashReceipt, in one write', async () => {
    const w = await unitWorld();
    await transfer(w, 'tr-1');
    const receipt = await w.repo.getCashReceipt(w.storeId, 'tr-1');
    expect(receipt).toMatchObject({ status: 'ISSUED', isManual: false, type: 'PERSONAL', amount: 11_000, vatAmount: 1_000, taxFreeAmount: 0, customerIdentityNumber: '010-1234-5678', issuedAt: w.clock.iso() });
    expect((await shown(w, 'tr-1')).cashReceipt).toEqual({
      status: 'ISSUED',
      type: 'PERSONAL',
      pgReceiptId: receipt!.pgReceiptId,
      issueNumber: receipt!.issueNumber,
      totalAmount: 11_000,
      taxFreeAmount: 0,
      currency: 'KRW',
      url: receipt!.url,
      issuedAt: w.clock.iso(),
    });
  });

  it('a virtual account that asks for one is issued it with the deposit, not before', async () => {
    const w = await unitWorld();
    await approvePayment(w.services, payRequest(w, 'va-1', { kind: 'VIRTUAL_ACCOUNT', bank: 'SHINHAN', validHours: 24, cashReceipt: { type: 'CORPORATE', customerIdentityNumber: '1234567890' } }, { pg: 'INICIS_V2', total: 20_000 }));
    expect(await w.repo.getCashReceipt(w.storeId, 'va-1')).toBeUndefined();
    expect((await shown(w, 'va-1')).cashReceipt).toBeUndefined();
    w.clock.advance(60_000);
    await notifyTestDeposit(w.services, w.storeId, 'va-1');
    expect(await w.repo.getCashReceipt(w.storeId, 'va-1')).toMatchObject({ status: 'ISSUED', type: 'CORPORATE', amount: 20_000, issuedAt: w.clock.iso() });
    expect((await shown(w, 'va-1')).cashReceipt).toMatchObject({ status: 'ISSUED', type: 'CORPORATE', totalAmount: 20_000 });
  });

  it('a full cancel cancels it on both sides; a partial cancel leaves it issued for the amount it was issued for', async () => {
    const w = await unitWorld();
    await transfer(w, 'tr-1');
    w.clock.advance(1_000);
    await cancelPayment(w.services, w.storeId, 'tr-1', { amount: 1_000, reason: '부분' });
    expect((await shown(w, 'tr-1')).cashReceipt).toMatchObject({ status: 'ISSUED', totalAmount: 11_000 });
    w.clock.advance(1_000);
    await cancelPayment(w.services, w.storeId, 'tr-1', { reason: '전체' });
    expect(await w.repo.getCashReceipt(w.storeId, 'tr-1')).toMatchObject({ status: 'CANCELLED', cancelledAt: w.clock.iso() });
    expect((await shown(w, 'tr-1')).cashReceipt).toMatchObject({ status: 'CANCELLED', cancelledAt: w.clock.iso(), totalAmount: 11_000 });
  });

  it('cancelCashReceiptByPaymentId on such a receipt changes the payment\'s cashReceipt too; the payment stays PAID', async () => {
    const w = await unitWorld();
    await transfer(w, 'tr-1');
    w.clock.advance(1_000);
    await cancelCashReceipt(w.services, w.storeId, 'tr-1');
    expect(await shown(w, 'tr-1')).toMatchObject({ status: 'PAID', cashReceipt: { status: 'CANCELLED', cancelledAt: w.clock.iso() } });
  });

  it('a PG that issues no receipts in test (토스페이먼츠, profile data) pays without one; its live-like channel issues it', async () => {
    const w = await unitWorld();
    const pay = (paymentId: string, channelKey: string) => approvePayment(w.services, payRequest(w, paymentId, { kind: 'TRANSFER', bank: 'SHINHAN', cashReceipt: personal }, { channelKey }));
    expect(await pay('toss-test', w.channelKey('TOSSPAYMENTS'))).toMatchObject({ status: 'PAID' });
    expect(await w.repo.getCashReceipt(w.storeId, 'toss-test')).toBeUndefined();
    const live = await createChannel(w.services, w.storeId, { pgProvider: 'TOSSPAYMENTS', mode: 'LIVE_LIKE' });
    await pay('toss-live', live.channelKey);
    expect((await shown(w, 'toss-live')).cashReceipt).toMatchObject({ status: 'ISSUED' });
  });

  it('no request (미발행): no receipt', async () => {
    const w = await unitWorld();
    await transfer(w, 'tr-none', {});
    expect(await w.repo.getCashReceipt(w.storeId, 'tr-none')).toBeUndefined();
    expect((await shown(w, 'tr-none')).cashReceipt).toBeUndefined();
  });

  it('reads PortOne\'s spellings: SDK CashReceiptType with or without its prefix, API NO_RECEIPT; 미발행 or no number is no request', () => {
    expect(cashReceiptRequestOf('CASH_RECEIPT_TYPE_CORPORATE', '1234567890')).toEqual({ type: 'CORPORATE', customerIdentityNumber: '1234567890' });
    expect(cashReceiptRequestOf('PERSONAL', '01012345678')).toEqual({ type: 'PERSONAL', customerIdentityNumber: '01012345678' });
    expect(cashReceiptRequestOf('ANONYMOUS', '01012345678')).toBeUndefined();
    expect(cashReceiptRequestOf('NO_RECEIPT', '01012345678')).toBeUndefined();
    expect(cashReceiptRequestOf('PERSONAL', undefined)).toBeUndefined();
    expect(['010-1234-5678', '1234567890', '9999123412341234'].map(isCashReceiptIdentity)).toEqual([true, true, true]);
    expect(['', '12345', '010-abcd-5678', '12345678901234567890'].map(isCashReceiptIdentity)).toEqual([false, false, false, false]);
  });
});

describe("the PG window's 현금영수증 choice (profile cashReceiptType)", () => {
  const profile = (pg: string) => getProfile(pg)!;
  it('PRESET (토스페이먼츠) starts on the SDK type; ANONYMOUS_HIDES (KG이니시스) ignores it but hides the choice for ANONYMOUS; IGNORED (NHN KCP) always asks from 미발행', () => {
    expect(cashReceiptWindowOf(profile('TOSSPAYMENTS'), 'TRANSFER', { cashReceiptType: 'CASH_RECEIPT_TYPE_CORPORATE', customerIdentifier: '1234567890' })).toEqual({ preset: 'CORPORATE', customerIdentifier: '1234567890' });
    expect(cashReceiptWindowOf(profile('TOSSPAYMENTS'), 'VIRTUAL_ACCOUNT', { cashReceiptType: 'ANONYMOUS' })).toBeUndefined();
    expect(cashReceiptWindowOf(profile('INICIS_V2'), 'TRANSFER', { cashReceiptType: 'PERSONAL' })).toEqual({ preset: 'NONE' });
    expect(cashReceiptWindowOf(profile('INICIS_V2'), 'VIRTUAL_ACCOUNT', { cashReceiptType: 'ANONYMOUS' })).toBeUndefined();
    expect(cashReceiptWindowOf(profile('KCP_V2'), 'TRANSFER', { cashReceiptType: 'ANONYMOUS' })).toEqual({ preset: 'NONE' });
    expect(cashReceiptWindowOf(profile('KCP_V2'), 'VIRTUAL_ACCOUNT', undefined)).toEqual({ preset: 'NONE' });
    expect(cashReceiptWindowOf(profile('KCP_V2'), 'CARD', { cashReceiptType: 'PERSONAL' })).toBeUndefined();
  });

  it("the window's test-mode notes say when the PG issues no receipts in test", () => {
    const channel = { mode: 'TEST' as const };
    expect(testModeNotes(profile('TOSSPAYMENTS'), channel, 'ko', 'TRANSFER').join(' ')).toContain('현금영수증을 발급하지 않습니다');
    expect(testModeNotes(profile('TOSSPAYMENTS'), channel, 'ko', 'VIRTUAL_ACCOUNT').join(' ')).toContain('현금영수증을 발급하지 않습니다');
    expect(testModeNotes(profile('KCP_V2'), channel, 'ko', 'TRANSFER').join(' ')).not.toContain('현금영수증');
  });
});
