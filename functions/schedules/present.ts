import type { PaymentScheduleRecord } from '../domain/payment-schedule.ts';

/** PortOne's `PaymentSchedule` (the union on status): what getPaymentSchedule shows. */
export function presentSchedule(s: PaymentScheduleRecord): Record<string, unknown> {
  const shown: Record<string, unknown> = {
    status: s.status,
    id: s.scheduleId,
    merchantId: s.merchantId,
    storeId: s.storeId,
    paymentId: s.paymentId,
    billingKey: s.billingKey,
    orderName: s.orderName,
    isCulturalExpense: s.isCulturalExpense ?? false,
    isEscrow: s.isEscrow ?? false,
    customer: s.customer ?? {},
    customData: s.customData ?? '',
    totalAmount: s.totalAmount,
    taxFreeAmount: s.taxFreeAmount,
    vatAmount: s.vatAmount,
    currency: s.currency,
    installmentMonth: s.installmentMonth,
    noticeUrls: s.noticeUrls,
    products: s.products,
    createdAt: s.createdAt,
    timeToPay: s.timeToPay,
    startedAt: s.startedAt,
    completedAt: s.completedAt,
    revokedAt: s.revokedAt,
  };
  for (const k of Object.keys(shown)) if (shown[k] === undefined) delete shown[k];
  return shown;
}
