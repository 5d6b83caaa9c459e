import { PortOneError } from '../domain/errors.ts';
import type { StoreRecord } from '../domain/store.ts';
import type { Services } from '../services.ts';

/** A store's simulated now: wall clock + its test-clock offset. */
export const storeNow = (services: Services, store: Pick<StoreRecord, 'clockOffsetMs'>) => new Date(services.wallNow() + store.clockOffsetMs);

/** Simulated time → the wall-clock instant at which a schedule must fire. */
export const toWallTime = (store: Pick<StoreRecord, 'clockOffsetMs'>, simulated: Date) => new Date(simulated.getTime() - store.clockOffsetMs);

export async function loadStore(services: Services, storeId: string): Promise<StoreRecord> {
  const store = await services.repo.getStore(storeId);
  if (!store) throw new PortOneError('STORE_NOT_FOUND', `상점이 존재하지 않습니다. (storeId: ${storeId})`);
  return store;
}
