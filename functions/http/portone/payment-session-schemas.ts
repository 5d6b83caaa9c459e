import * as z from '../../zod.ts';
import { CHECKOUT_PAYMENT_METHODS, MAX_PROFILE_ENTRIES } from '../../domain/checkout-profile.ts';
import { LIMITS } from '../../domain/limits.ts';
import { isPortOneCountry } from '../../domain/portone-codes.ts';
import type { CreatePaymentSessionInput } from '../../checkout/payment-sessions.ts';
import { Currency, CustomData, Id, OrderName, PaymentTotal, ShortText, Url } from '../../payments/request-fields.ts';
import { httpUrl } from '../../checkout/payment-request.ts';

/** Request shapes of hosted checkout (payment sessions, checkout profiles), field names exactly as PortOne's OAS. */
const int = z.number().check(z.int());
const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'yyyy-MM-dd'));

export const Country = z.string().check(z.refine(isPortOneCountry, 'must be a PortOne Country code (ISO 3166-1 alpha-2) such as KR'));
export const CheckoutPaymentMethod = z.enum(CHECKOUT_PAYMENT_METHODS);

/**
 * A CSS colour the hosted page puts in a style sheet of its own: hex, a name, or rgb()/hsl() with
 * plain numbers, nothing that could close the rule or load anything.
 */
const CssColor = z.string().check(z.regex(/^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{1,30}|(rgb|rgba|hsl|hsla)\([0-9.,%\s/]{1,60}\))$/, 'must be a CSS colour (#rrggbb, a name, rgb() or hsl())'));

const PaymentSessionProduct = z.object({
  id: z.optional(ShortText),
  name: ShortText.check(z.minLength(1)),
  code: z.optional(ShortText),
  unitPrice: int.check(z.nonnegative()),
  quantity: int.check(z.positive()),
  startDate: z.optional(date),
  endDate: z.optional(date),
  url: z.optional(Url),
  nPayCategoryType: z.optional(ShortText),
  nPayCategoryId: z.optional(ShortText),
  nPayUid: z.optional(ShortText),
});

/** OAS `CreatePaymentSessionBody`. */
export const CreatePaymentSessionBody = z.object({
  storeId: Id,
  paymentId: Id,
  profileKey: Id,
  paymentMethod: z.optional(CheckoutPaymentMethod),
  country: Country,
  currency: Currency,
  totalAmount: PaymentTotal,
  orderName: OrderName,
  redirectUrl: z.optional(httpUrl),
  products: z.optional(z.array(PaymentSessionProduct).check(z.maxLength(LIMITS.products, `at most ${LIMITS.products} products`), z.refine((p) => JSON.stringify(p).length <= LIMITS.productsJsonChars, `must serialise to at most ${LIMITS.productsJsonChars} characters of JSON`))),
  customerName: z.optional(ShortText),
  customerEmail: z.optional(ShortText),
  storeName: z.optional(ShortText),
  agreements: z.optional(z.array(z.object({ name: ShortText.check(z.minLength(1)), url: httpUrl })).check(z.maxLength(20, 'at most 20 agreements'))),
  orderImageUrl: z.optional(httpUrl),
  customData: z.optional(CustomData),
  colors: z.optional(z.object({ primary: z.optional(CssColor), primaryHover: z.optional(CssColor), primaryLight: z.optional(CssColor) })),
  ttlSeconds: z.optional(int),
}) satisfies z.ZodMiniType<CreatePaymentSessionInput & { storeId: string }>;

/** evaluateCheckoutProfile's query: every parameter required; `amount` an int64 in decimal. */
export const EvaluateCheckoutProfileQuery = z.object({
  profileKey: Id,
  country: Country,
  currency: Currency,
  amount: z.pipe(z.string().check(z.regex(/^\d{1,16}$/, 'must be a non-negative integer')), z.transform(Number)).check(z.refine(Number.isSafeInteger, 'must be at most 9007199254740991')),
});

const CheckoutProfileEntry = z.object({
  paymentMethod: CheckoutPaymentMethod,
  channelKey: Id,
  countries: z.optional(z.array(Country).check(z.minLength(1), z.maxLength(50))),
  currencies: z.optional(z.array(Currency).check(z.minLength(1), z.maxLength(50))),
  minAmount: z.optional(int.check(z.nonnegative())),
  maxAmount: z.optional(int.check(z.nonnegative())),
});

/** The sandbox's checkout-profile form (PortOne's console has one; its API has none). */
export const CreateCheckoutProfileBody = z.object({
  profileKey: z.optional(Id),
  name: ShortText.check(z.minLength(1)),
  methods: z.array(CheckoutProfileEntry).check(z.minLength(1), z.maxLength(MAX_PROFILE_ENTRIES)),
});
