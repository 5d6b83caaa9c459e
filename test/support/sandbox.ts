import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { startLocalRuntime, type LocalRuntime } from '../../functions/local/runtime.ts';
import { seedStore, seededChannelKey, type SeededStore } from '../../functions/stores/seed.ts';

export interface TestSandbox extends LocalRuntime {
  store: SeededStore;
  /** Seeded channel key of a PG, e.g. channelKey('INICIS_V2'). */
  channelKey(pgProvider: string): string;
  /** Another isolated store in the same sandbox. */
  newStore(): Promise<SeededStore>;
}

/**
 * The real local runtime (HTTP server, DynamoDB Local, local Scheduler endpoint) on its own table,
 * so test files never see each other's data. Schedules fire only when a test advances a store's
 * clock or calls `scheduler.runDue()`, never by wall time, so tests need no sleeps.
 */
export async function startTestSandbox(opts: { autoFire?: boolean } = {}): Promise<TestSandbox> {
  const runtime = await startLocalRuntime({
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName: `t-${randomUUID()}`,
    port: 0,
    autoFire: opts.autoFire ?? false,
  });
  const store = await seedStore(runtime.services);
  return {
    ...runtime,
    store,
    channelKey: seededChannelKey,
    newStore: () => seedStore(runtime.services),
  };
}
