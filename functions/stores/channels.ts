import { randomUUID } from 'node:crypto';
import { PortOneError, invalidRequest } from '../domain/errors.ts';
import { getProfile } from '../domain/profiles/index.ts';
import type { AutoRefundDelayOverride, PgProfile } from '../domain/profiles/types.ts';
import { channelModeOf, type ChannelMode, type ChannelRecord } from '../domain/store.ts';
import type { Services } from '../services.ts';
import { loadStore } from './load-store.ts';
import type { StoreServices } from './create-store.ts';

export interface CreateChannelInput {
  pgProvider: string;
  name?: string;
  channelKey?: string;
  pgMerchantId?: string;
  autoRefundOverride?: AutoRefundDelayOverride;
  /** `TEST` (default) or `LIVE_LIKE`: docs/live-like-channels.md. */
  mode?: ChannelMode;
  /** Manual confirm (수동 승인) of browser billing-key issuance and payments (domain/store.ts). */
  manualConfirm?: boolean;
  /** Manual capture (수동 매입) of card approvals (domain/store.ts). */
  manualCapture?: boolean;
}

/** A live PG never voids a payment by itself, so there is nothing for an auto-refund override to speed up. */
function refuseOverrideOnLiveLike(mode: ChannelMode, override: AutoRefundDelayOverride | undefined): void {
  if (mode === 'LIVE_LIKE' && override) {
    throw invalidRequest('autoRefundOverride: a LIVE_LIKE channel has no PG void to override (only TEST channels are voided by the PG)');
  }
}

/**
 * Adds a test channel (테스트 채널) like PortOne's console: any PG's shared test MID, except PGs that
 * require 가입신청 (signup) first, which are refused until the store records that signup.
 */
export async function createChannel(services: StoreServices, storeId: string, input: CreateChannelInput): Promise<ChannelRecord> {
  const profile = getProfile(input.pgProvider);
  if (!profile) throw invalidRequest(`pgProvider: no test-mode profile for ${input.pgProvider}; see GET /sandbox/profiles`);
  refuseOverrideOnLiveLike(input.mode ?? 'TEST', input.autoRefundOverride);
  const store = await loadStore(services, storeId);
  if (profile.signup.value.required && profile.signup.value.features.length === 0 && !store.signups.includes(profile.pgProvider)) {
    throw new PortOneError(
      'SIGNUP_REQUIRED',
      `${profile.consoleName}(${profile.pgProvider})는 테스트 채널을 추가하기 전에 가입신청이 필요합니다. ` +
        `Record the signup first: POST /sandbox/signups {"pgProvider":"${profile.pgProvider}"}`,
    );
  }
  const channel = newChannelRecord(storeId, profile, input, new Date(services.wallNow()));
  if (!(await services.repo.putChannel(channel))) throw new PortOneError('CONFLICT', `channelKey ${channel.channelKey} already exists`);
  return channel;
}

/** A channel on the PG's shared test MID (or the given one). */
export function newChannelRecord(storeId: string, profile: PgProfile, input: CreateChannelInput, now: Date): ChannelRecord {
  const mid = profile.testMerchantIds.value;
  return {
    storeId,
    channelKey: input.channelKey ?? `channel-key-${randomUUID()}`,
    id: `channel-id-${randomUUID()}`,
    name: input.name ?? `${profile.consoleName} 테스트`,
    pgProvider: profile.pgProvider,
    pgMerchantId: input.pgMerchantId ?? mid.payment ?? mid.virtualAccount ?? mid.billing ?? `${profile.pgProvider.toLowerCase()}-test`,
    type: 'TEST',
    mode: input.mode ?? 'TEST',
    ...(input.autoRefundOverride ? { autoRefundOverride: input.autoRefundOverride } : {}),
    ...(input.manualConfirm ? { manualConfirm: true } : {}),
    ...(input.manualCapture ? { manualCapture: true } : {}),
    createdAt: now.toISOString(),
  };
}

/**
 * Switches a channel between TEST and LIVE_LIKE. Payments made before keep the rules of the mode they
 * were made in (their PG view records it); only new payments follow the new mode. Switching to
 * LIVE_LIKE drops an auto-refund override, which has nothing to do there.
 */
export async function setChannelMode(services: Services, storeId: string, channelKey: string, mode: ChannelMode): Promise<ChannelRecord> {
  const channel = await services.repo.getChannel(storeId, channelKey);
  if (!channel) throw new PortOneError('CHANNEL_NOT_FOUND', `채널이 존재하지 않습니다. (channelKey: ${channelKey})`);
  if (channelModeOf(channel) === mode) return channel;
  const { autoRefundOverride, ...rest } = channel;
  const next: ChannelRecord = mode === 'LIVE_LIKE' ? { ...rest, mode } : { ...rest, mode, ...(autoRefundOverride ? { autoRefundOverride } : {}) };
  if (!(await services.repo.replaceChannel(next))) throw new PortOneError('CHANNEL_NOT_FOUND', `채널이 존재하지 않습니다. (channelKey: ${channelKey})`);
  return next;
}

/** Records that the store completed a PG's 가입신청, unlocking its test channel. Idempotent. */
export async function recordSignup(services: Services, storeId: string, pgProvider: string): Promise<string[]> {
  const profile = getProfile(pgProvider);
  if (!profile) throw invalidRequest(`pgProvider: no test-mode profile for ${pgProvider}`);
  await loadStore(services, storeId);
  await services.repo.addSignup(storeId, profile.pgProvider);
  return (await loadStore(services, storeId)).signups;
}
