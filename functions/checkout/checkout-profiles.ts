import { randomUUID } from 'node:crypto';
import {
  evaluateProfile,
  routeProblem,
  type ChannelCapability,
  type CheckoutProfileEntry,
  type CheckoutProfileRecord,
  type CheckoutQuery,
} from '../domain/checkout-profile.ts';
import { acceptedCurrencies } from '../domain/currencies.ts';
import { PortOneError, invalidRequest } from '../domain/errors.ts';
import { getProfile } from '../domain/profiles/index.ts';
import { channelModeOf, type ChannelRecord } from '../domain/store.ts';
import { liveFactsOf } from '../domain/profiles/live.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';

/** What the console's 체크아웃 프로필 form takes (sandbox API `POST /sandbox/checkout-profiles`). */
export interface CreateCheckoutProfileInput {
  /** Default: checkout-profile-<uuid>. Unique across stores (the evaluate operation names no store). */
  profileKey?: string;
  name: string;
  methods: CheckoutProfileEntry[];
}

export const profileNotFound = (profileKey: string) => new PortOneError('PROFILE_SETTINGS_NOT_FOUND', `프로필 설정이 존재하지 않습니다. (profileKey: ${profileKey})`);

/**
 * A channel's facts for routing, from its PG's profile (a live-like channel offers its live
 * methods: docs/live-like-channels.md); undefined for a PG the sandbox does not simulate.
 */
export function channelCapability(channel: Pick<ChannelRecord, 'pgProvider' | 'mode'>): ChannelCapability | undefined {
  const pg = getProfile(channel.pgProvider);
  if (!pg) return undefined;
  const methods = channelModeOf(channel) === 'LIVE_LIKE' ? liveFactsOf(pg).methods.value : pg.methods.value;
  return { pgKind: pg.kind, methods, directEasyPayProvider: pg.directEasyPayProvider, currencies: acceptedCurrencies(pg) };
}

/**
 * A profile is checked against the store's channels when it is saved, as a console would: every
 * entry names a channel of the store that can pay its method. A channel deleted later simply drops
 * out of evaluation.
 */
export async function createCheckoutProfile(services: Services, storeId: string, input: CreateCheckoutProfileInput): Promise<CheckoutProfileRecord> {
  const store = await loadStore(services, storeId);
  const channels = new Map((await services.repo.listChannels(storeId)).map((c) => [c.channelKey, c]));
  for (const [i, entry] of input.methods.entries()) {
    const channel = channels.get(entry.channelKey);
    if (!channel) throw invalidRequest(`methods[${i}].channelKey: 채널이 존재하지 않습니다. (${entry.channelKey})`);
    const capability = channelCapability(channel);
    const problem = capability ? routeProblem(entry.paymentMethod, capability) : `the channel's PG (${channel.pgProvider}) is not simulated`;
    if (problem) throw invalidRequest(`methods[${i}]: ${problem}`);
    if (entry.minAmount !== undefined && entry.maxAmount !== undefined && entry.minAmount > entry.maxAmount) throw invalidRequest(`methods[${i}]: minAmount must not exceed maxAmount`);
  }
  const profile: CheckoutProfileRecord = {
    profileKey: input.profileKey ?? `checkout-profile-${randomUUID()}`,
    storeId,
    name: input.name,
    methods: input.methods,
    createdAt: storeNow(services, store).toISOString(),
  };
  if (!(await services.repo.createCheckoutProfile(profile))) {
    throw new PortOneError('CHECKOUT_PROFILE_ALREADY_EXISTS', `이미 사용 중인 프로필 키입니다. (profileKey: ${profile.profileKey})`);
  }
  return profile;
}

export async function listCheckoutProfiles(services: Services, storeId: string): Promise<CheckoutProfileRecord[]> {
  await loadStore(services, storeId);
  return services.repo.listCheckoutProfiles(storeId);
}

export async function deleteCheckoutProfile(services: Services, storeId: string, profileKey: string): Promise<void> {
  if (!(await services.repo.deleteCheckoutProfile(storeId, profileKey))) throw profileNotFound(profileKey);
}

/** The store's profile by key (another store's counts as missing). */
export async function loadStoreProfile(services: Services, storeId: string, profileKey: string): Promise<CheckoutProfileRecord | undefined> {
  const profile = await services.repo.getCheckoutProfile(profileKey);
  return profile?.storeId === storeId ? profile : undefined;
}

/** The methods `profile` offers for `query`, through the store's channels as they are now. */
export async function methodsOf(services: Services, profile: CheckoutProfileRecord, query: CheckoutQuery) {
  const channels = new Map((await services.repo.listChannels(profile.storeId)).map((c) => [c.channelKey, c]));
  return evaluateProfile(profile, query, (key) => {
    const channel = channels.get(key);
    return channel && channelCapability(channel);
  });
}

/** evaluateCheckoutProfile: public (no auth in the OAS), so the profile key alone finds the profile. */
export async function evaluateCheckoutProfile(services: Services, profileKey: string, query: CheckoutQuery) {
  const profile = await services.repo.getCheckoutProfile(profileKey);
  if (!profile) throw profileNotFound(profileKey);
  return { methods: await methodsOf(services, profile, query) };
}
