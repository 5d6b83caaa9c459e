import type { PgProfile } from './profiles/types.ts';
import { PORTONE_CURRENCIES } from './portone-codes.ts';

/**
 * ISO 4217 codes in PortOne's `Currency` list that are no money a PG charges in: no currency
 * (XXX), testing (XTS), precious metals, bond-market and SDR units, fund codes.
 */
const NOT_CHARGEABLE = new Set(['XXX', 'XTS', 'XAU', 'XAG', 'XPD', 'XPT', 'XBA', 'XBB', 'XBC', 'XBD', 'XDR', 'XSU', 'XUA', 'BOV', 'CHE', 'CHW', 'CLF', 'COU', 'MXV', 'USN', 'UYI', 'UYW']);

const KRW_ONLY: readonly string[] = ['KRW'];
const GLOBAL_CURRENCIES: readonly string[] = PORTONE_CURRENCIES.filter((c) => !NOT_CHARGEABLE.has(c));

/**
 * The currencies a PG's test channel takes (assumed, documented in docs/api.md): a domestic PG
 * or easy-pay company settles in won; an overseas PG (Eximbay, PayPal, Paymentwall) takes any
 * real currency. Foreign-currency contracts of domestic PGs are not simulated.
 */
export const acceptedCurrencies = (profile: Pick<PgProfile, 'kind'>): readonly string[] =>
  profile.kind === 'GLOBAL' ? GLOBAL_CURRENCIES : KRW_ONLY;

/** Why the channel's PG would refuse `currency`, or undefined when it takes it. */
export function currencyProblem(profile: Pick<PgProfile, 'kind' | 'consoleName'>, currency: string): string | undefined {
  const accepted = acceptedCurrencies(profile);
  if (accepted.includes(currency)) return undefined;
  return accepted === KRW_ONLY
    ? `${profile.consoleName} 테스트 채널은 KRW만 결제할 수 있습니다. (the channel's PG takes KRW only, not ${currency})`
    : `${profile.consoleName} 테스트 채널이 지원하지 않는 통화입니다. (${currency} is not a currency the PG charges in)`;
}
