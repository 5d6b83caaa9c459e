/**
 * The confirm process (컨펌 프로세스, PortOne: developers.portone.io/docs/ko/v2-payment/confirm-process):
 * right before the PG is asked to approve, PortOne POSTs a `Transaction.Confirm` webhook to the
 * request's `confirmUrl` and goes on only if the merchant's server answers HTTP 200. Any other
 * answer, or none in time, leaves the payment failed (결제 실패), and the browser SDK answers the
 * merchant's page with the code `ConfirmProcessFailed` (browser-sdk.yml, TxServicePayErrorCode) and
 * the merchant's `errorMessage` when its error body has one.
 *
 * PortOne enables the process per store on request (기술지원 메일 with the store id); the sandbox
 * per store with PUT /sandbox/webhook/confirm-process (docs/confirm-process.md).
 */

/**
 * How long PortOne waits for the merchant's answer. PortOne's V2 guide said "Timeout : 10s" (the
 * line was later dropped from the page without a new figure; V1's FAQ says 5 s): the sandbox uses 10 s.
 */
export const CONFIRM_TIMEOUT_MS = 10_000;

/** Only exactly 200 approves ("HTTP Status 200 응답인 경우에만 결제 승인을 요청합니다"): 201 or 204 refuse. */
export const CONFIRM_APPROVED_STATUS = 200;

/** The browser SDK's code for a refused, failed or timed-out confirm call (TxServicePayErrorCode). */
export const CONFIRM_PROCESS_FAILED = 'ConfirmProcessFailed';

/** One call to the merchant's confirm URL, kept on the payment for the console's timeline. */
export interface ConfirmCall {
  /** The transaction (window) the call asked about: a new window starts a new call. */
  txId: string;
  url: string;
  /** Store clock. */
  requestedAt: string;
  respondedAt?: string;
  /** CALLING: sent, the answer not recorded yet (a double submit waits for it instead of calling twice). */
  outcome: 'CALLING' | 'APPROVED' | 'REFUSED' | 'UNREACHABLE';
  /** The merchant's HTTP status; absent when it did not answer. */
  status?: number;
  /** Why the call did not approve, as the payment's failure reason and the window's message. */
  message?: string;
  durationMs?: number;
}

/** The default refusal text, when the merchant's error body names no `errorMessage`. */
export const CONFIRM_REFUSED_MESSAGE = '고객사 서버가 결제 승인을 거절했습니다.';
/** The merchant's server did not answer in time (or could not be reached): PortOne treats it as a refusal. */
export const CONFIRM_UNREACHABLE_MESSAGE = '고객사 서버의 결제 승인 확인 응답이 없어 결제가 중단되었습니다.';
/** The merchant's `errorMessage` is kept up to this length (it is stored on the payment and shown to the customer). */
const MAX_MERCHANT_MESSAGE = 500;

/**
 * What the merchant's answer decides. `errorMessage` of a JSON error body (PortOne's example:
 * `{"errorMessage": "재고가 모두 소진되었습니다. 관리자에게 문의하세요."}`) becomes the message
 * PortOne hands the page; anything else keeps the default, with the status for the tester.
 */
export function judgeConfirmAnswer(status: number, body: string | undefined): Pick<ConfirmCall, 'outcome' | 'message'> {
  if (status === CONFIRM_APPROVED_STATUS) return { outcome: 'APPROVED' };
  return { outcome: 'REFUSED', message: merchantMessage(body) ?? `${CONFIRM_REFUSED_MESSAGE} (HTTP ${status})` };
}

function merchantMessage(body: string | undefined): string | undefined {
  if (!body) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    const message = parsed && typeof parsed === 'object' ? (parsed as { errorMessage?: unknown }).errorMessage : undefined;
    return typeof message === 'string' && message.trim() !== '' ? message.slice(0, MAX_MERCHANT_MESSAGE) : undefined;
  } catch {
    return undefined;
  }
}

/** The body PortOne posts (webhook version 2024-04-25; the server SDK's `WebhookTransactionConfirm`). */
export interface ConfirmWebhookBody {
  type: 'Transaction.Confirm';
  timestamp: string;
  data: { paymentId: string; storeId: string; transactionId: string; totalAmount: number };
}

/** The exact bytes that are signed and sent; keys in a fixed order so the signature is reproducible. */
export function buildConfirmBody(input: { timestamp: Date; storeId: string; paymentId: string; transactionId: string; totalAmount: number }): string {
  const body: ConfirmWebhookBody = {
    type: 'Transaction.Confirm',
    timestamp: input.timestamp.toISOString(),
    data: { paymentId: input.paymentId, storeId: input.storeId, transactionId: input.transactionId, totalAmount: input.totalAmount },
  };
  return JSON.stringify(body);
}
