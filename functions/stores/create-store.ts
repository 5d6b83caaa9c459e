import { randomUUID } from 'node:crypto';
import type { ChannelRecord, SecretRecord, StoreRecord } from '../domain/store.ts';
import { generateApiSecret, hashSecret } from './secrets.ts';
import type { Services } from '../services.ts';

/** What creating a store and its secrets touches: the table and the wall clock (handlers/seed.ts has nothing else). */
export type StoreServices = Pick<Services, 'repo' | 'wallNow'>;

export interface CreatedStore {
  store: StoreRecord;
  apiSecret: string;
}

/**
 * Creates a store with one API secret, and `channels` (built for the new store id) in the same
 * write. The plain secret is returned once and never stored.
 */
export async function createStore(
  services: StoreServices,
  input: { name?: string; storeId?: string; apiSecret?: string },
  channels: (storeId: string) => ChannelRecord[] = () => [],
): Promise<CreatedStore> {
  const now = new Date(services.wallNow()).toISOString();
  const store: StoreRecord = {
    storeId: input.storeId ?? `store-${randomUUID()}`,
    merchantId: `merchant-${randomUUID()}`,
    name: input.name ?? 'pg-sandbox test store',
    createdAt: now,
    clockOffsetMs: 0,
    signups: [],
    webhook: { secrets: [] },
    version: 1,
  };
  const apiSecret = input.apiSecret ?? generateApiSecret();
  const secret = secretRecord(services, store.storeId, apiSecret, 'initial');
  const created = await services.repo.createStore(store, { secrets: [secret], channels: channels(store.storeId) });
  if (!created) {
    // Re-seeding an existing store: make sure the given secret is there (a crash may have
    // stopped an earlier run between the two writes), or hand out a new one.
    const existing = await services.repo.getStore(store.storeId);
    if (input.apiSecret) {
      await putSecret(services, store.storeId, input.apiSecret, 'initial');
      return { store: existing!, apiSecret: input.apiSecret };
    }
    return { store: existing!, apiSecret: (await addApiSecret(services, store.storeId)).apiSecret };
  }
  return { store, apiSecret };
}

function secretRecord(services: StoreServices, storeId: string, apiSecret: string, label: string): SecretRecord {
  return { storeId, secretId: `secret-${randomUUID()}`, hash: hashSecret(apiSecret), createdAt: new Date(services.wallNow()).toISOString(), label };
}

async function putSecret(services: StoreServices, storeId: string, apiSecret: string, label: string): Promise<SecretRecord> {
  const record = secretRecord(services, storeId, apiSecret, label);
  try {
    await services.repo.putSecret(record);
  } catch (err) {
    // A fixed secret (e.g. seeded from configuration) that already exists for this store is fine.
    const existing = await services.repo.findSecret(record.hash);
    if (existing?.storeId !== storeId) throw err;
  }
  return record;
}

/** Stores may hold several secrets at once (rotation). */
export async function addApiSecret(services: StoreServices, storeId: string, label = 'added') {
  const apiSecret = generateApiSecret();
  const record = await putSecret(services, storeId, apiSecret, label);
  return { apiSecret, secretId: record.secretId, createdAt: record.createdAt };
}
