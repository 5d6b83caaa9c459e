import { ConcurrentModificationError } from '../domain/errors.ts';
import type { Services } from '../services.ts';
import { loadStore } from './load-store.ts';

export interface ResetReport {
  deletedItems: number;
  unscheduledTimers: number;
  clockReset: boolean;
}

/** What a reset wipes: every payment, timer and webhook delivery. Secrets, channels and webhook settings stay. */
const DATA_KINDS = ['PAYMENT', 'TIMER', 'OUTBOX'] as const;

/**
 * The console's "reset the store's data": start over with the same API secret and channels.
 * Pending timers' schedules are deleted first, so nothing fires into the emptied store (a schedule
 * that escapes finds no timer record and does nothing). The test clock normally keeps its offset
 * (it only moves forward); `resetClock` puts it back on the wall clock, which is safe here because
 * no timer is left that was scheduled against the old offset.
 */
export async function resetStoreData(services: Services, storeId: string, opts: { resetClock?: boolean } = {}): Promise<ResetReport> {
  await loadStore(services, storeId);
  let unscheduledTimers = 0;
  let after: string | undefined;
  do {
    const page = await services.repo.listPendingTimers(storeId, { limit: 100, after });
    await Promise.all(page.items.map((timer) => services.scheduler.unschedule(timer).catch(() => undefined)));
    unscheduledTimers += page.items.length;
    after = page.next;
  } while (after);
  const deletedItems = await services.repo.deleteStoreItems(storeId, DATA_KINDS);
  let clockReset = false;
  if (opts.resetClock) {
    for (let attempt = 1; ; attempt++) {
      const store = await loadStore(services, storeId);
      if (store.clockOffsetMs === 0) break;
      try {
        await services.repo.saveStore({ ...store, clockOffsetMs: 0 }, store.version);
        clockReset = true;
        break;
      } catch (err) {
        if (!(err instanceof ConcurrentModificationError) || attempt >= 5) throw err;
      }
    }
  }
  return { deletedItems, unscheduledTimers, clockReset };
}
