import { createHash } from 'node:crypto';
import type { ChannelRef } from './payment.ts';

/**
 * 본인인증 (identity verification): a Korean customer proves who they are with their phone
 * (통신사 = mobile carrier, 알뜰폰 = MVNO, a budget carrier on one of the three networks). PortOne
 * keeps one record per `identityVerificationId`, READY → VERIFIED or FAILED (OAS
 * `IdentityVerification`); the verified customer's CI/DI are the keys a shop stores to recognise a
 * person (CI: the same across sites; DI: per site).
 */
export type IdentityVerificationStatus = 'READY' | 'VERIFIED' | 'FAILED';

/** OAS `IdentityVerificationOperator` (also `Carrier`): the three networks and their 알뜰폰. */
export const OPERATORS = ['SKT', 'KT', 'LGU', 'SKT_MVNO', 'KT_MVNO', 'LGU_MVNO'] as const;
export type Operator = (typeof OPERATORS)[number];
export const OPERATOR_NAMES_KO: Readonly<Record<Operator, string>> = {
  SKT: 'SKT',
  KT: 'KT',
  LGU: 'LG U+',
  SKT_MVNO: 'SKT 알뜰폰',
  KT_MVNO: 'KT 알뜰폰',
  LGU_MVNO: 'LG U+ 알뜰폰',
};

export type Gender = 'MALE' | 'FEMALE';

/** OAS `IdentityVerificationRequestedCustomer`: what the shop passed, unchecked. */
export interface RequestedCustomer {
  id?: string;
  name?: string;
  phoneNumber?: string;
  birthYear?: string;
  birthMonth?: string;
  birthDay?: string;
}

/** OAS `IdentityVerificationVerifiedCustomer`: what the carrier confirmed. */
export interface VerifiedCustomer {
  id?: string;
  name: string;
  operator: Operator;
  phoneNumber: string;
  birthDate?: string;
  gender?: Gender;
  isForeigner?: boolean;
  ci: string;
  di: string;
}

/**
 * Who the customer says they are, as typed into the window or sent through the API (where birth
 * date, gender and nationality come from the optional `identityNumber`).
 */
export interface ClaimedIdentity {
  name: string;
  phoneNumber: string;
  operator: Operator;
  /** yyyy-MM-dd */
  birthDate?: string;
  gender?: Gender;
  isForeigner?: boolean;
}

/** The SMS the API flow sent (sendIdentityVerification): whose phone, and until when its OTP counts. */
export interface SentOtp {
  identity: ClaimedIdentity;
  method: 'SMS' | 'APP';
  /** Store-clock time the OTP stops being accepted. */
  expiresAt: string;
  resendCount: number;
}

export interface IdentityVerificationRecord {
  storeId: string;
  id: string;
  status: IdentityVerificationStatus;
  /** PortOne's `identityVerificationTxId` of the current attempt. */
  txId: string;
  channel: ChannelRef;
  requestedCustomer: RequestedCustomer;
  customData?: string;
  /** How it was started: the browser window (PC / MOBILE) or the API flow. */
  platformType: 'PC' | 'MOBILE' | 'API';
  requestedAt: string;
  updatedAt: string;
  statusChangedAt: string;
  verifiedAt?: string;
  failedAt?: string;
  pgTxId: string;
  verifiedCustomer?: VerifiedCustomer;
  failure?: { reason: string; pgCode: string; pgMessage: string };
  /** Present while an API-flow OTP is outstanding. */
  sent?: SentOtp;
  /** Wrong OTPs in the current attempt (window or API); {@link MAX_WRONG_OTP} of them fail it. */
  wrongOtps: number;
  version: number;
}

/**
 * The sandbox's test OTP: PortOne's test channels send no real SMS, so every OTP is this one
 * (docs/identity-verification.md). The hosted window shows it; the API flow documents it.
 */
export const TEST_OTP = '123456';
/** How long an OTP is accepted, on the store's test clock: 3 minutes, as carriers' 본인확인 SMS say. */
export const OTP_VALID_SECONDS = 180;
/** Wrong OTPs before the verification fails for good (assumed; carriers allow a few tries). */
export const MAX_WRONG_OTP = 5;

/** Digits only, e.g. `010-1234-5678` → `01012345678`. */
export const phoneDigits = (phone: string) => phone.replace(/\D/g, '');

/** A Korean mobile number (010 and the old 011/016/017/018/019 prefixes). */
export const isMobileNumber = (phone: string) => /^01[016789]\d{7,8}$/.test(phoneDigits(phone));

/** `yyyy-MM-dd` that is a real past date. */
export function isBirthDate(value: string, now: Date): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value && d.getTime() <= now.getTime();
}

/**
 * 주민등록번호 앞 7자리 (the first 7 digits of the resident registration number: YYMMDD and a
 * digit for century, gender and nationality: 1/2 → 1900s, 3/4 → 2000s, 5–8 the same for
 * foreigners; odd = male). The API flow's `identityNumber`.
 */
export function parseIdentityNumber(value: string): { birthDate: string; gender: Gender; isForeigner: boolean } | undefined {
  const m = /^(\d{2})(\d{2})(\d{2})-?([1-8])$/.exec(value);
  if (!m) return undefined;
  const digit = Number(m[4]);
  const century = digit === 1 || digit === 2 || digit === 5 || digit === 6 ? '19' : '20';
  const birthDate = `${century}${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${birthDate}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== birthDate) return undefined;
  return { birthDate, gender: digit % 2 === 1 ? 'MALE' : 'FEMALE', isForeigner: digit >= 5 };
}

/**
 * The verified customer: the claimed identity with a CI and DI. Real CI (88 characters) and DI
 * (64) come from the carrier; the sandbox derives them from the person (name, birth date, phone)
 * so the same tester gets the same CI everywhere and the same DI per site (channel MID).
 */
export function verifiedCustomerOf(identity: ClaimedIdentity, siteId: string, customerId?: string): VerifiedCustomer {
  const person = `${identity.name}|${identity.birthDate ?? ''}|${phoneDigits(identity.phoneNumber)}`;
  return {
    ...(customerId !== undefined ? { id: customerId } : {}),
    name: identity.name,
    operator: identity.operator,
    phoneNumber: phoneDigits(identity.phoneNumber),
    ...(identity.birthDate !== undefined ? { birthDate: identity.birthDate } : {}),
    ...(identity.gender !== undefined ? { gender: identity.gender } : {}),
    ...(identity.isForeigner !== undefined ? { isForeigner: identity.isForeigner } : {}),
    ci: createHash('sha512').update(`ci|${person}`).digest('base64'),
    di: createHash('sha384').update(`di|${siteId}|${person}`).digest('base64'),
  };
}

/** What an OTP does to the current attempt: verify it, or the PG's refusal. */
export type OtpCheck =
  | { kind: 'verified' }
  | { kind: 'expired' }
  | { kind: 'wrong'; attemptsLeft: number }
  | { kind: 'locked' };

/** `expiresAt` undefined: the window flow, bounded by the window's own lifetime instead. */
export function checkOtp(attempt: { expiresAt?: string; wrongOtps: number }, otp: string, now: Date): OtpCheck {
  if (attempt.expiresAt !== undefined && now.getTime() >= new Date(attempt.expiresAt).getTime()) return { kind: 'expired' };
  if (otp === TEST_OTP) return { kind: 'verified' };
  const attemptsLeft = MAX_WRONG_OTP - (attempt.wrongOtps + 1);
  return attemptsLeft <= 0 ? { kind: 'locked' } : { kind: 'wrong', attemptsLeft };
}

export const otpExpiry = (now: Date) => new Date(now.getTime() + OTP_VALID_SECONDS * 1000).toISOString();
