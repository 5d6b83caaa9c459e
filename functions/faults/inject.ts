import { randomUUID } from 'node:crypto';
import { decideFault, describeEffect, hitKey, matches, type FaultDecision, type FaultLogEntry, type FaultRequest, type FaultSettings } from '../domain/faults.ts';
import type { Services } from '../services.ts';
import { storeNow } from '../stores/clock.ts';
import { loadStore } from '../stores/load-store.ts';

/** A request as the fault rules see it, plus where it went (for the log). */
export interface FaultedRequest extends FaultRequest {
  method: string;
  path: string;
}

/**
 * Whether a fault hits this request under the store's `settings` (as the caller read them). Free when there are no rules; otherwise the
 * request's PG is looked up only when a rule names one, and the log is read only when a matching
 * rule counts hits (`times`) or draws from a seed.
 */
export async function decideRequestFault(services: Services, storeId: string, settings: FaultSettings, request: FaultedRequest): Promise<FaultDecision | undefined> {
  if (settings.rules.length === 0) return undefined;
  const full = { ...request };
  if (settings.rules.some((r) => r.pgProvider !== undefined || r.channelKey !== undefined)) Object.assign(full, await channelOf(services, storeId, request));
  const candidates = settings.rules.filter((rule) => matches(rule, full));
  if (candidates.length === 0) return undefined;
  const counted = candidates.some((r) => r.times !== undefined) || settings.seed !== undefined;
  const hits = new Map<string, number>();
  if (counted) {
    for (const entry of await services.repo.listFaults(storeId, { ...(full.paymentId !== undefined && { paymentId: full.paymentId }), limit: 1_000 })) {
      // Only hits of the rules as last set count (domain/faults.ts, FaultSettings.setAt).
      if (settings.setAt === undefined || entry.at >= settings.setAt) hits.set(entry.hitKey, (hits.get(entry.hitKey) ?? 0) + 1);
    }
  }
  return decideFault({ ...settings, rules: candidates }, full, (key) => hits.get(key) ?? 0);
}

/** The channel (and so the PG) a request concerns: the one it names, else its payment's. */
async function channelOf(services: Services, storeId: string, request: FaultRequest): Promise<Pick<FaultRequest, 'channelKey' | 'pgProvider'>> {
  if (request.channelKey !== undefined) {
    const channel = await services.repo.getChannel(storeId, request.channelKey);
    return { channelKey: request.channelKey, ...(channel && { pgProvider: channel.pgProvider }) };
  }
  if (request.paymentId === undefined) return {};
  const channel = (await services.repo.getPayment(storeId, request.paymentId))?.channel;
  return channel ? { channelKey: channel.key, pgProvider: channel.pgProvider } : {};
}

/** Logs an injected fault; the payment's timeline and GET /sandbox/faults/log show it. */
export async function recordInjectedFault(services: Services, storeId: string, request: FaultedRequest, decision: FaultDecision): Promise<FaultLogEntry> {
  const store = await loadStore(services, storeId);
  const entry: FaultLogEntry = {
    storeId,
    faultId: randomUUID(),
    at: storeNow(services, store).toISOString(),
    operation: request.operation,
    method: request.method,
    path: request.path,
    ...(request.paymentId !== undefined && { paymentId: request.paymentId }),
    ruleId: decision.rule.id,
    hitKey: hitKey(decision.rule, request),
    effect: decision.rule.effect.kind,
    description: describeEffect(decision.rule.effect, decision.latencyMs),
  };
  await services.repo.recordFault(entry);
  return entry;
}
