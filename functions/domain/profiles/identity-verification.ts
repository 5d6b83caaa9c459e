/**
 * What each PG does with 본인인증 (identity verification) on a PortOne test channel. Plain data like
 * the profiles, every value a {@link Fact}: stated by a cited document or `assumed` with the reason.
 *
 * Sources: PortOne's browser SDK description lists identity-verification parameters (`bypass`) only
 * for 다날 (DANAL), KG이니시스 통합인증 (INICIS_UNIFIED, a channel type the sandbox does not simulate)
 * and NHN KCP (KCP_V2); the facts file §4b (help pages danal.md, kcp_channel.md) says Danal and KCP
 * identity verification have no shared test credentials: on PortOne a shop needs its own contract
 * before it can test them. The sandbox simulates them anyway (that is what it is for) and says so.
 */
import { OPERATORS, type Operator } from '../identity-verification.ts';
import { assumed, stated } from './common.ts';
import type { Fact, PgCodeMessage, PgProfile } from './types.ts';

export interface IdentityVerificationTestMode {
  /** Does the PG offer 본인인증 through PortOne V2 at all? */
  readonly supported: Fact<boolean>;
  /** Can a shop test it with PortOne's shared test channel, without its own contract (가입/계약)? */
  readonly sharedTestCredentials: Fact<boolean>;
  /** The API flow (sendIdentityVerification → confirmIdentityVerification, OTP by SMS without a window). */
  readonly apiFlow: Fact<boolean>;
  /** Carriers offered in the window (알뜰폰 included). */
  readonly operators: Fact<readonly Operator[]>;
  readonly codes: {
    readonly wrongOtp: Fact<PgCodeMessage>;
    readonly otpExpired: Fact<PgCodeMessage>;
    readonly tooManyWrongOtps: Fact<PgCodeMessage>;
    readonly userCancel: Fact<PgCodeMessage>;
  };
}

const SDK_LISTS = "PortOne's browser SDK description has identity-verification parameters for this PG (browser-sdk.yml: bypass.identityVerification)";
const SDK_LACKS = "PortOne's browser SDK description has identity-verification parameters only for Danal, KG이니시스 통합인증 and NHN KCP";
const NO_SHARED = 'no shared test credentials for 본인인증 (facts file §4b: help pages danal.md, kcp_channel.md); on PortOne the shop signs up first. The sandbox simulates it anyway';
const CODE_NOTE = "code from the sandbox scheme (<PG prefix><situation number>); no public document gives this PG's code";

function codes(prefix: string): IdentityVerificationTestMode['codes'] {
  const code = (n: string, pgMessage: string) => assumed({ pgCode: `${prefix}${n}`, pgMessage }, CODE_NOTE);
  return {
    wrongOtp: code('081', '인증번호가 일치하지 않습니다'),
    otpExpired: code('082', '인증번호 입력 시간이 초과되었습니다'),
    tooManyWrongOtps: code('083', '인증번호 입력 횟수를 초과하였습니다'),
    userCancel: code('084', '사용자가 본인인증을 취소하였습니다'),
  };
}

const ALL_OPERATORS = assumed<readonly Operator[]>(OPERATORS, 'every carrier and 알뜰폰 (MVNO) of the OAS `IdentityVerificationOperator` enum; no PG documents a restriction in test');

/** PGs that offer 본인인증, by PortOne `pgProvider`. */
const DOCUMENTED: Readonly<Record<string, IdentityVerificationTestMode>> = {
  DANAL: {
    supported: stated(true, SDK_LISTS),
    sharedTestCredentials: stated(false, NO_SHARED),
    apiFlow: assumed(true, 'the sandbox offers the API flow on Danal, the PG best known for SMS 본인확인; which PGs PortOne allows it for is not in the collected sources'),
    operators: ALL_OPERATORS,
    codes: codes('DN'),
  },
  KCP_V2: {
    supported: stated(true, SDK_LISTS),
    sharedTestCredentials: stated(false, NO_SHARED),
    apiFlow: assumed(false, 'not documented for NHN KCP in the collected sources; the window flow only'),
    operators: ALL_OPERATORS,
    codes: codes('KCP'),
  },
};

/** A PG's 본인인증 test mode: documented values, or "not offered" with the reason. */
export function identityVerificationOf(profile: PgProfile): IdentityVerificationTestMode {
  const documented = DOCUMENTED[profile.pgProvider];
  if (documented) return documented;
  return {
    supported: assumed(false, SDK_LACKS),
    sharedTestCredentials: assumed(false, 'not offered'),
    apiFlow: assumed(false, 'not offered'),
    operators: assumed<readonly Operator[]>([], 'not offered'),
    codes: codes('IV'),
  };
}
