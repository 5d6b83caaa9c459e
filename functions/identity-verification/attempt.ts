import { PortOneError, invalidRequest } from '../domain/errors.ts';
import type { ClaimedIdentity, IdentityVerificationRecord, RequestedCustomer, SentOtp } from '../domain/identity-verification.ts';
import { verifiedCustomerOf } from '../domain/identity-verification.ts';
import { getProfile } from '../domain/profiles/index.ts';
import { identityVerificationOf, type IdentityVerificationTestMode } from '../domain/profiles/identity-verification.ts';
import type { PgCodeMessage, PgProfile } from '../domain/profiles/types.ts';
import type { ChannelRecord, StoreRecord } from '../domain/store.ts';
import { newPgTxId, newTransactionId } from '../payments/ids.ts';
import { channelRef } from '../payments/ready-payment.ts';
import type { Services } from '../services.ts';
import { loadStore } from '../stores/load-store.ts';

/**
 * The steps every 본인인증 flow shares: finding a channel that offers it, starting an attempt,
 * and ending it verified or failed. Window (checkout) and API (send/confirm) differ only in how
 * the customer's identity and OTP arrive.
 */
export interface IdentityChannel {
  store: StoreRecord;
  channel: ChannelRecord;
  profile: PgProfile;
  mode: IdentityVerificationTestMode;
}

export const identityVerificationNotFound = (id: string) =>
  new PortOneError('IDENTITY_VERIFICATION_NOT_FOUND', `본인인증 건이 존재하지 않습니다. (identityVerificationId: ${id})`);
export const alreadyVerified = (id: string) =>
  new PortOneError('IDENTITY_VERIFICATION_ALREADY_VERIFIED', `이미 인증이 완료된 본인인증 건입니다. (identityVerificationId: ${id})`);

/** The store and a channel of it whose PG offers 본인인증 (in the window, or also by API). */
export async function identityChannel(services: Services, storeId: string, channelKey: string, flow: 'WINDOW' | 'API'): Promise<IdentityChannel> {
  const store = await loadStore(services, storeId);
  const channel = await services.repo.getChannel(storeId, channelKey);
  if (!channel) throw new PortOneError('CHANNEL_NOT_FOUND', `채널이 존재하지 않습니다. (channelKey: ${channelKey})`);
  const profile = getProfile(channel.pgProvider);
  if (!profile) throw invalidRequest(`channel ${channelKey} uses a PG the sandbox does not simulate (${channel.pgProvider})`);
  const mode = identityVerificationOf(profile);
  if (!mode.supported.value) {
    throw invalidRequest(`${profile.consoleName} (${profile.pgProvider}) 채널은 본인인증을 지원하지 않습니다. (identity verification runs on DANAL and KCP_V2 channels: docs/identity-verification.md)`);
  }
  if (flow === 'API' && !mode.apiFlow.value) {
    throw invalidRequest(`${profile.consoleName} (${profile.pgProvider}) 채널은 API 방식 본인인증을 지원하지 않습니다. 본인인증 창(PortOne.requestIdentityVerification)을 사용하세요. (the API flow runs on DANAL channels)`);
  }
  return { store, channel, profile, mode };
}

/** A new attempt (READY, new txId) on a new or unfinished verification; a verified one is final. */
export function newAttempt(
  ctx: IdentityChannel,
  existing: IdentityVerificationRecord | undefined,
  input: { id: string; requestedCustomer: RequestedCustomer; customData?: string; platformType: IdentityVerificationRecord['platformType']; sent?: SentOtp },
  now: Date,
): IdentityVerificationRecord {
  if (existing?.status === 'VERIFIED') throw alreadyVerified(input.id);
  const at = now.toISOString();
  return {
    storeId: ctx.store.storeId,
    id: input.id,
    status: 'READY',
    txId: newTransactionId(),
    channel: channelRef(ctx.channel),
    requestedCustomer: input.requestedCustomer,
    ...(input.customData !== undefined ? { customData: input.customData } : {}),
    platformType: input.platformType,
    requestedAt: existing?.requestedAt ?? at,
    updatedAt: at,
    statusChangedAt: existing?.status === 'READY' ? existing.statusChangedAt : at,
    pgTxId: newPgTxId(ctx.channel.pgProvider),
    ...(input.sent ? { sent: input.sent } : {}),
    wrongOtps: 0,
    version: existing?.version ?? 0,
  };
}

/** The attempt succeeded: the carrier confirmed who the customer is. */
export function verifiedAttempt(record: IdentityVerificationRecord, identity: ClaimedIdentity, now: Date): IdentityVerificationRecord {
  const at = now.toISOString();
  const { sent: _sent, failure: _failure, ...rest } = record;
  return {
    ...rest,
    status: 'VERIFIED',
    verifiedCustomer: verifiedCustomerOf(identity, record.channel.pgMerchantId, record.requestedCustomer.id),
    verifiedAt: at,
    updatedAt: at,
    statusChangedAt: at,
  };
}

/** The attempt failed at the PG (too many wrong OTPs, the customer closed the window); a sent OTP's carrier stays listable. */
export function failedAttempt(record: IdentityVerificationRecord, failure: PgCodeMessage, now: Date): IdentityVerificationRecord {
  const at = now.toISOString();
  return { ...record, status: 'FAILED', failure: { reason: failure.pgMessage, ...failure }, failedAt: at, updatedAt: at, statusChangedAt: at };
}

/** One wrong OTP more on the current attempt. */
export const withWrongOtp = (record: IdentityVerificationRecord, now: Date): IdentityVerificationRecord => ({ ...record, wrongOtps: record.wrongOtps + 1, updatedAt: now.toISOString() });

/** The PG's refusal as PortOne relays it (`PG_PROVIDER`, 502), with what the customer can still do. */
export const pgRefusal = (code: PgCodeMessage, hint?: string) =>
  new PortOneError('PG_PROVIDER', hint ? `[${code.pgCode}] ${code.pgMessage} (${hint})` : `[${code.pgCode}] ${code.pgMessage}`, code);
