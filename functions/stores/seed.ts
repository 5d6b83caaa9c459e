import { PROFILES } from '../domain/profiles/index.ts';
import type { ChannelRecord } from '../domain/store.ts';
import type { Services } from '../services.ts';
import { createChannel } from './channels.ts';
import { createStore } from './create-store.ts';

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
export async function seedStore(services: Services, input: { storeId?: string; apiSecret?: string; name?: string } = {}): Promise<SeededStore> {
  const { store, apiSecret } = await createStore(services, input);
  const existing = new Map((await services.repo.listChannels(store.storeId)).map((c) => [c.channelKey, c]));
  const channels: ChannelRecord[] = [];
  for (const profile of PROFILES) {
    if (profile.signup.value.required && profile.signup.value.features.length === 0) continue;
    const key = seededChannelKey(profile.pgProvider);
    channels.push(existing.get(key) ?? (await createChannel(services, store.storeId, { pgProvider: profile.pgProvider, channelKey: key })));
  }
  return { storeId: store.storeId, apiSecret, channels };
}
