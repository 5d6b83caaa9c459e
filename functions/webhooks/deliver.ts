/**
 * One webhook delivery attempt: guard the URL, POST the signed body, and
 * report what happened in a shape the outbox can store as a delivery log.
 * It never throws for the receiver's faults (those are results, feeding the
 * retry policy); it only decides ok / not ok.
 *
 * Policy:
 * - 2xx is success; everything else, including 3xx, is a failure to retry.
 * - Redirects are NOT followed (`redirect: 'manual'`). Following one would
 *   send the POST to a target the URL guard never saw (a receiver could
 *   bounce us to the metadata service), and 301/302 would silently turn the
 *   POST into a GET. The receiver's configured URL must answer by itself.
 * - One budget, `timeoutMs` (PortOne: 30 s connect and 30 s read), covers
 *   DNS, connect, headers and the capped body read.
 */
import { resolveAndCheck, type LookupFn, type UrlGuardOptions } from './url-guard.ts';

export type DeliveryError = 'TIMEOUT' | 'NETWORK' | 'BLOCKED_URL';

export interface DeliverWebhookInput {
  url: string;
  /** The exact signed body. */
  body: string;
  /** The signature headers (see signing.ts); `content-type` is always application/json. */
  headers: Readonly<Record<string, string>>;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  urlGuard?: UrlGuardOptions & { lookup?: LookupFn };
  /** Time source for requestedAt/respondedAt (a store's test clock); durations use a monotonic clock. */
  clock?: () => Date;
  /**
   * The caller giving up (a runtime shutting down). Unlike the timeout this is not the receiver's
   * fault, so it is not a result: deliverWebhook rejects with the signal's reason and the caller
   * records no attempt (the event is sent again later, never lost).
   */
  signal?: AbortSignal;
}

export interface DeliveryResult {
  ok: boolean;
  status?: number;
  /** At most RESPONSE_BODY_LIMIT_BYTES of the receiver's answer, decoded as UTF-8. */
  responseBody?: string;
  responseBodyTruncated?: boolean;
  responseHeaders?: Record<string, string>;
  error?: DeliveryError;
  /** Human-readable detail for the delivery log (cause code, blocked reason, redirect target). */
  errorMessage?: string;
  durationMs: number;
  requestedAt: Date;
  respondedAt?: Date;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const RESPONSE_BODY_LIMIT_BYTES = 4096;

const TIMED_OUT = Symbol('timed out');

/** dns.lookup cannot be cancelled; stop waiting for it when the budget runs out. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | typeof TIMED_OUT> {
  if (signal.aborted) return Promise.resolve(TIMED_OUT);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => resolve(TIMED_OUT);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

async function readCapped(response: Response, limit: number): Promise<{ text: string; truncated: boolean }> {
  if (response.body === null) return { text: '', truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
      if (size > limit) {
        truncated = true;
        break;
      }
    }
  } catch {
    // The receiver's status is already in hand; a body cut short by the
    // timeout or a reset keeps what arrived rather than losing the status.
    truncated = true;
  } finally {
    // Releases the connection instead of draining an unbounded body.
    reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(Math.min(size, limit));
  let offset = 0;
  for (const chunk of chunks) {
    if (offset >= bytes.length) break;
    const part = chunk.subarray(0, bytes.length - offset);
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return { text: new TextDecoder().decode(bytes), truncated };
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const message = typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : String(error);
  return code !== undefined && !message.includes(code) ? `${code}: ${message}` : message;
}

export async function deliverWebhook(input: DeliverWebhookInput): Promise<DeliveryResult> {
  const { url, body, headers, timeoutMs = DEFAULT_TIMEOUT_MS, fetchImpl = fetch, urlGuard = {}, clock = () => new Date() } = input;
  const requestedAt = clock();
  const started = performance.now();
  const durationMs = (): number => Math.round(performance.now() - started);
  const cancelled = (): boolean => input.signal?.aborted === true;
  const giveUp = (): never => {
    throw input.signal?.reason instanceof Error ? input.signal.reason : new Error('webhook delivery cancelled by the caller');
  };
  if (cancelled()) giveUp();
  const timeoutSignal = AbortSignal.timeout(timeoutMs);
  const signal = input.signal ? AbortSignal.any([timeoutSignal, input.signal]) : timeoutSignal;
  const timeout = (during: string): DeliveryResult => ({
    ok: false,
    error: 'TIMEOUT',
    errorMessage: `no answer within ${timeoutMs} ms (${during})`,
    durationMs: durationMs(),
    requestedAt,
  });

  const guard = await untilAborted(resolveAndCheck(url, urlGuard), signal);
  if (cancelled()) giveUp();
  if (guard === TIMED_OUT) return timeout('DNS lookup');
  if (!guard.ok) {
    return {
      ok: false,
      error: guard.reason === 'DNS' ? 'NETWORK' : 'BLOCKED_URL',
      errorMessage: guard.message,
      durationMs: durationMs(),
      requestedAt,
    };
  }

  const requestHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) requestHeaders[name.toLowerCase()] = value;
  // PortOne's 2024-04-25 webhooks are JSON only.
  requestHeaders['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetchImpl(guard.url.href, { method: 'POST', headers: requestHeaders, body, redirect: 'manual', signal });
  } catch (error) {
    if (cancelled()) giveUp();
    if (signal.aborted) return timeout('waiting for the response');
    return { ok: false, error: 'NETWORK', errorMessage: describeNetworkError(error), durationMs: durationMs(), requestedAt };
  }
  const respondedAt = clock();
  const responseHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    responseHeaders[name] = value;
  });
  const { text, truncated } = await readCapped(response, RESPONSE_BODY_LIMIT_BYTES);
  const ok = response.status >= 200 && response.status < 300;
  const redirected = response.status >= 300 && response.status < 400;
  return {
    ok,
    status: response.status,
    responseBody: text,
    ...(truncated ? { responseBodyTruncated: true } : {}),
    responseHeaders,
    ...(redirected
      ? { errorMessage: `redirect to ${response.headers.get('location') ?? '(no location)'} not followed: webhook URLs must answer 2xx themselves` }
      : {}),
    durationMs: durationMs(),
    requestedAt,
    respondedAt,
  };
}
