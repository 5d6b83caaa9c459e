/**
 * Every limit on what a caller may send, written once.
 *
 * DynamoDB refuses a sort key over 1,024 bytes, an item over 400 KB and a document nested deeper
 * than 32 levels, and it says so only when the write is attempted: the caller would get a 503
 * (which tells clients to retry) for input that can never succeed. These limits refuse such input
 * up front, as a 400 `INVALID_REQUEST` naming the field, before anything is read or written.
 *
 * Text is measured in UTF-16 code units (JavaScript's `length`, what a developer counts), which
 * is at most 3 UTF-8 bytes each: that factor is what the item budget below assumes.
 */
import { DISPUTE_REASON_CHARS, MAX_DISPUTES } from './dispute.ts';

export const LIMITS = {
  /** A request body; nothing PortOne accepts comes close. */
  bodyBytes: 256 * 1024,
  /**
   * An id that becomes part of a table key (paymentId, channelKey, storeId, timer and secret ids),
   * in UTF-8 bytes. The longest key built from one (`OUTBOX#<paymentId>#<eventId>`) stays under
   * DynamoDB's 1,024-byte sort key even if the key scheme escaped every byte three times over.
   */
  idBytes: 256,
  /** Nesting of any JSON body (DynamoDB stores at most 32 levels; a payment item adds a few). */
  jsonDepth: 16,
  orderNameChars: 1_000,
  customDataChars: 10_000,
  /** Short free text stored on a payment outside the customer object (remitteeName, …). */
  textChars: 200,
  /** The customer object as stored, serialised (it keeps fields PortOne adds later). */
  customerJsonChars: 4_000,
  products: 100,
  /** The products array as stored, serialised. */
  productsJsonChars: 20_000,
  /** PortOne's browser SDK takes at most 5; the API is held to the same. */
  noticeUrls: 5,
  urlChars: 2_048,
  cancelReasonChars: 1_000,
  /** Cancellations of one payment (PortOne's MAX_CANCEL_COUNT_REACHED cap is unpublished: assumed). */
  cancellations: 50,
  /** Extra hosts a store allows for browser-supplied noticeUrls (checkout/notice-urls.ts). */
  noticeUrlHosts: 20,
  /**
   * Failed attempts on one paymentId before PortOne's MAX_TRANSACTION_COUNT_REACHED (its cap is
   * unpublished: assumed). Each is kept on the payment for getPaymentTransactions.
   */
  failedAttempts: 10,
  /** A virtual account is valid for at most a year. */
  virtualAccountValidHours: 24 * 365,
} as const;

/**
 * What one payment item may hold besides the text counted below: ids, amounts, the method (with
 * remitteeName), the PG view, timestamps, the origin (page URL up to urlChars, user agent).
 */
const FIXED_PART_BYTES = 24 * 1024;
/** One cancellation besides its reason: ids, amounts, timestamps. */
const CANCELLATION_FIXED_BYTES = 1024;
/** One kept failed attempt: ids, channel, method (remitteeName at most textChars), amounts, failure. */
const PAST_ATTEMPT_BYTES = 2048 + 3 * 200;
const UTF8_BYTES_PER_UNIT = 3;
/** One dispute besides its reason: the PG's id (an id: idBytes), status, timestamps. */
const DISPUTE_FIXED_BYTES = 512;

/**
 * The largest a payment item can ever grow to under these limits, from its first request through
 * its last cancellation: below DynamoDB's 400 KB item limit (test/unit/limits.test.ts).
 */
export const PAYMENT_ITEM_WORST_CASE_BYTES =
  FIXED_PART_BYTES +
  UTF8_BYTES_PER_UNIT *
    (LIMITS.orderNameChars + LIMITS.customDataChars + LIMITS.customerJsonChars + LIMITS.productsJsonChars + LIMITS.noticeUrls * LIMITS.urlChars) +
  LIMITS.cancellations * (CANCELLATION_FIXED_BYTES + UTF8_BYTES_PER_UNIT * LIMITS.cancelReasonChars) +
  LIMITS.failedAttempts * PAST_ATTEMPT_BYTES +
  MAX_DISPUTES * (DISPUTE_FIXED_BYTES + UTF8_BYTES_PER_UNIT * DISPUTE_REASON_CHARS);

export const DYNAMODB_ITEM_LIMIT_BYTES = 400 * 1024;

const utf8 = new TextEncoder();
export const utf8Bytes = (text: string) => utf8.encode(text).length;

/** Why `value` cannot be an id, or undefined when it can. */
export function idProblem(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (utf8Bytes(value) > LIMITS.idBytes) return `must be at most ${LIMITS.idBytes} bytes (UTF-8)`;
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'must not contain control characters';
  return undefined;
}

/**
 * The path of the first place `value` nests deeper than `maxDepth` (objects and arrays), or
 * undefined. Iterative: a body nested 100,000 deep is answered, not a stack overflow.
 */
export function tooDeepPath(value: unknown, maxDepth: number = LIMITS.jsonDepth): (string | number)[] | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (path.length >= maxDepth) return path;
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (const [key, child] of entries) stack.push({ value: child, path: [...path, key] });
  }
  return undefined;
}

/**
 * DynamoDB's number range (magnitudes 1e-130 to 1e126), narrowed by its JavaScript marshaller,
 * which refuses integers beyond ±2^53 rather than store them imprecisely.
 */
const SMALLEST_STORABLE_MAGNITUDE = 1e-130;

/**
 * The first place in a parsed JSON body that the table could not hold, and why: a number out of
 * the storable range (JSON's `1e999` parses to Infinity) or an empty object key (DynamoDB refuses
 * an empty attribute name in a map). Fields kept as given (products, customer) would otherwise
 * carry it to the write, which fails after the request was accepted. Iterative, like tooDeepPath.
 */
export function unstorablePart(value: unknown): { path: (string | number)[]; problem: string } | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'number') {
      const magnitude = Math.abs(v);
      if (!Number.isFinite(v) || magnitude > Number.MAX_SAFE_INTEGER || (magnitude !== 0 && magnitude < SMALLEST_STORABLE_MAGNITUDE)) {
        return { path, problem: `number ${v} cannot be stored (at most ±${Number.MAX_SAFE_INTEGER}, and 0 or at least ${SMALLEST_STORABLE_MAGNITUDE} in size)` };
      }
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (const [key, child] of entries) {
      if (key === '') return { path, problem: 'an object key must not be empty' };
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return undefined;
}
