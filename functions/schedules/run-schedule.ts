import { payWithBillingKey } from '../billing/pay-with-billing-key.ts';
import { orderDetailsOf, type PaymentRecord } from '../domain/payment.ts';
import type { PaymentScheduleRecord } from '../domain/payment-schedule.ts';
import { PortOneError } from '../domain/errors.ts';
import type { TimerRecord } from '../domain/timer.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';

/** Rounds of "someone else moved the schedule: read it again" before giving the timer back to its retries. */
const MAX_ROUNDS = 10;

/**
 * What a `payment-schedule` timer does when due (registered in the wiring's timer handler table):
 * charge the billing key exactly once.
 *
 * 1. Claim: SCHEDULED → STARTED, conditional on the version read. A revocation needs SCHEDULED as
 *    well, so of revoke and fire exactly one wins; of two deliveries (EventBridge twice, or the
 *    clock advance and EventBridge) one claims and the other finds STARTED.
 * 2. Charge, unless the payment already carries this schedule's id (a runner that crashed, or the
 *    other delivery, charged it): the payment's own conditional create makes a second charge of
 *    the same paymentId impossible.
 * 3. Finish: STARTED → SUCCEEDED / FAILED and the timer PENDING → FIRED in one write. The timer
 *    stays PENDING until then, so a runner that died after the claim is finished by the next delivery.
 */
export async function runPaymentSchedule(services: Services, timer: TimerRecord): Promise<string> {
  const scheduleId = String(timer.payload?.scheduleId ?? '');
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const store = await loadStore(services, timer.storeId);
    const at = storeNow(services, store).toISOString();
    const schedule = await services.repo.getPaymentSchedule(timer.storeId, scheduleId);
    if (!schedule) {
      return (await services.repo.settleTimer(timer.storeId, timer.timerId, 'FIRED', at)) ? 'schedule missing; nothing to charge' : 'skipped';
    }
    if (schedule.status !== 'SCHEDULED' && schedule.status !== 'STARTED') return 'skipped';
    let started = schedule;
    if (schedule.status === 'SCHEDULED') {
      started = { ...schedule, status: 'STARTED', startedAt: at };
      if (!(await services.repo.saveSchedules(timer.storeId, [{ schedule: started, expectedVersion: schedule.version }]))) continue;
    }
    const outcome = await chargeOnce(services, started);
    const finished: PaymentScheduleRecord = { ...started, status: outcome.status, completedAt: storeNow(services, store).toISOString(), ...(outcome.failure ? { failure: outcome.failure } : {}) };
    const settled = await services.repo.saveSchedules(timer.storeId, [
      { schedule: finished, expectedVersion: started.version, settleTimer: { timerId: timer.timerId, state: 'FIRED', at } },
    ]);
    if (!settled) return 'skipped';
    return outcome.status === 'SUCCEEDED'
      ? `schedule ${scheduleId}: paid ${started.totalAmount} ${started.currency} with billing key ${started.billingKey} (payment ${started.paymentId})`
      : `schedule ${scheduleId}: FAILED (${outcome.failure?.type}: ${outcome.failure?.message})`;
  }
  throw new Error(`payment schedule ${scheduleId}: kept changing under ${MAX_ROUNDS} attempts; the timer's retry runs it again`);
}

interface Outcome {
  status: 'SUCCEEDED' | 'FAILED';
  failure?: PaymentScheduleRecord['failure'];
}

const outcomeOf = (payment: PaymentRecord): Outcome =>
  payment.status === 'FAILED'
    ? { status: 'FAILED', failure: { type: 'PG_PROVIDER', message: payment.failure?.pgMessage ?? payment.failure?.reason ?? 'failed', pgCode: payment.failure?.pgCode, pgMessage: payment.failure?.pgMessage } }
    : { status: 'SUCCEEDED' };

const isOurs = (payment: PaymentRecord | undefined, s: PaymentScheduleRecord) => payment?.scheduleId === s.scheduleId && payment.status !== 'READY';

async function chargeOnce(services: Services, s: PaymentScheduleRecord): Promise<Outcome> {
  const before = await services.repo.getPayment(s.storeId, s.paymentId);
  if (isOurs(before, s)) return outcomeOf(before!);
  try {
    return outcomeOf(
      await payWithBillingKey(services, {
        ...orderDetailsOf(s),
        storeId: s.storeId,
        paymentId: s.paymentId,
        billingKey: s.billingKey,
        channelKey: s.channelKey,
        orderName: s.orderName,
        amount: { total: s.totalAmount, taxFree: s.taxFreeAmount, vat: s.vatAmount },
        currency: s.currency,
        installmentMonth: s.installmentMonth,
        promotionId: s.promotionId,
        scheduleId: s.scheduleId,
        origin: { platformType: 'API', ipAddress: '127.0.0.1' },
      }),
    );
  } catch (err) {
    if (!(err instanceof PortOneError)) throw err;
    // A refusal was committed as a FAILED payment of ours; a lost race left the winner's payment.
    const after = await services.repo.getPayment(s.storeId, s.paymentId);
    if (isOurs(after, s)) return outcomeOf(after!);
    return { status: 'FAILED', failure: { type: err.type, message: err.message, ...(err.pgCode ? { pgCode: err.pgCode, pgMessage: err.pgMessage } : {}) } };
  }
}
