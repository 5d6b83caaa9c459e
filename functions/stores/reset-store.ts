import { RETRY_LIMITS, retryOnConflict } from '../domain/retry.ts';
import type { StoreRecord } from '../domain/store.ts';
import type { Services } from '../services.ts';
import { loadStore } from './load-store.ts';

export interface ResetReport {
  deletedItems: number;
  unscheduledTimers: number;
  clockReset: boolean;
}

/** What a reset wipes: every payment, timer, webhook delivery, billing key, schedule, identity verification, injected-fault log entry, cash receipt and promotion (its budget counts payments the reset deletes). Secrets, channels, checkout profiles, webhook settings and payment sessions (keyed by their own id, they expire by themselves) stay. */
const DATA_KINDS = ['PAYMENT', 'TIMER', 'OUTBOX', 'BILLING', 'IDENTITY_VERIFICATION', 'FAULT', 'CASH_RECEIPT', 'PROMOTION'] as const;

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
  const clockReset =
    opts.resetClock === true &&
    (await retryOnConflict<boolean, StoreRecord>(RETRY_LIMITS.clockReset, async ({ current }) => {
      const store = current ?? (await loadStore(services, storeId));
      if (store.clockOffsetMs === 0) return false;
      await services.repo.saveStore({ ...store, clockOffsetMs: 0 }, store.version);
      return true;
    }));
  return { deletedItems, unscheduledTimers, clockReset };
}
