import type { FaultSettings } from '../domain/faults.ts';
import { RETRY_LIMITS, retryOnConflict } from '../domain/retry.ts';
import type { Services } from '../services.ts';
import { loadStore } from '../stores/load-store.ts';
import { storeNow } from '../stores/clock.ts';

/**
 * How long a function instance trusts the rules it read. Every PortOne request consults them, and
 * an extra read per request would cost the API its latency target (issue 11 item 12); a rule
 * change reaches the process that made it at once (the cache entry is replaced), other Lambda
 * instances within this long (docs/faults.md).
 */
export const FAULT_SETTINGS_TTL_MS = 1_000;

const NONE: FaultSettings = { rules: [] };
const cache = new Map<string, { settings: FaultSettings; readAt: number }>();

export async function getFaultSettings(services: Services, storeId: string): Promise<FaultSettings> {
  return (await loadStore(services, storeId)).faults ?? NONE;
}

/** The rules as the request path sees them: from this process's cache when fresh enough. */
export async function currentFaultSettings(services: Services, storeId: string): Promise<FaultSettings> {
  const now = services.wallNow();
  const cached = cache.get(storeId);
  if (cached && now - cached.readAt < FAULT_SETTINGS_TTL_MS) return cached.settings;
  const store = await services.repo.getStore(storeId);
  const settings = store?.faults ?? NONE;
  cache.set(storeId, { settings, readAt: now });
  return settings;
}

/** Replaces the store's rules (an empty list turns fault injection off). */
export async function setFaultSettings(services: Services, storeId: string, rules: Omit<FaultSettings, 'setAt'>): Promise<FaultSettings> {
  const settings = await retryOnConflict(RETRY_LIMITS.faultSettings, async () => {
    const store = await loadStore(services, storeId);
    const next: FaultSettings = { ...rules, setAt: storeNow(services, store).toISOString() };
    await services.repo.saveStore({ ...store, faults: next }, store.version);
    return next;
  });
  cache.set(storeId, { settings, readAt: services.wallNow() });
  return settings;
}
