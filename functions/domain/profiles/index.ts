/**
 * All PG profiles, and their JSON form for `GET /sandbox/profiles`.
 * One file per PG holds its data and sources; this file only lists them.
 */
import { describeRule, describeRuleKo } from '../pg-rules.ts';
import { DANAL } from './danal.ts';
import { DAOU } from './daou.ts';
import { EXIMBAY_V2 } from './eximbay-v2.ts';
import { INICIS_V2 } from './inicis-v2.ts';
import { KAKAOPAY } from './kakaopay.ts';
import { KCP_V2 } from './kcp-v2.ts';
import { KICC_V2 } from './kicc-v2.ts';
import { KPN } from './kpn.ts';
import { KSNET } from './ksnet.ts';
import { MOBILIANS, MOBILIANS_V2 } from './mobilians.ts';
import { NAVERPAY } from './naverpay.ts';
import { NICE_V2 } from './nice-v2.ts';
import { PAYCO } from './payco.ts';
import { PAYMENTWALL } from './paymentwall.ts';
import { PAYPAL_V2 } from './paypal-v2.ts';
import { SETTLE } from './settle.ts';
import { SMARTRO_V2 } from './smartro-v2.ts';
import { TOSSPAY_V2 } from './tosspay-v2.ts';
import { TOSSPAYMENTS } from './tosspayments.ts';
import type { AutoRefundRule, PgProfile } from './types.ts';
import { WELCOME } from './welcome.ts';
import { liveDifferences, liveFactsOf, type LiveFacts } from './live.ts';

export type {
  AutoRefundDelayOverride,
  AutoRefundRule,
  Fact,
  MethodKind,
  PgCodeMessage,
  PgCodes,
  PgKind,
  PgProfile,
  TestMerchantIds,
} from './types.ts';

/** Every simulated PG; the order is the docs' order (batch PGs, no-withdrawal PGs, the rest). */
export const PROFILES: readonly PgProfile[] = Object.freeze([
  INICIS_V2,
  NICE_V2,
  SETTLE,
  SMARTRO_V2,
  DAOU,
  DANAL,
  MOBILIANS,
  MOBILIANS_V2,
  KCP_V2,
  KAKAOPAY,
  KPN,
  KICC_V2,
  PAYCO,
  TOSSPAY_V2,
  TOSSPAYMENTS,
  EXIMBAY_V2,
  PAYPAL_V2,
  WELCOME,
  PAYMENTWALL,
  NAVERPAY,
  KSNET,
]);

const BY_PROVIDER = new Map(PROFILES.map((p) => [p.pgProvider, p]));

/** The profile of a channel's `pgProvider` (OAS `PgProvider`), or undefined for a PG the sandbox does not simulate. */
export function getProfile(pgProvider: string): PgProfile | undefined {
  return BY_PROVIDER.get(pgProvider);
}

/**
 * The PG company (OAS `PgCompany`) of a channel's PG: the provider without its API generation
 * (INICIS_V2 → INICIS). Not the V1 name: KG이니시스's is HTML5_INICIS, which is no PgCompany.
 */
export const pgCompanyOf = (pgProvider: string): string => pgProvider.replace(/_V2$/, '');

/** Dotted paths of every value in a profile that no cited document states (`assumed: true`). */
export function assumedFields(profile: PgProfile): string[] {
  const out: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    const record = value as Record<string, unknown>;
    if ('value' in record && record.assumed === true) {
      out.push(path);
      return;
    }
    for (const [key, child] of Object.entries(record)) walk(child, path ? `${path}.${key}` : key);
  };
  walk(profile, '');
  return out;
}

/** A profile as served by `GET /sandbox/profiles`: the data plus derived, human-readable summaries. */
export interface PgProfileJson extends PgProfile {
  readonly autoRefundDescription: string;
  readonly autoRefundDescriptionKo: string;
  readonly assumedFields: readonly string[];
  /** The PG's live-like channel (`mode: 'LIVE_LIKE'`): its rules, and what differs from the test channel. */
  readonly live: LiveFacts & { readonly differences: readonly { ko: string; en: string }[] };
}

/** JSON-serialisable form of one profile (plain objects only: `JSON.parse(JSON.stringify(x))` equals `x`). */
export function toProfileJson(profile: PgProfile): PgProfileJson {
  const rule: AutoRefundRule = profile.autoRefund.value;
  return {
    ...(JSON.parse(JSON.stringify(profile)) as PgProfile),
    autoRefundDescription: describeRule(rule),
    autoRefundDescriptionKo: describeRuleKo(rule),
    assumedFields: assumedFields(profile),
    live: { ...(JSON.parse(JSON.stringify(liveFactsOf(profile))) as LiveFacts), differences: liveDifferences(profile) },
  };
}

/** Every profile in JSON form. */
export function profilesJson(): PgProfileJson[] {
  return PROFILES.map(toProfileJson);
}
