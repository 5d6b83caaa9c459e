import type { PaymentEventRecord } from '../domain/payment-event.ts';
import type { Services } from '../services.ts';
import { cursorWindow, type CursorInput } from './list-payments.ts';

/** getAllPaymentEventsByCursor: the store's payment events created in the window, oldest first. */
export async function listPaymentEventsByCursor(
  services: Services,
  storeId: string,
  now: Date,
  input: CursorInput,
): Promise<{ event: PaymentEventRecord; cursor: string }[]> {
  const out = await services.repo.queryPaymentEvents(storeId, cursorWindow(now, input));
  return out.items.map((event, i) => ({ event, cursor: out.positions[i]! }));
}
