import { invalidRequest, PortOneError } from '../domain/errors.ts';
import {
  checkOtp,
  isMobileNumber,
  otpExpiry,
  parseIdentityNumber,
  phoneDigits,
  type IdentityVerificationRecord,
  type Operator,
} from '../domain/identity-verification.ts';
import { RETRY_LIMITS, retryOnConflict } from '../domain/retry.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';
import { alreadyVerified, failedAttempt, identityChannel, identityVerificationNotFound, newAttempt, pgRefusal, verifiedAttempt, withWrongOtp } from './attempt.ts';

/**
 * The API flow of 본인인증 (no window): sendIdentityVerification asks the carrier to text the
 * customer an OTP, confirmIdentityVerification checks the OTP the customer typed into the shop's
 * own page, resendIdentityVerification texts a fresh one. Test channels send no SMS: the OTP is
 * always TEST_OTP (docs/identity-verification.md), valid OTP_VALID_SECONDS on the store's clock.
 */
export interface SendInput {
  storeId: string;
  identityVerificationId: string;
  channelKey: string;
  customer: { id?: string; name: string; phoneNumber: string; identityNumber?: string; ipAddress: string };
  operator: Operator;
  method: 'SMS' | 'APP';
  customData?: string;
}

export const notSent = (id: string) =>
  new PortOneError('IDENTITY_VERIFICATION_NOT_SENT', `API로 요청된 본인인증 건이 아닙니다. sendIdentityVerification을 먼저 호출하세요. (identityVerificationId: ${id})`);

export async function sendIdentityVerification(services: Services, input: SendInput): Promise<void> {
  const ctx = await identityChannel(services, input.storeId, input.channelKey, 'API');
  if (!input.customer.name.trim()) throw invalidRequest('customer.name: required');
  if (!isMobileNumber(input.customer.phoneNumber)) throw invalidRequest('customer.phoneNumber: a Korean mobile number (010…)');
  const born = input.customer.identityNumber === undefined ? undefined : parseIdentityNumber(input.customer.identityNumber);
  if (input.customer.identityNumber !== undefined && !born) throw invalidRequest('customer.identityNumber: 주민등록번호 앞 7자리 (YYMMDD + one digit 1–8)');
  await retryOnConflict(RETRY_LIMITS.identityVerification, async () => {
    const existing = await services.repo.getIdentityVerification(input.storeId, input.identityVerificationId);
    const now = storeNow(services, ctx.store);
    if (existing?.status === 'VERIFIED') throw alreadyVerified(input.identityVerificationId);
    if (existing?.status === 'READY' && existing.sent && now.getTime() < new Date(existing.sent.expiresAt).getTime()) {
      throw new PortOneError('IDENTITY_VERIFICATION_ALREADY_SENT', `이미 인증번호가 발송된 본인인증 건입니다. 재발송은 resendIdentityVerification을 사용하세요. (identityVerificationId: ${input.identityVerificationId})`);
    }
    const birth = born?.birthDate.split('-');
    const record = newAttempt(
      ctx,
      existing,
      {
        id: input.identityVerificationId,
        requestedCustomer: {
          ...(input.customer.id !== undefined ? { id: input.customer.id } : {}),
          name: input.customer.name,
          phoneNumber: phoneDigits(input.customer.phoneNumber),
          ...(birth ? { birthYear: birth[0], birthMonth: birth[1], birthDay: birth[2] } : {}),
        },
        customData: input.customData,
        platformType: 'API',
        sent: {
          identity: { name: input.customer.name, phoneNumber: phoneDigits(input.customer.phoneNumber), operator: input.operator, ...born },
          method: input.method,
          expiresAt: otpExpiry(now),
          resendCount: 0,
        },
      },
      now,
    );
    await services.repo.saveIdentityVerification(record, existing ? existing.version : null);
  });
}

/** The READY attempt an OTP call acts on, or the OAS error that says why there is none. */
async function sentAttempt(services: Services, storeId: string, id: string): Promise<IdentityVerificationRecord & { sent: NonNullable<IdentityVerificationRecord['sent']> }> {
  const record = await services.repo.getIdentityVerification(storeId, id);
  if (!record) throw identityVerificationNotFound(id);
  if (record.status === 'VERIFIED') throw alreadyVerified(id);
  if (record.status !== 'READY' || !record.sent) throw notSent(id);
  return record as IdentityVerificationRecord & { sent: NonNullable<IdentityVerificationRecord['sent']> };
}

export async function confirmIdentityVerification(services: Services, storeId: string, id: string, otp: string | undefined): Promise<IdentityVerificationRecord> {
  const store = await loadStore(services, storeId);
  return retryOnConflict(RETRY_LIMITS.identityVerification, async () => {
    const record = await sentAttempt(services, storeId, id);
    if (otp === undefined || otp === '') throw invalidRequest('otp: required (the test OTP is 123456)');
    const { mode } = await identityChannel(services, storeId, record.channel.key, 'API');
    const now = storeNow(services, store);
    const check = checkOtp({ expiresAt: record.sent.expiresAt, wrongOtps: record.wrongOtps }, otp, now);
    switch (check.kind) {
      case 'expired':
        throw pgRefusal(mode.codes.otpExpired.value, 'resendIdentityVerification으로 인증번호를 다시 받으세요');
      case 'wrong':
        await services.repo.saveIdentityVerification(withWrongOtp(record, now), record.version);
        throw pgRefusal(mode.codes.wrongOtp.value, `남은 입력 횟수 ${check.attemptsLeft}회`);
      case 'locked':
        await services.repo.saveIdentityVerification(failedAttempt(record, mode.codes.tooManyWrongOtps.value, now), record.version);
        throw pgRefusal(mode.codes.tooManyWrongOtps.value);
      case 'verified': {
        const verified = verifiedAttempt(record, record.sent.identity, now);
        await services.repo.saveIdentityVerification(verified, record.version);
        return verified;
      }
    }
  });
}

export async function resendIdentityVerification(services: Services, storeId: string, id: string): Promise<void> {
  const store = await loadStore(services, storeId);
  await retryOnConflict(RETRY_LIMITS.identityVerification, async () => {
    const record = await sentAttempt(services, storeId, id);
    const now = storeNow(services, store);
    const resent: IdentityVerificationRecord = {
      ...record,
      sent: { ...record.sent, expiresAt: otpExpiry(now), resendCount: record.sent.resendCount + 1 },
      wrongOtps: 0,
      updatedAt: now.toISOString(),
    };
    await services.repo.saveIdentityVerification(resent, record.version);
  });
}
