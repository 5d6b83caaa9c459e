import * as z from 'zod';
import type { ConfirmPaymentInput } from '../../payments/confirm-payment.ts';
import { Currency } from '../../payments/request-fields.ts';

const int = z.number().int().safe();

/** confirmPayment (인증 결제 수동 승인): the window's `paymentToken` and PortOne's 검증용 check fields. */
export const ConfirmPaymentBody = z.object({
  storeId: z.string().optional(),
  paymentToken: z.string().min(1).max(500),
  txId: z.string().max(200).optional(),
  currency: Currency.optional(),
  totalAmount: int.nonnegative().optional(),
  taxFreeAmount: int.nonnegative().optional(),
  isTest: z.boolean().optional(),
  skipWebhook: z.boolean().optional(),
}) satisfies z.ZodType<ConfirmPaymentInput & { storeId?: string }>;
