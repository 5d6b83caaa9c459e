import { PortOneError } from '../domain/errors.ts';
import type { StoreRecord } from '../domain/store.ts';
import type { Services } from '../services.ts';

/** The store, or STORE_NOT_FOUND: every use case that acts for a store starts here. */
export async function loadStore(services: Services, storeId: string): Promise<StoreRecord> {
  const store = await services.repo.getStore(storeId);
  if (!store) throw new PortOneError('STORE_NOT_FOUND', `상점이 존재하지 않습니다. (storeId: ${storeId})`);
  return store;
}
