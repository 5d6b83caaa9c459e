import { describe, expect, it } from 'vitest';
import { approvePayment } from '../../../functions/payments/approve.ts';
import { cancelPayment } from '../../../functions/payments/cancel-payment.ts';
import { capturePayment } from '../../../functions/payments/capture-payment.ts';
import { dualView } from '../../../functions/payments/dual-view.ts';
import { applyEscrowLogistics, confirmBuyerRejection, confirmEscrow, decideAsBuyer, modifyEscrowLogistics } from '../../../functions/payments/escrow.ts';
import { presentPayment } from '../../../functions/payments/present.ts';
import { preRegisterPayment } from '../../../functions/payments/pre-register.ts';
import { runPgVoid } from '../../../functions/payments/pg-batch-void.ts';
import { createChannel } from '../../../functions/stores/channels.ts';
import { cardMethod, easyPayMethod, payByCard, payRequest } from '../../support/unit-requests.ts';
import { rejection, unitWorld, type UnitWorld } from '../../support/unit-services.ts';

const shown = async (w: UnitWorld, paymentId: string) => presentPayment((await w.repo.getPayment(w.storeId, paymentId))!);

describe('capturePayment (수동 매입)', () => {
  async function captureChannel(w: UnitWorld, pgProvider = 'INICIS_V2') {
    return (await createChannel(w.services, w.storeId, { pgProvider, manualCapture: true })).channelKey;
  }

  it('on a manual-capture channel the PG purchases the approval: PortOne still shows PAID unchanged, the PG view records capturedAt', async () => {
    const w = await unitWorld();
    await payByCard(w, 'cap-1', { channelKey: await captureChannel(w) });
    const before = await shown(w, 'cap-1');
    const { capturedAt } = await capturePayment(w.services, w.storeId, 'cap-1');
    expect(await shown(w, 'cap-1')).toEqual(before);
    expect((await dualView(w.services, w.storeId, 'cap-1')).pg.capturedAt).toBe(capturedAt);
  });

  it('refuses per CapturePaymentError: PAYMENT_NOT_FOUND, PAYMENT_NOT_PAID, and PG_PROVIDER for a second capture, a channel without manual capture, easy pay and a payment the PG batch voided', async () => {
    const w = await unitWorld();
    const channelKey = await captureChannel(w);
    expect(await rejection(capturePayment(w.services, w.storeId, 'nope'))).toMatchObject({ type: 'PAYMENT_NOT_FOUND' });
    await preRegisterPayment(w.services, w.storeId, 'cap-ready', { totalAmount: 1_000 });
    expect(await rejection(capturePayment(w.services, w.storeId, 'cap-ready'))).toMatchObject({ type: 'PAYMENT_NOT_PAID', status: 409 });

    await payByCard(w, 'cap-1', { channelKey });
    await capturePayment(w.services, w.storeId, 'cap-1');
    expect(await rejection(capturePayment(w.services, w.storeId, 'cap-1'))).toMatchObject({ type: 'PG_PROVIDER', pgCode: 'ALREADY_CAPTURED' });

    await payByCard(w, 'cap-auto', { pg: 'INICIS_V2' });
    expect(await rejection(capturePayment(w.services, w.storeId, 'cap-auto'))).toMatchObject({ type: 'PG_PROVIDER', pgCode: 'CAPTURE_NOT_ENABLED' });

    await approvePayment(w.services, payRequest(w, 'cap-ep', easyPayMethod('KAKAOPAY'), { channelKey }));
    expect(await rejection(capturePayment(w.services, w.storeId, 'cap-ep'))).toMatchObject({ type: 'PG_PROVIDER', pgCode: 'CAPTURE_NOT_SUPPORTED' });

    await payByCard(w, 'cap-void', { channelKey });
    const voidTimer = (await w.repo.listPaymentTimers(w.storeId, 'cap-void')).find((t) => t.kind === 'pg-void')!;
    await runPgVoid(w.services, voidTimer);
    expect(await rejection(capturePayment(w.services, w.storeId, 'cap-void'))).toMatchObject({ type: 'PG_PROVIDER', pgMessage: '기 취소 거래' });
  });
});

describe('escrow (에스크로)', () => {
  const shipment = { company: 'CJ', invoiceNumber: '6543-2100-0001', sentAt: '2026-03-02T06:00:00.000Z' };
  const payEscrow = (w: UnitWorld, paymentId: string) => approvePayment(w.services, { ...payRequest(w, paymentId, cardMethod(), { pg: 'KCP_V2' }), isEscrow: true });

  it('BEFORE_REGISTERED once paid, REGISTERED after applyEscrowLogistics, DELIVERED when modified with receivedAt, then CONFIRMED by confirmEscrow', async () => {
    const w = await unitWorld();
    await payEscrow(w, 'esc-1');
    expect((await shown(w, 'esc-1')).escrow).toEqual({ status: 'BEFORE_REGISTERED' });
    const applied = await applyEscrowLogistics(w.services, w.storeId, 'esc-1', shipment);
    expect(applied).toEqual({ invoiceNumber: shipment.invoiceNumber, sentAt: shipment.sentAt, appliedAt: expect.any(String) });
    expect((await shown(w, 'esc-1')).escrow).toEqual({ status: 'REGISTERED', company: 'CJ', invoiceNumber: shipment.invoiceNumber, sentAt: shipment.sentAt, appliedAt: applied.appliedAt });
    const modified = await modifyEscrowLogistics(w.services, w.storeId, 'esc-1', { ...shipment, company: 'HANJIN', invoiceNumber: '1', receivedAt: '2026-03-03T06:00:00.000Z' });
    expect(modified).toMatchObject({ invoiceNumber: '1', modifiedAt: expect.any(String) });
    expect((await shown(w, 'esc-1')).escrow).toMatchObject({ status: 'DELIVERED', company: 'HANJIN', appliedAt: applied.appliedAt });
    expect(await confirmEscrow(w.services, w.storeId, 'esc-1')).toEqual({ completedAt: expect.any(String) });
    expect((await shown(w, 'esc-1')).escrow).toMatchObject({ status: 'CONFIRMED', isAutomaticallyConfirmed: false, invoiceNumber: '1' });
  });

  it('a cancelled escrow payment shows CANCELLED; a payment without isEscrow shows no escrow', async () => {
    const w = await unitWorld();
    await payEscrow(w, 'esc-1');
    await applyEscrowLogistics(w.services, w.storeId, 'esc-1', shipment);
    await cancelPayment(w.services, w.storeId, 'esc-1', { reason: '반품' });
    expect((await shown(w, 'esc-1')).escrow).toMatchObject({ status: 'CANCELLED', invoiceNumber: shipment.invoiceNumber });
    await payByCard(w, 'plain');
    expect((await shown(w, 'plain')).escrow).toBeUndefined();
  });

  it('refuses: INVALID_REQUEST without isEscrow, PAYMENT_NOT_PAID, PAYMENT_NOT_FOUND; PG_PROVIDER out of order, twice, or on a PG without escrow', async () => {
    const w = await unitWorld();
    await payByCard(w, 'plain');
    expect(await rejection(applyEscrowLogistics(w.services, w.storeId, 'plain', shipment))).toMatchObject({ type: 'INVALID_REQUEST' });
    await preRegisterPayment(w.services, w.storeId, 'ready', { totalAmount: 1_000 });
    expect(await rejection(confirmEscrow(w.services, w.storeId, 'ready'))).toMatchObject({ type: 'PAYMENT_NOT_PAID' });
    expect(await rejection(confirmEscrow(w.services, w.storeId, 'nope'))).toMatchObject({ type: 'PAYMENT_NOT_FOUND' });

    await payEscrow(w, 'esc-1');
    expect(await rejection(modifyEscrowLogistics(w.services, w.storeId, 'esc-1', shipment))).toMatchObject({ type: 'PG_PROVIDER', pgCode: 'ESCROW_NOT_REGISTERED' });
    expect(await rejection(confirmEscrow(w.services, w.storeId, 'esc-1'))).toMatchObject({ type: 'PG_PROVIDER', pgCode: 'ESCROW_NOT_REGISTERED' });
    await applyEscrowLogistics(w.services, w.storeId, 'esc-1', shipment);
    expect(await rejection(applyEscrowLogistics(w.services, w.storeId, 'esc-1', shipment))).toMatchObject({ type: 'PG_PROVIDER', pgCode: 'ESCROW_ALREADY_REGISTERED' });
    await confirmEscrow(w.services, w.storeId, 'esc-1');
    expect(await rejection(confirmEscrow(w.services, w.storeId, 'esc-1'))).toMatchObject({ type: 'PG_PROVIDER', pgCode: 'ESCROW_ALREADY_CONFIRMED' });
    expect(await rejection(modifyEscrowLogistics(w.services, w.storeId, 'esc-1', shipment))).toMatchObject({ type: 'PG_PROVIDER', pgCode: 'ESCROW_ALREADY_CONFIRMED' });

    await approvePayment(w.services, { ...payRequest(w, 'esc-kakao', easyPayMethod('KAKAOPAY'), { pg: 'KAKAOPAY' }), isEscrow: true });
    expect(await rejection(applyEscrowLogistics(w.services, w.storeId, 'esc-kakao', shipment))).toMatchObject({ type: 'PG_PROVIDER', pgCode: 'ESCROW_NOT_SUPPORTED' });
  });

  it("the buyer's decision in the PG's window: 구매 확정 is CONFIRMED as confirmEscrow; 구매 거절 is REJECTED, the merchant's acceptance REJECT_CONFIRMED, and the refund cancels it", async () => {
    const w = await unitWorld();
    await payEscrow(w, 'esc-yes');
    await applyEscrowLogistics(w.services, w.storeId, 'esc-yes', shipment);
    expect(await decideAsBuyer(w.services, w.storeId, 'esc-yes', 'CONFIRM')).toEqual((await shown(w, 'esc-yes')).escrow);
    expect((await shown(w, 'esc-yes')).escrow).toMatchObject({ status: 'CONFIRMED', isAutomaticallyConfirmed: false });

    await payEscrow(w, 'esc-no');
    await applyEscrowLogistics(w.services, w.storeId, 'esc-no', { ...shipment, receivedAt: '2026-03-03T06:00:00.000Z' });
    const rejected = await decideAsBuyer(w.services, w.storeId, 'esc-no', 'REJECT');
    expect(rejected).toEqual({ status: 'REJECTED', company: 'CJ', invoiceNumber: shipment.invoiceNumber, sentAt: shipment.sentAt, appliedAt: expect.any(String) });
    expect((await shown(w, 'esc-no')).escrow).toEqual(rejected);
    expect(await confirmBuyerRejection(w.services, w.storeId, 'esc-no')).toMatchObject({ status: 'REJECT_CONFIRMED', invoiceNumber: shipment.invoiceNumber });
    await cancelPayment(w.services, w.storeId, 'esc-no', { reason: '구매 거절 환불' });
    expect((await shown(w, 'esc-no')).escrow).toMatchObject({ status: 'CANCELLED' });
  });

  it("refuses the buyer's decision out of order (409 INVALID_ESCROW_STATUS), and the merchant's steps once the buyer rejected (PG_PROVIDER)", async () => {
    const w = await unitWorld();
    await payEscrow(w, 'esc-1');
    expect(await rejection(decideAsBuyer(w.services, w.storeId, 'esc-1', 'REJECT'))).toMatchObject({ type: 'INVALID_ESCROW_STATUS', status: 409 });
    expect(await rejection(confirmBuyerRejection(w.services, w.storeId, 'esc-1'))).toMatchObject({ type: 'INVALID_ESCROW_STATUS' });
    await applyEscrowLogistics(w.services, w.storeId, 'esc-1', shipment);
    expect(await rejection(confirmBuyerRejection(w.services, w.storeId, 'esc-1'))).toMatchObject({ type: 'INVALID_ESCROW_STATUS' });
    await decideAsBuyer(w.services, w.storeId, 'esc-1', 'REJECT');
    expect(await rejection(decideAsBuyer(w.services, w.storeId, 'esc-1', 'CONFIRM'))).toMatchObject({ type: 'INVALID_ESCROW_STATUS' });
    for (const step of [confirmEscrow(w.services, w.storeId, 'esc-1'), modifyEscrowLogistics(w.services, w.storeId, 'esc-1', shipment), applyEscrowLogistics(w.services, w.storeId, 'esc-1', shipment)]) {
      expect(await rejection(step)).toMatchObject({ type: 'PG_PROVIDER', pgCode: 'ESCROW_PURCHASE_REJECTED' });
    }
    await confirmBuyerRejection(w.services, w.storeId, 'esc-1');
    expect(await rejection(confirmBuyerRejection(w.services, w.storeId, 'esc-1'))).toMatchObject({ type: 'INVALID_ESCROW_STATUS' });

    await payByCard(w, 'plain');
    expect(await rejection(decideAsBuyer(w.services, w.storeId, 'plain', 'CONFIRM'))).toMatchObject({ type: 'INVALID_REQUEST' });
    expect(await rejection(decideAsBuyer(w.services, w.storeId, 'nope', 'CONFIRM'))).toMatchObject({ type: 'PAYMENT_NOT_FOUND' });
  });
});
