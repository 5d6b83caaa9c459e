/**
 * A payment schedule (결제 예약): "charge this billing key at `timeToPay`". Each one is one timer
 * (kind `payment-schedule`) and so one one-shot EventBridge schedule, like a PG void.
 *
 * SCHEDULED → STARTED (claimed by whoever fires it first) → SUCCEEDED / FAILED, or SCHEDULED →
 * REVOKED. Both the claim and the revocation require SCHEDULED, so revoke racing fire has one winner.
 * PortOne's `PENDING` (a payment waiting for an asynchronous PG answer) never happens for card
 * billing payments in test and is not produced.
 */
import type { OrderDetails } from './payment.ts';

export type ScheduleStatus = 'SCHEDULED' | 'STARTED' | 'SUCCEEDED' | 'FAILED' | 'REVOKED';

export interface PaymentScheduleRecord extends OrderDetails {
  storeId: string;
  merchantId: string;
  scheduleId: string;
  paymentId: string;
  billingKey: string;
  status: ScheduleStatus;
  /** The payment the schedule makes, as payWithBillingKey takes it. */
  channelKey?: string;
  orderName: string;
  totalAmount: number;
  taxFreeAmount?: number;
  vatAmount?: number;
  currency: string;
  installmentMonth?: number;
  /** A card promotion the payment asks for (OAS `BillingKeyPaymentScheduleInput.promotionId`), applied when it runs. */
  promotionId?: string;
  /** Store clock, RFC 3339 UTC. */
  timeToPay: string;
  timerId: string;
  createdAt: string;
  startedAt?: string;
  completedAt?: string;
  revokedAt?: string;
  /** Why a FAILED schedule failed (PortOne shows it on the payment it made; kept here for the console). */
  failure?: { type: string; message: string; pgCode?: string; pgMessage?: string };
  version: number;
}

/** The state a schedule's status was last changed at: PortOne's STATUS_TIMESTAMP sort. */
export const statusTimestamp = (s: PaymentScheduleRecord): string => s.completedAt ?? s.revokedAt ?? s.startedAt ?? s.createdAt;
