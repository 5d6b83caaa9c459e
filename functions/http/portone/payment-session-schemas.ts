import * as z from 'zod';
import { CHECKOUT_PAYMENT_METHODS, MAX_PROFILE_ENTRIES } from '../../domain/checkout-profile.ts';
import { LIMITS } from '../../domain/limits.ts';
import { isPortOneCountry } from '../../domain/portone-codes.ts';
import type { CreatePaymentSessionInput } from '../../checkout/payment-sessions.ts';
import { Currency, CustomData, Id, OrderName, PaymentTotal, ShortText, Url } from '../../payments/request-fields.ts';
import { httpUrl } from '../../checkout/payment-request.ts';

/** Request shapes of hosted checkout (payment sessions, checkout profiles), field names exactly as PortOne's OAS. */
const int = z.number().int().safe();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'yyyy-MM-dd');

export const Country = z.string().refine(isPortOneCountry, 'must be a PortOne Country code (ISO 3166-1 alpha-2) such as KR');
export const CheckoutPaymentMethod = z.enum(CHECKOUT_PAYMENT_METHODS);

/**
 * A CSS colour the hosted page puts in a style sheet of its own: hex, a name, or rgb()/hsl() with
 * plain numbers, nothing that could close the rule or load anything.
 */
const CssColor = z.string().regex(/^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{1,30}|(rgb|rgba|hsl|hsla)\([0-9.,%\s/]{1,60}\))$/, 'must be a CSS colour (#rrggbb, a name, rgb() or hsl())');

const PaymentSessionProduct = z.object({
  id: ShortText.optional(),
  name: ShortText.min(1),
  code: ShortText.optional(),
  unitPrice: int.nonnegative(),
  quantity: int.positive(),
  startDate: date.optional(),
  endDate: date.optional(),
  url: Url.optional(),
  nPayCategoryType: ShortText.optional(),
  nPayCategoryId: ShortText.optional(),
  nPayUid: ShortText.optional(),
});

/** OAS `CreatePaymentSessionBody`. */
export const CreatePaymentSessionBody = z.object({
  storeId: Id,
  paymentId: Id,
  profileKey: Id,
  paymentMethod: CheckoutPaymentMethod.optional(),
  country: Country,
  currency: Currency,
  totalAmount: PaymentTotal,
  orderName: OrderName,
  redirectUrl: httpUrl.optional(),
  products: z
    .array(PaymentSessionProduct)
    .max(LIMITS.products, `at most ${LIMITS.products} products`)
    .refine((p) => JSON.stringify(p).length <= LIMITS.productsJsonChars, `must serialise to at most ${LIMITS.productsJsonChars} characters of JSON`)
    .optional(),
  customerName: ShortText.optional(),
  customerEmail: ShortText.optional(),
  storeName: ShortText.optional(),
  agreements: z.array(z.object({ name: ShortText.min(1), url: httpUrl })).max(20, 'at most 20 agreements').optional(),
  orderImageUrl: httpUrl.optional(),
  customData: CustomData.optional(),
  colors: z.object({ primary: CssColor.optional(), primaryHover: CssColor.optional(), primaryLight: CssColor.optional() }).optional(),
  ttlSeconds: int.optional(),
}) satisfies z.ZodType<CreatePaymentSessionInput & { storeId: string }>;

/** evaluateCheckoutProfile's query: every parameter required; `amount` an int64 in decimal. */
export const EvaluateCheckoutProfileQuery = z.object({
  profileKey: Id,
  country: Country,
  currency: Currency,
  amount: z
    .string()
    .regex(/^\d{1,16}$/, 'must be a non-negative integer')
    .transform(Number)
    .refine(Number.isSafeInteger, 'must be at most 9007199254740991'),
});

const CheckoutProfileEntry = z.object({
  paymentMethod: CheckoutPaymentMethod,
  channelKey: Id,
  countries: z.array(Country).min(1).max(50).optional(),
  currencies: z.array(Currency).min(1).max(50).optional(),
  minAmount: int.nonnegative().optional(),
  maxAmount: int.nonnegative().optional(),
});

/** The sandbox's checkout-profile form (PortOne's console has one; its API has none). */
export const CreateCheckoutProfileBody = z.object({
  profileKey: Id.optional(),
  name: ShortText.min(1),
  methods: z.array(CheckoutProfileEntry).min(1).max(MAX_PROFILE_ENTRIES),
});
