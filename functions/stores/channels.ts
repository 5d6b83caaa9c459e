import { randomUUID } from 'node:crypto';
import { PortOneError, invalidRequest } from '../domain/errors.ts';
import { getProfile } from '../domain/profiles/index.ts';
import type { AutoRefundDelayOverride, PgProfile } from '../domain/profiles/types.ts';
import type { ChannelRecord } from '../domain/store.ts';
import type { Services } from '../services.ts';
import { loadStore } from './load-store.ts';

export interface CreateChannelInput {
  pgProvider: string;
  name?: string;
  channelKey?: string;
  pgMerchantId?: string;
  autoRefundOverride?: AutoRefundDelayOverride;
}

/**
 * Adds a test channel (테스트 채널) like PortOne's console: any PG's shared test MID, except PGs that
 * require 가입신청 (signup) first, which are refused until the store records that signup.
 */
export async function createChannel(services: Services, storeId: string, input: CreateChannelInput): Promise<ChannelRecord> {
  const profile = getProfile(input.pgProvider);
  if (!profile) throw invalidRequest(`pgProvider: no test-mode profile for ${input.pgProvider}; see GET /sandbox/profiles`);
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

/** A test channel on the PG's shared test MID (or the given one). */
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
    ...(input.autoRefundOverride ? { autoRefundOverride: input.autoRefundOverride } : {}),
    createdAt: now.toISOString(),
  };
}

/** Records that the store completed a PG's 가입신청, unlocking its test channel. Idempotent. */
export async function recordSignup(services: Services, storeId: string, pgProvider: string): Promise<string[]> {
  const profile = getProfile(pgProvider);
  if (!profile) throw invalidRequest(`pgProvider: no test-mode profile for ${pgProvider}`);
  await loadStore(services, storeId);
  await services.repo.addSignup(storeId, profile.pgProvider);
  return (await loadStore(services, storeId)).signups;
}
