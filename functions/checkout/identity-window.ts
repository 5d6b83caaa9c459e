import { randomUUID } from 'node:crypto';
import { ConcurrentModificationError, PortOneError } from '../domain/errors.ts';
import {
  OPERATORS,
  checkOtp,
  isBirthDate,
  isMobileNumber,
  phoneDigits,
  type ClaimedIdentity,
  type IdentityVerificationRecord,
  type Operator,
  type RequestedCustomer,
} from '../domain/identity-verification.ts';
import { RETRY_LIMITS, retryOnConflict } from '../domain/retry.ts';
import { failedAttempt, identityChannel, newAttempt, verifiedAttempt, withWrongOtp, type IdentityChannel } from '../identity-verification/attempt.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { identityError, identityFailedAtPg, identityVerified, type IdentityVerificationResponse } from './identity-response.ts';
import type { SdkIdentityVerificationRequest } from './identity-request.ts';
import { toCustomDataString } from './payment-request.ts';
import { sdkErrorOf } from './sdk-errors.ts';
import { SESSION_TTL_SECONDS } from './session.ts';
import { signToken, verifyToken } from './signed-token.ts';

/**
 * The hosted 본인인증 window (`PortOne.requestIdentityVerification`): opening it starts an attempt
 * (READY, a new identityVerificationTxId), the customer picks a carrier (알뜰폰 included), types
 * name, phone and birth date and the OTP the window shows (test channels send no SMS), and the
 * window answers the shop's page with PortOne's IdentityVerificationResponse.
 */
export interface IdentitySession {
  v: 1;
  sessionId: string;
  storeId: string;
  identityVerificationId: string;
  /** PortOne's `identityVerificationTxId` of the attempt this window started. */
  txId: string;
  channelKey: string;
  windowType: 'IFRAME' | 'POPUP' | 'REDIRECTION';
  platform: 'PC' | 'MOBILE';
  merchantOrigin?: string;
  redirectUrl?: string;
  lang: 'ko' | 'en';
  exp: number;
}

export const sealIdentitySession = (services: Services, session: IdentitySession) => signToken(services.sessionSigningKey, 'identity-verification', session);

export type OpenedIdentitySession = { ok: true; session: IdentitySession } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'expired'; session: IdentitySession };

export function openIdentitySession(services: Services, token: string | undefined): OpenedIdentitySession {
  const payload = verifyToken(services.sessionSigningKey, 'identity-verification', token) as IdentitySession | undefined;
  if (!payload || payload.v !== 1 || typeof payload.exp !== 'number') return { ok: false, reason: 'invalid' };
  if (payload.exp * 1000 <= services.wallNow()) return { ok: false, reason: 'expired', session: payload };
  return { ok: true, session: payload };
}

const text = (v: string | number | undefined) => (v === undefined ? undefined : String(v));

function requestedCustomerOf(customer: SdkIdentityVerificationRequest['customer']): RequestedCustomer {
  if (!customer) return {};
  const name = customer.fullName ?? ([customer.lastName, customer.firstName].filter(Boolean).join('') || undefined);
  const out: RequestedCustomer = {
    id: customer.customerId,
    name,
    phoneNumber: customer.phoneNumber === undefined ? undefined : phoneDigits(customer.phoneNumber),
    birthYear: text(customer.birthYear),
    birthMonth: text(customer.birthMonth)?.padStart(2, '0'),
    birthDay: text(customer.birthDay)?.padStart(2, '0'),
  };
  for (const key of Object.keys(out) as (keyof RequestedCustomer)[]) if (out[key] === undefined) delete out[key];
  return out;
}

export type OpenIdentityResult =
  | { ok: true; token: string; session: IdentitySession }
  | { ok: false; code: string; message: string; status: 400 | 404 | 409 | 429 | 503 };

const REFUSALS: Partial<Record<string, { code: string; status: 400 | 404 | 409 }>> = {
  IDENTITY_VERIFICATION_ALREADY_VERIFIED: { code: 'IdentityVerificationAlreadyVerified', status: 409 },
  STORE_NOT_FOUND: { code: 'StoreNotFound', status: 404 },
  CHANNEL_NOT_FOUND: { code: 'ChannelNotFound', status: 404 },
};

/** Refusals before the window opens, in the SDK's codes (TxServiceIdentityVerificationErrorCode). */
function refuse(err: unknown): OpenIdentityResult {
  if (err instanceof PortOneError && REFUSALS[err.type]) return { ok: false, message: err.message, ...REFUSALS[err.type]! };
  if (err instanceof ConcurrentModificationError) return { ok: false, code: 'Aborted', status: 409, message: '동시에 같은 본인인증 건의 창이 열렸습니다. 다시 시도해 주세요.' };
  return { ok: false, ...sdkErrorOf(err) };
}

export async function openIdentityWindow(
  services: Services,
  input: { request: SdkIdentityVerificationRequest; windowType: IdentitySession['windowType']; platform: IdentitySession['platform']; merchantOrigin?: string },
): Promise<OpenIdentityResult> {
  const req = input.request;
  if (!req.channelKey) return { ok: false, code: 'BadRequest', status: 400, message: 'channelKey: required (channel groups are not simulated)' };
  if (input.windowType === 'REDIRECTION' && !req.redirectUrl) return { ok: false, code: 'BadRequest', status: 400, message: 'redirectUrl: required for the REDIRECTION window type (mobile)' };
  if (input.windowType !== 'REDIRECTION' && !input.merchantOrigin) return { ok: false, code: 'BadRequest', status: 400, message: 'the merchant page origin is unknown (no Origin header)' };
  let record: IdentityVerificationRecord;
  try {
    const ctx = await identityChannel(services, req.storeId, req.channelKey, 'WINDOW');
    record = await retryOnConflict(RETRY_LIMITS.identityVerification, async () => {
      const existing = await services.repo.getIdentityVerification(req.storeId, req.identityVerificationId);
      const attempt = newAttempt(
        ctx,
        existing,
        { id: req.identityVerificationId, requestedCustomer: requestedCustomerOf(req.customer), customData: toCustomDataString(req.customData), platformType: input.platform },
        storeNow(services, ctx.store),
      );
      await services.repo.saveIdentityVerification(attempt, existing ? existing.version : null);
      return attempt;
    });
  } catch (err) {
    if (err instanceof PortOneError || err instanceof ConcurrentModificationError) return refuse(err);
    throw err;
  }
  const session: IdentitySession = {
    v: 1,
    sessionId: randomUUID(),
    storeId: req.storeId,
    identityVerificationId: req.identityVerificationId,
    txId: record.txId,
    channelKey: req.channelKey,
    windowType: input.windowType,
    platform: input.platform,
    merchantOrigin: input.merchantOrigin,
    redirectUrl: req.redirectUrl,
    lang: /^en/i.test(req.locale ?? '') ? 'en' : 'ko',
    exp: Math.floor(services.wallNow() / 1000) + SESSION_TTL_SECONDS,
  };
  return { ok: true, token: sealIdentitySession(services, session), session };
}

/** What the customer typed into the window. */
export interface IdentityForm {
  operator: string;
  name: string;
  phoneNumber: string;
  birthDate: string;
  gender: string;
  isForeigner: boolean;
  otp: string;
}

export type IdentityOutcome =
  | { kind: 'done'; response: IdentityVerificationResponse }
  | { kind: 'retry'; field: 'operator' | 'name' | 'phoneNumber' | 'birthDate' | 'gender' | 'otp'; message: string };

/** The window's own checks, before the carrier is asked. */
function claimedIdentity(form: IdentityForm, now: Date): ClaimedIdentity | IdentityOutcome {
  if (!(OPERATORS as readonly string[]).includes(form.operator)) return { kind: 'retry', field: 'operator', message: '통신사를 선택하세요' };
  if (!form.name.trim()) return { kind: 'retry', field: 'name', message: '이름을 입력하세요' };
  if (!isMobileNumber(form.phoneNumber)) return { kind: 'retry', field: 'phoneNumber', message: '휴대폰 번호를 확인하세요 (010…)' };
  if (!isBirthDate(form.birthDate, now)) return { kind: 'retry', field: 'birthDate', message: '생년월일은 YYYY-MM-DD 형식입니다' };
  if (form.gender !== 'MALE' && form.gender !== 'FEMALE') return { kind: 'retry', field: 'gender', message: '성별을 선택하세요' };
  return { name: form.name.trim(), phoneNumber: phoneDigits(form.phoneNumber), operator: form.operator as Operator, birthDate: form.birthDate, gender: form.gender, isForeigner: form.isForeigner };
}

/** The answer a finished attempt already gave, so a double submit or a late close repeats it. */
function settled(session: IdentitySession, record: IdentityVerificationRecord, ctx: IdentityChannel): IdentityVerificationResponse | undefined {
  if (record.txId !== session.txId) return identityError(session.identityVerificationId, session.txId, 'InvalidEntityState', '이 본인인증 창은 더 이상 유효하지 않습니다. (a newer window replaced this one)');
  if (record.status === 'VERIFIED') return identityVerified(record.id, record.txId);
  if (record.status === 'FAILED') return identityFailedAtPg(record.id, record.txId, record.failure ?? ctx.mode.codes.userCancel.value);
  return undefined;
}

export async function verifyInWindow(services: Services, session: IdentitySession, form: IdentityForm): Promise<IdentityOutcome> {
  const ctx = await identityChannel(services, session.storeId, session.channelKey, 'WINDOW');
  return retryOnConflict(RETRY_LIMITS.identityVerification, async () => {
    const now = storeNow(services, ctx.store);
    const record = await services.repo.getIdentityVerification(session.storeId, session.identityVerificationId);
    if (!record) return { kind: 'done', response: identityError(session.identityVerificationId, session.txId, 'InvalidEntityState', '본인인증 건이 존재하지 않습니다. (the store was reset; open the window again)') };
    const done = settled(session, record, ctx);
    if (done) return { kind: 'done', response: done };
    const identity = claimedIdentity(form, now);
    if ('kind' in identity) return identity;
    const check = checkOtp({ wrongOtps: record.wrongOtps }, form.otp.trim(), now);
    switch (check.kind) {
      case 'verified':
        await services.repo.saveIdentityVerification(verifiedAttempt(record, identity, now), record.version);
        return { kind: 'done', response: identityVerified(record.id, record.txId) };
      case 'locked':
        await services.repo.saveIdentityVerification(failedAttempt(record, ctx.mode.codes.tooManyWrongOtps.value, now), record.version);
        return { kind: 'done', response: identityFailedAtPg(record.id, record.txId, ctx.mode.codes.tooManyWrongOtps.value) };
      default:
        await services.repo.saveIdentityVerification(withWrongOtp(record, now), record.version);
        return { kind: 'retry', field: 'otp', message: `${ctx.mode.codes.wrongOtp.value.pgMessage} (남은 입력 횟수 ${check.kind === 'wrong' ? check.attemptsLeft : 0}회)` };
    }
  });
}

/** The customer closed the window: the attempt fails with the PG's user-cancel code, unless it already ended. */
export async function cancelIdentityWindow(services: Services, session: IdentitySession): Promise<IdentityVerificationResponse> {
  const ctx = await identityChannel(services, session.storeId, session.channelKey, 'WINDOW');
  const cancel = ctx.mode.codes.userCancel.value;
  return retryOnConflict(RETRY_LIMITS.identityVerification, async () => {
    const record = await services.repo.getIdentityVerification(session.storeId, session.identityVerificationId);
    if (!record) return identityFailedAtPg(session.identityVerificationId, session.txId, cancel);
    const done = settled(session, record, ctx);
    if (done) return done;
    await services.repo.saveIdentityVerification(failedAttempt(record, cancel, storeNow(services, ctx.store)), record.version);
    return identityFailedAtPg(record.id, record.txId, cancel);
  });
}
