import { dualView } from '../payments/dual-view.ts';
import { loadPayment } from '../payments/get-payment.ts';
import type { Services } from '../services.ts';
import { readClock } from '../timers/test-clock.ts';
import { listDeliveries } from '../webhooks/deliveries.ts';
import { buildTimeline } from './timeline.ts';

/**
 * Everything the payment page shows, read once: both views (dualView), the delivery log, the
 * store clock, injected faults and the timeline picture's data.
 */
export async function loadPaymentDetail(services: Services, storeId: string, paymentId: string) {
  const payment = await loadPayment(services, storeId, paymentId);
  const [dual, outbox, timers, clock, deliveries, faults] = await Promise.all([
    dualView(services, storeId, paymentId),
    services.repo.listOutbox(storeId, paymentId),
    services.repo.listPaymentTimers(storeId, paymentId),
    readClock(services, storeId),
    listDeliveries(services, storeId, { paymentId }),
    services.repo.listFaults(storeId, { paymentId, limit: 100 }),
  ]);
  const timeline = buildTimeline({ payment, outbox, timers, faults, now: clock.now });
  return { payment, dual, deliveries: deliveries.items, clock, timeline };
}

export type PaymentDetail = Awaited<ReturnType<typeof loadPaymentDetail>>;
