import type { PaymentRecord } from '../domain/payment.ts';
import type { ChannelRecord, StoreRecord } from '../domain/store.ts';
import { computeAutoRefundDue } from '../timers/due-time.ts';
import { describeRule } from '../domain/pg-rules.ts';
import { timerIdFor } from '../timers/timer.ts';
import type { TimerRecord } from '../domain/timer.ts';

/** One PG void per transaction of a payment: derivable, so a cancel finds it without a query. */
export const pgVoidTimerId = (storeId: string, payment: Pick<PaymentRecord, 'paymentId' | 'transactionId'>) =>
  timerIdFor('pg-void', storeId, payment.paymentId, payment.transactionId);

/**
 * The PG's auto-refund for a freshly approved payment, as a timer: due at the profile's time
 * (daily batch point, interval boundary) or after the channel's override; none when the PG took no
 * money or never refunds by itself.
 */
export function autoRefundTimer(store: StoreRecord, channel: ChannelRecord, payment: PaymentRecord, approvedAt: Date): TimerRecord | undefined {
  const rule = payment.pg?.autoRefund;
  if (!rule || rule.kind === 'none' || rule.kind === 'never') return undefined;
  const override = channel.autoRefundOverride;
  const due = computeAutoRefundDue(override ?? rule, approvedAt, payment.paymentId);
  const reason = override
    ? `channel override: ${describeRule(override)} (profile: ${payment.pg!.ruleDescription})`
    : payment.pg!.ruleDescription;
  if (!due) return undefined;
  const timerId = pgVoidTimerId(store.storeId, payment);
  return {
    storeId: store.storeId,
    timerId,
    kind: 'pg-void',
    paymentId: payment.paymentId,
    dueAt: due.toISOString(),
    state: 'PENDING',
    reason,
    scheduleName: timerId,
    createdAt: approvedAt.toISOString(),
  };
}
