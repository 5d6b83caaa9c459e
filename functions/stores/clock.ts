import type { StoreRecord } from '../domain/store.ts';
import type { Services } from '../services.ts';

/** A store's simulated now: wall clock + its test-clock offset. */
export const storeNow = (services: Services, store: Pick<StoreRecord, 'clockOffsetMs'>) => new Date(services.wallNow() + store.clockOffsetMs);

/** Simulated time → the wall-clock instant at which a schedule must fire. */
export const toWallTime = (store: Pick<StoreRecord, 'clockOffsetMs'>, simulated: Date) => new Date(simulated.getTime() - store.clockOffsetMs);
