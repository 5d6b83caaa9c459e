/**
 * Checkout profiles (체크아웃 프로필) of PortOne's hosted checkout: which pay methods a payment
 * session's page offers, and through which channel. PortOne configures them in its console and its
 * API only evaluates one (`evaluateCheckoutProfile`: profile, country, currency, amount → the OAS
 * `EvaluatedCheckoutMethod` list); the sandbox defines them with `POST /sandbox/checkout-profiles`.
 * The OAS says nothing about a profile's contents: what an entry may condition on (countries,
 * currencies, an amount range) and that the first entry of a method wins are assumed
 * (docs/payment-sessions.md).
 */
import type { MethodKind } from './profiles/types.ts';

/** OAS `CheckoutPaymentMethod`, in the OAS order. */
export const CHECKOUT_PAYMENT_METHODS = [
  'CARD_KR',
  'N_PAY',
  'KAKAO_PAY',
  'TOSS_PAY',
  'CARD_INTERNATIONAL',
  'PAY_PAL',
  'UNION_PAY',
  'ALIPAY_CN',
  'ALIPAY_HK',
  'TRUE_MONEY',
  'DANA',
  'TOUCH_N_GO',
  'G_CASH',
  'WE_CHAT_PAY',
  'KLARNA',
  'E_CONTEXT',
  'GRAB_PAY_MY',
  'GRAB_PAY_SG',
  'SHOPEE_PAY_TH',
  'PAY_PAY',
  'BPI',
  'RABBIT_LINE_PAY',
  'CONVENIENCE_STORE_JP',
  'AMAZON_PAY',
  'RAKUTEN_PAY',
  'D_BARAI',
  'AU_PAY',
  'MERPAY',
] as const;
export type CheckoutPaymentMethod = (typeof CHECKOUT_PAYMENT_METHODS)[number];

/**
 * How the sandbox's checkout window pays a hosted-checkout method: the browser SDK's `payMethod`,
 * the easy-pay provider or Alipay+ wallet (OAS spelling) it opens on, and which PGs may carry it
 * (`CARD_KR` a domestic PG's card, `CARD_INTERNATIONAL` an overseas PG's). Methods missing here
 * have no PG in the sandbox's profiles (WeChat Pay, Klarna, PayPay …): a profile cannot name them.
 */
export interface CheckoutMethodRoute {
  readonly payMethod: MethodKind;
  readonly provider?: string;
  readonly pgKind?: 'DOMESTIC' | 'GLOBAL';
}

const alipayPlus = (provider: string): CheckoutMethodRoute => ({ payMethod: 'ALIPAY_PLUS', provider });

export const CHECKOUT_METHOD_ROUTES: Partial<Record<CheckoutPaymentMethod, CheckoutMethodRoute>> = {
  CARD_KR: { payMethod: 'CARD', pgKind: 'DOMESTIC' },
  CARD_INTERNATIONAL: { payMethod: 'CARD', pgKind: 'GLOBAL' },
  N_PAY: { payMethod: 'EASY_PAY', provider: 'NAVERPAY' },
  KAKAO_PAY: { payMethod: 'EASY_PAY', provider: 'KAKAOPAY' },
  TOSS_PAY: { payMethod: 'EASY_PAY', provider: 'TOSSPAY' },
  PAY_PAL: { payMethod: 'PAYPAL' },
  ALIPAY_CN: { payMethod: 'ALIPAY' },
  ALIPAY_HK: alipayPlus('ALIPAY_HK'),
  TRUE_MONEY: alipayPlus('TRUE_MONEY'),
  DANA: alipayPlus('DANA'),
  TOUCH_N_GO: alipayPlus('TOUCH_N_GO'),
  G_CASH: alipayPlus('G_CASH'),
  RABBIT_LINE_PAY: alipayPlus('RABBIT_LINE_PAY'),
  CONVENIENCE_STORE_JP: { payMethod: 'CONVENIENCE_STORE' },
};

export const SIMULATED_CHECKOUT_METHODS = CHECKOUT_PAYMENT_METHODS.filter((m) => CHECKOUT_METHOD_ROUTES[m] !== undefined);

/** One line of a profile: a method through a channel, under optional conditions (absent = any). */
export interface CheckoutProfileEntry {
  paymentMethod: CheckoutPaymentMethod;
  channelKey: string;
  countries?: string[];
  currencies?: string[];
  minAmount?: number;
  maxAmount?: number;
}

export interface CheckoutProfileRecord {
  /** Global: evaluateCheckoutProfile names a profile by its key alone (no store, no auth). */
  profileKey: string;
  storeId: string;
  name: string;
  methods: CheckoutProfileEntry[];
  createdAt: string;
}

/** The order profiles are listed in: newest first, then by key (descending, as the store's index reads them). */
export const newestProfileFirst = (a: CheckoutProfileRecord, b: CheckoutProfileRecord): number =>
  a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? 1 : -1) : a.profileKey < b.profileKey ? 1 : a.profileKey > b.profileKey ? -1 : 0;

/** The most entries a profile holds (a console's list, not a routing table: assumed). */
export const MAX_PROFILE_ENTRIES = 50;

/** What a channel offers, as far as routing a method is concerned (a PG profile's facts). */
export interface ChannelCapability {
  pgKind: 'GENERAL' | 'EASY_PAY_DIRECT' | 'GLOBAL';
  methods: readonly MethodKind[];
  directEasyPayProvider?: string;
  currencies: readonly string[];
}

/** Why `channel` cannot pay `method` at all, or undefined when it can (currency aside). */
export function routeProblem(method: CheckoutPaymentMethod, channel: ChannelCapability): string | undefined {
  const route = CHECKOUT_METHOD_ROUTES[method];
  if (!route) return `${method}: no PG in the sandbox offers this method`;
  if (!channel.methods.includes(route.payMethod)) return `${method}: the channel's PG offers no ${route.payMethod} on its test channel`;
  if (route.pgKind === 'GLOBAL' && channel.pgKind !== 'GLOBAL') return `${method}: needs an overseas PG's channel (CARD_KR is a domestic card)`;
  if (route.pgKind === 'DOMESTIC' && channel.pgKind === 'GLOBAL') return `${method}: needs a domestic PG's channel (CARD_INTERNATIONAL is an overseas card)`;
  if (route.payMethod === 'EASY_PAY' && channel.directEasyPayProvider !== undefined && channel.directEasyPayProvider !== route.provider) {
    return `${method}: the channel is ${channel.directEasyPayProvider}'s own, not ${route.provider}`;
  }
  return undefined;
}

/** What a profile is evaluated for (the operation's query). */
export interface CheckoutQuery {
  country: string;
  currency: string;
  amount: number;
}

const entryMatches = (e: CheckoutProfileEntry, q: CheckoutQuery): boolean =>
  (e.countries === undefined || e.countries.includes(q.country)) &&
  (e.currencies === undefined || e.currencies.includes(q.currency)) &&
  (e.minAmount === undefined || q.amount >= e.minAmount) &&
  (e.maxAmount === undefined || q.amount <= e.maxAmount);

/**
 * The methods a profile offers for `query`: its entries in order whose conditions hold and whose
 * channel (still there) can pay the method in the currency; one channel per method, the first
 * entry's (assumed: entries are a priority list).
 */
export function evaluateProfile(
  profile: Pick<CheckoutProfileRecord, 'methods'>,
  query: CheckoutQuery,
  channelOf: (channelKey: string) => ChannelCapability | undefined,
): { paymentMethod: CheckoutPaymentMethod; channelKey: string }[] {
  const out: { paymentMethod: CheckoutPaymentMethod; channelKey: string }[] = [];
  for (const entry of profile.methods) {
    if (out.some((m) => m.paymentMethod === entry.paymentMethod) || !entryMatches(entry, query)) continue;
    const channel = channelOf(entry.channelKey);
    if (!channel || routeProblem(entry.paymentMethod, channel) || !channel.currencies.includes(query.currency)) continue;
    out.push({ paymentMethod: entry.paymentMethod, channelKey: entry.channelKey });
  }
  return out;
}
