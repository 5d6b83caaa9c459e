import { PortOneError } from '../domain/errors.ts';
import type { StoreRecord } from '../domain/store.ts';
import type { Services } from '../services.ts';

/** The store, or STORE_NOT_FOUND: every use case that acts for a store starts here. */
export async function loadStore(services: Pick<Services, 'repo'>, storeId: string): Promise<StoreRecord> {
  return storeOrNotFound(await services.repo.getStore(storeId), storeId);
}

/** The store read with something else (repository `getPaymentContext`), or STORE_NOT_FOUND. */
export function storeOrNotFound(store: StoreRecord | undefined, storeId: string): StoreRecord {
  if (!store) throw new PortOneError('STORE_NOT_FOUND', `상점이 존재하지 않습니다. (storeId: ${storeId})`);
  return store;
}
