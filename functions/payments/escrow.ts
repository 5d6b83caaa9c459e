import { PortOneError, invalidRequest, paymentNotFound, pgProviderError } from '../domain/errors.ts';
import { ESCROW_PG_PROVIDERS, awaitsBuyer, type EscrowRecord, type EscrowShipment } from '../domain/escrow.ts';
import { isPaidLike, type PaymentRecord } from '../domain/payment.ts';
import { RETRY_LIMITS, retryOnConflict } from '../domain/retry.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';
import { commitPaymentChange } from './commit.ts';

/**
 * Escrow operations (domain/escrow.ts): register the shipment, change it, confirm the purchase.
 * PortOne's own refusals use its types (PAYMENT_NOT_FOUND, PAYMENT_NOT_PAID, INVALID_REQUEST for a
 * payment that is not an escrow payment); what only the PG can know (order of steps, support) is a
 * 502 PG_PROVIDER. **Assumed:** the PG codes and messages are the sandbox's; PortOne documents none.
 */
const REFUSALS = {
  unsupported: { pgCode: 'ESCROW_NOT_SUPPORTED', pgMessage: '에스크로 미지원 가맹점입니다' },
  registered: { pgCode: 'ESCROW_ALREADY_REGISTERED', pgMessage: '이미 배송 정보가 등록된 거래입니다' },
  notRegistered: { pgCode: 'ESCROW_NOT_REGISTERED', pgMessage: '배송 정보가 등록되지 않은 거래입니다' },
  confirmed: { pgCode: 'ESCROW_ALREADY_CONFIRMED', pgMessage: '이미 구매확정된 거래입니다' },
  rejected: { pgCode: 'ESCROW_PURCHASE_REJECTED', pgMessage: '구매자가 구매거절한 거래입니다' },
} as const;

const refuse = (r: { pgCode: string; pgMessage: string }) => pgProviderError(r.pgCode, r.pgMessage);

/** The PG's refusal of any further shipment step once the buyer's side is settled (confirmed or rejected). */
function settledRefusal(escrow: EscrowRecord): PortOneError | undefined {
  if (escrow.status === 'CONFIRMED') return refuse(REFUSALS.confirmed);
  if (escrow.status === 'REJECTED' || escrow.status === 'REJECT_CONFIRMED') return refuse(REFUSALS.rejected);
  return undefined;
}

/** PortOne's `PaymentEscrow` of a payment, or undefined for a payment that is not (yet) an escrow one. */
export function presentEscrow(p: PaymentRecord): Record<string, unknown> | undefined {
  if (!p.isEscrow || !(isPaidLike(p.status) || p.status === 'CANCELLED')) return undefined;
  const e = p.escrow;
  if (!e) return { status: 'BEFORE_REGISTERED' };
  const shown = { company: e.company, invoiceNumber: e.invoiceNumber, sentAt: e.sentAt, appliedAt: e.appliedAt };
  // A cancelled escrow payment is a cancelled escrow transaction (거래 취소).
  if (p.status === 'CANCELLED') return { status: 'CANCELLED', ...shown };
  // The sandbox never confirms by itself (no PG auto-confirmation period is simulated).
  return e.status === 'CONFIRMED' ? { status: 'CONFIRMED', ...shown, isAutomaticallyConfirmed: false } : { status: e.status, ...shown };
}

/** Reads the payment, checks PortOne's side, applies `change` and commits it; answers what `change` returns. */
async function changeEscrow<R>(services: Services, storeId: string, paymentId: string, change: (payment: PaymentRecord, now: string) => R): Promise<R> {
  return retryOnConflict<R, PaymentRecord>(RETRY_LIMITS.escrow, async ({ current }) => {
    const payment = current ?? (await services.repo.getPayment(storeId, paymentId));
    if (!payment) throw paymentNotFound(paymentId);
    if (!isPaidLike(payment.status)) throw new PortOneError('PAYMENT_NOT_PAID', `결제가 완료되지 않은 결제 건입니다. (paymentId: ${paymentId}, status: ${payment.status})`);
    if (!payment.isEscrow) throw invalidRequest(`에스크로 결제가 아닙니다. (paymentId: ${paymentId} was not paid with isEscrow: true)`);
    if (!ESCROW_PG_PROVIDERS.has(payment.channel?.pgProvider ?? '')) throw refuse(REFUSALS.unsupported);
    const store = await loadStore(services, storeId);
    const now = storeNow(services, store).toISOString();
    const next = structuredClone(payment);
    const answer = change(next, now);
    next.updatedAt = now;
    await commitPaymentChange(services, { store, payment: next, expectedVersion: payment.version });
    return answer;
  });
}

const statusOf = (shipment: EscrowShipment): EscrowRecord['status'] => (shipment.receivedAt ? 'DELIVERED' : 'REGISTERED');

/** applyEscrowLogistics (에스크로 배송 정보 등록): BEFORE_REGISTERED → REGISTERED (DELIVERED with a `receivedAt`). */
export function applyEscrowLogistics(services: Services, storeId: string, paymentId: string, shipment: EscrowShipment) {
  return changeEscrow(services, storeId, paymentId, (payment, now) => {
    if (payment.escrow) throw settledRefusal(payment.escrow) ?? refuse(REFUSALS.registered);
    payment.escrow = { ...shipment, status: statusOf(shipment), appliedAt: now };
    return { invoiceNumber: shipment.invoiceNumber, sentAt: shipment.sentAt, appliedAt: now };
  });
}

/** modifyEscrowLogistics (에스크로 배송 정보 수정): a registered shipment, not yet confirmed, takes new details. */
export function modifyEscrowLogistics(services: Services, storeId: string, paymentId: string, shipment: EscrowShipment) {
  return changeEscrow(services, storeId, paymentId, (payment, now) => {
    const escrow = registered(payment);
    payment.escrow = { ...shipment, status: statusOf(shipment), appliedAt: escrow.appliedAt, modifiedAt: now };
    return { invoiceNumber: shipment.invoiceNumber, sentAt: shipment.sentAt, modifiedAt: now };
  });
}

/** confirmEscrow (에스크로 구매 확정): the purchase is confirmed, by the buyer or (`fromStore`) the merchant for them. */
export function confirmEscrow(services: Services, storeId: string, paymentId: string) {
  return changeEscrow(services, storeId, paymentId, (payment, now) => {
    payment.escrow = { ...registered(payment), status: 'CONFIRMED', confirmedAt: now };
    return { completedAt: now };
  });
}

/** The registered shipment the merchant may still change or confirm; the PG refuses otherwise. */
function registered(payment: PaymentRecord): EscrowRecord {
  const escrow = payment.escrow;
  if (!escrow) throw refuse(REFUSALS.notRegistered);
  const settled = settledRefusal(escrow);
  if (settled) throw settled;
  return escrow;
}

export type BuyerDecision = 'CONFIRM' | 'REJECT';

/**
 * The buyer's decision in the PG's escrow window (sandbox only: PortOne has no operation for it,
 * the buyer acts at the PG): 구매 확정 (CONFIRMED, as confirmEscrow) or 구매 거절 (REJECTED). Only
 * on a registered shipment not yet decided; otherwise 409 INVALID_ESCROW_STATUS. No webhook:
 * PortOne defines none for escrow (the server SDK's `Webhook` union has no escrow event).
 * Answers the payment's `escrow` as getPayment shows it.
 */
export function decideAsBuyer(services: Services, storeId: string, paymentId: string, decision: BuyerDecision) {
  return changeEscrow(services, storeId, paymentId, (payment, now) => {
    const escrow = payment.escrow;
    if (!awaitsBuyer(escrow)) throw wrongStatus(paymentId, escrow, '배송 정보가 등록되고 구매자가 아직 결정하지 않은 거래(REGISTERED, DELIVERED)');
    payment.escrow = decision === 'CONFIRM' ? { ...escrow, status: 'CONFIRMED', confirmedAt: now } : { ...escrow, status: 'REJECTED', rejectedAt: now };
    return presentEscrow(payment)!;
  });
}

/**
 * 구매 거절 확정 (sandbox only): the merchant accepts the buyer's rejection in the PG's admin;
 * REJECTED becomes REJECT_CONFIRMED. The refund is the merchant's cancelPayment, as at the PG.
 */
export function confirmBuyerRejection(services: Services, storeId: string, paymentId: string) {
  return changeEscrow(services, storeId, paymentId, (payment, now) => {
    const escrow = payment.escrow;
    if (escrow?.status !== 'REJECTED') throw wrongStatus(paymentId, escrow, '구매자가 구매 거절한 거래(REJECTED)');
    payment.escrow = { ...escrow, status: 'REJECT_CONFIRMED', rejectConfirmedAt: now };
    return presentEscrow(payment)!;
  });
}

const wrongStatus = (paymentId: string, escrow: EscrowRecord | undefined, needed: string) =>
  new PortOneError('INVALID_ESCROW_STATUS', `${needed}만 가능합니다. (paymentId: ${paymentId}, escrow status: ${escrow?.status ?? 'BEFORE_REGISTERED'})`);
