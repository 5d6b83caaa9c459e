import { PROFILES } from '../domain/profiles/index.ts';
import type { ChannelRecord } from '../domain/store.ts';
import { createChannel, newChannelRecord } from './channels.ts';
import { createStore, type StoreServices } from './create-store.ts';

export interface SeededStore {
  storeId: string;
  apiSecret: string;
  channels: ChannelRecord[];
}

/** Deterministic channel keys so a restarted sandbox (and docs, and tests) can name them. */
export const seededChannelKey = (pgProvider: string) => `channel-key-test-${pgProvider.toLowerCase().replaceAll('_', '-')}`;

/**
 * A store with one test channel per PG that needs no signup: what `npm start` and a fresh
 * deployment give a developer. Idempotent: running it again keeps what exists.
 */
export async function seedStore(services: StoreServices, input: { storeId?: string; apiSecret?: string; name?: string } = {}): Promise<SeededStore> {
  const now = new Date(services.wallNow());
  const seeded = (storeId: string) =>
    SEEDED_PROFILES.map((profile) => newChannelRecord(storeId, profile, { pgProvider: profile.pgProvider, channelKey: seededChannelKey(profile.pgProvider) }, now));
  // A new store and its channels are one write; re-seeding an existing store adds what is missing.
  const { store, apiSecret } = await createStore(services, input, seeded);
  const existing = new Map((await services.repo.listChannels(store.storeId)).map((c) => [c.channelKey, c]));
  const channels: ChannelRecord[] = [];
  for (const wanted of seeded(store.storeId)) {
    const have = existing.get(wanted.channelKey);
    if (have) channels.push(have);
    else channels.push(await createChannel(services, store.storeId, { pgProvider: wanted.pgProvider, channelKey: wanted.channelKey }));
  }
  return { storeId: store.storeId, apiSecret, channels };
}

/** The PGs whose test channel a new store gets: all but those that need a signup first. */
const SEEDED_PROFILES = PROFILES.filter((p) => !(p.signup.value.required && p.signup.value.features.length === 0));
