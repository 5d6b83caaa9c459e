import * as z from '../zod.ts';
import { LIMITS, idProblem } from '../domain/limits.ts';
import { isPortOneBank, isPortOneCurrency } from '../domain/portone-codes.ts';

/**
 * The request fields every entry point shares (PortOne API, sandbox API, browser checkout), each
 * bounded by domain/limits.ts, so a payment is held to the same limits however it was requested.
 */

/** An id that becomes part of a table key. */
export const Id = z.string().check(z.superRefine((value, ctx) => {
  const problem = idProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
}));


const text = (max: number) => z.string().check(z.maxLength(max, `must be at most ${max} characters`));

/** JSON-serialised size of an open-ended value that is stored as given. */
const storedJsonAtMost = (max: number) => (value: unknown) => JSON.stringify(value ?? null).length <= max;

export const OrderName = text(LIMITS.orderNameChars).check(z.minLength(1));
export const CustomData = text(LIMITS.customDataChars);
export const ShortText = text(LIMITS.textChars);
/** RFC 3339 with an offset, as PortOne's `date-time` fields are. */
export const DateTime = z.iso.datetime({ offset: true });
export const CancelReason = text(LIMITS.cancelReasonChars).check(z.minLength(1));
export const Url = text(LIMITS.urlChars);
export const NoticeUrls = z.array(Url).check(z.maxLength(LIMITS.noticeUrls, `at most ${LIMITS.noticeUrls} URLs`));

export const Products = z.array(z.unknown()).check(z.maxLength(LIMITS.products, `at most ${LIMITS.products} products`), z.refine(storedJsonAtMost(LIMITS.productsJsonChars), `must serialise to at most ${LIMITS.productsJsonChars} characters of JSON`));

/** Applied to the customer object as stored: it keeps fields PortOne adds later, so its size is bounded as a whole. */
export const customerSizeOk = storedJsonAtMost(LIMITS.customerJsonChars);
export const CUSTOMER_SIZE_MESSAGE = `must serialise to at most ${LIMITS.customerJsonChars} characters of JSON`;

/** PortOne refuses a payment of nothing: a PG approves no 0-won payment (docs/api.md). */
export const PaymentTotal = z.number().check(z.int(), z.minimum(1, 'must be at least 1 (a PG approves no 0-won payment)'));

export const Currency = z.string().check(z.refine(isPortOneCurrency, 'must be a PortOne Currency code (ISO 4217) such as KRW'));
export const Bank = z.string().check(z.refine(isPortOneBank, 'must be a PortOne Bank code such as SHINHAN'));
export const ValidHours = z.number().check(z.int(), z.positive(), z.maximum(LIMITS.virtualAccountValidHours, `must be at most ${LIMITS.virtualAccountValidHours} (one year)`));
