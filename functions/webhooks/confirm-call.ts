import { buildConfirmBody, CONFIRM_TIMEOUT_MS, CONFIRM_UNREACHABLE_MESSAGE, judgeConfirmAnswer, type ConfirmCall } from '../domain/confirm-process.ts';
import type { PaymentRecord } from '../domain/payment.ts';
import type { StoreRecord } from '../domain/store.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { deliverWebhook } from './deliver.ts';
import { ensureWebhookSecret } from './settings.ts';
import { MAX_ACTIVE_SECRETS, signWebhook } from './signing.ts';

/**
 * Asks the merchant's confirm URL whether `payment` (READY, its window's transaction) may be
 * approved: one signed `Transaction.Confirm` POST, as PortOne's other webhooks are signed (PortOne:
 * "컨펌 프로세스 웹훅 또한 다른 일반적인 웹훅과 동일한 방식으로 검사"), with PortOne's timeout. No retry:
 * an answer that is not 200, or none in time, is the merchant's refusal. Never throws for the
 * merchant's faults; they are outcomes.
 */
export async function callConfirmUrl(services: Services, found: StoreRecord, payment: PaymentRecord, url: string): Promise<ConfirmCall> {
  const store = await ensureWebhookSecret(services, found);
  const at = storeNow(services, store);
  const body = buildConfirmBody({
    timestamp: at,
    storeId: store.storeId,
    paymentId: payment.paymentId,
    transactionId: payment.transactionId,
    totalAmount: payment.amount.total,
  });
  // Signed in wall-clock seconds: the receiver checks it against its own clock, which the test clock does not move.
  const headers = signWebhook({
    msgId: `confirm-${payment.transactionId}`,
    timestamp: new Date(services.wallNow()),
    body,
    secrets: store.webhook.secrets.slice(0, MAX_ACTIVE_SECRETS).map((s) => s.secret),
  });
  const result = await deliverWebhook({
    url,
    body,
    headers,
    timeoutMs: services.webhookDispatch?.confirmTimeoutMs ?? CONFIRM_TIMEOUT_MS,
    fetchImpl: services.webhookDispatch?.fetchImpl,
    urlGuard: { allowLoopback: services.allowLoopbackWebhooks },
    clock: () => storeNow(services, store),
  });
  const call: ConfirmCall = {
    txId: payment.transactionId,
    url,
    requestedAt: result.requestedAt.toISOString(),
    ...(result.respondedAt ? { respondedAt: result.respondedAt.toISOString() } : {}),
    durationMs: result.durationMs,
    outcome: 'UNREACHABLE',
  };
  if (result.status === undefined) {
    return { ...call, message: `${CONFIRM_UNREACHABLE_MESSAGE} (${result.error ?? 'NETWORK'}: ${result.errorMessage ?? 'no answer'})` };
  }
  return { ...call, status: result.status, ...judgeConfirmAnswer(result.status, result.responseBody) };
}
