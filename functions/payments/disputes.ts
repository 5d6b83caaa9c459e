import { DISPUTE_REASON_CHARS, MAX_DISPUTES, type Dispute } from '../domain/dispute.ts';
import { PortOneError, invalidRequest } from '../domain/errors.ts';
import type { PaymentRecord } from '../domain/payment.ts';
import { RETRY_LIMITS, retryOnConflict } from '../domain/retry.ts';
import type { StoreRecord } from '../domain/store.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';
import type { WebhookEventType } from '../webhooks/event.ts';
import { newOutboxEvent } from '../webhooks/outbox.ts';
import { commitPaymentChange } from './commit.ts';
import { loadPayment } from './get-payment.ts';

export interface OpenDisputeRequest {
  reason?: string;
  /** The PG's id for it; by default `<pgTxId>-d<n>`. */
  pgDisputeId?: string;
}

/** Without a reason, what a card company's chargeback most often says. */
export const DEFAULT_DISPUTE_REASON = '고객 이의 제기 (chargeback)';

/**
 * A dispute (분쟁) raised on a paid payment, as the PG reports one: UNRESOLVED on the payment and
 * `Transaction.DisputeCreated`, in one write. Only a `PAID` payment: PortOne's `Payment` carries
 * `disputes` on `PaidPayment` alone, so a dispute elsewhere could never be seen through its API.
 */
export async function openDispute(services: Services, storeId: string, paymentId: string, req: OpenDisputeRequest): Promise<Dispute> {
  if (req.reason !== undefined && (req.reason.length === 0 || req.reason.length > DISPUTE_REASON_CHARS)) {
    throw invalidRequest(`reason: 1 to ${DISPUTE_REASON_CHARS} characters`);
  }
  return changeDisputes(services, storeId, paymentId, 'Transaction.DisputeCreated', (payment, now) => {
    if (payment.status !== 'PAID') {
      throw new PortOneError('PAYMENT_NOT_PAID', `분쟁은 결제 완료(PAID) 상태의 결제 건에만 발생시킬 수 있습니다. (status: ${payment.status})`);
    }
    const disputes = payment.disputes ?? [];
    if (disputes.length >= MAX_DISPUTES) throw invalidRequest(`a payment carries at most ${MAX_DISPUTES} disputes`);
    const pgDisputeId = req.pgDisputeId ?? `${payment.pgTxId}-d${disputes.length + 1}`;
    if (disputes.some((d) => d.pgDisputeId === pgDisputeId)) {
      throw new PortOneError('DISPUTE_ALREADY_EXISTS', `이미 존재하는 분쟁입니다. (pgDisputeId: ${pgDisputeId})`);
    }
    const dispute: Dispute = { status: 'UNRESOLVED', pgDisputeId, reason: req.reason ?? DEFAULT_DISPUTE_REASON, createdAt: now };
    return { disputes: [...disputes, dispute], dispute };
  });
}

/** The PG reports the dispute settled: RESOLVED with `resolvedAt`, and `Transaction.DisputeResolved`. */
export async function resolveDispute(services: Services, storeId: string, paymentId: string, pgDisputeId: string): Promise<Dispute> {
  return changeDisputes(services, storeId, paymentId, 'Transaction.DisputeResolved', (payment, now) => {
    const disputes = payment.disputes ?? [];
    const found = disputes.find((d) => d.pgDisputeId === pgDisputeId);
    if (!found) throw new PortOneError('DISPUTE_NOT_FOUND', `분쟁이 존재하지 않습니다. (pgDisputeId: ${pgDisputeId})`);
    if (found.status === 'RESOLVED') throw new PortOneError('DISPUTE_ALREADY_RESOLVED', `이미 해소된 분쟁입니다. (pgDisputeId: ${pgDisputeId})`);
    const dispute: Dispute = { ...found, status: 'RESOLVED', resolvedAt: now };
    return { disputes: disputes.map((d) => (d === found ? dispute : d)), dispute };
  });
}

/** One dispute change, decided on a fresh read and committed with its webhook against the version read. */
async function changeDisputes(
  services: Services,
  storeId: string,
  paymentId: string,
  type: Extract<WebhookEventType, `Transaction.Dispute${string}`>,
  decide: (payment: PaymentRecord, now: string) => { disputes: Dispute[]; dispute: Dispute },
): Promise<Dispute> {
  return retryOnConflict<Dispute, PaymentRecord>(RETRY_LIMITS.dispute, async ({ current }) => {
    const [store, payment]: [StoreRecord, PaymentRecord] = await Promise.all([loadStore(services, storeId), current ?? loadPayment(services, storeId, paymentId)]);
    const now = storeNow(services, store);
    const { disputes, dispute } = decide(payment, now.toISOString());
    const next: PaymentRecord = { ...structuredClone(payment), disputes, updatedAt: now.toISOString() };
    await commitPaymentChange(services, { store, payment: next, expectedVersion: payment.version, outbox: newOutboxEvent({ store, payment: next, type, at: now }) });
    return dispute;
  });
}
