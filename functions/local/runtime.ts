import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../adapters/dynamodb/table.ts';
import { loadConfig } from '../config.ts';
import { createApp } from '../http/app.ts';
import type { DispatchOptions, Services } from '../services.ts';
import { runTimer } from '../timers/run-timer.ts';
import type { TimerInput } from '../domain/timer.ts';
import { createServices } from '../wiring.ts';
import { OutboxWorker } from './outbox-worker.ts';
import { LOCAL_ACCOUNT, LOCAL_REGION, localClientConfig, localEndpoints } from './aws-local.ts';
import { listen } from './listen.ts';
import { recoverPendingWork, type RecoveryReport } from './recover.ts';
import { scanItemsOfType } from './table-scan.ts';
import { createDocumentClient } from '../adapters/dynamodb/client.ts';
import { startLocalScheduler } from './scheduler/index.ts';
import { newSigningKey } from './signing-key.ts';
import { DeferredTimerScheduler } from './deferred-schedules.ts';

export interface LocalRuntimeOptions {
  /** DynamoDB Local (or any DynamoDB) endpoint. */
  dynamoEndpoint: string;
  tableName?: string;
  /** HTTP port for the sandbox; 0 = any free port. */
  port?: number;
  host?: string;
  /**
   * Signs console cookies and checkout sessions. `npm start` passes its data directory's key;
   * unset, a fresh random key (sessions then end with the process).
   */
  sessionSigningKey?: string;
  /** The engine was started empty (`npm start --in-memory`): create the table without asking for it first, and skip the start-up sweep. */
  emptyEngine?: boolean;
  /** Fire schedules by themselves when due (true for `npm start`; tests may drive them). */
  autoFire?: boolean;
  webhooks?: {
    /**
     * false: no in-process dispatcher, so committed events stay PENDING, as if the process died
     * right after each commit (tests of the start-up sweep). Default true.
     */
    worker?: boolean;
    /** Deliveries in flight at once (default 16). */
    concurrency?: number;
    /** Dispatcher knobs for every delivery, retries included: a shorter timeout, a fixed jitter. */
    dispatch?: DispatchOptions;
  };
}

export interface LocalWebhooks {
  /** Resolves when every committed event handed to the in-process dispatcher has been attempted. */
  idle(): Promise<void>;
  /** Events queued or in flight. */
  readonly pending: number;
  /** What the start-up sweep found and resumed. */
  readonly recovered: RecoveryReport;
}

export interface LocalRuntime {
  url: string;
  port: number;
  /** The table the runtime keeps its data in. */
  tableName: string;
  services: Services;
  scheduler: Awaited<ReturnType<typeof startLocalScheduler>>;
  /**
   * Schedule calls run after the request that made them answered (local/deferred-schedules.ts):
   * `idle()` resolves when every call made so far has reached `scheduler`, so its `list()` shows them.
   */
  schedules: { idle(): Promise<void> };
  webhooks: LocalWebhooks;
  /** No request is being answered and none came in the last `ms` (npm start's background work waits for it). */
  idleFor(ms: number): boolean;
  close(): Promise<void>;
}


/**
 * The sandbox on a laptop: the same Hono app, use cases and AWS SDK adapters as on Lambda, pointed
 * at DynamoDB Local and at a local EventBridge Scheduler endpoint whose schedules invoke the same
 * timers code the Lambda runs.
 */
export async function startLocalRuntime(opts: LocalRuntimeOptions): Promise<LocalRuntime> {
  const tableName = opts.tableName ?? 'pg-sandbox';
  const groupName = 'pg-sandbox-local';
  let services: Services | undefined;
  const scheduler = await startLocalScheduler({
    port: 0,
    autoFire: opts.autoFire ?? true,
    region: LOCAL_REGION,
    accountId: LOCAL_ACCOUNT,
    invoke: async (target) => {
      if (!services) throw new Error('runtime not ready');
      await runTimer(services, JSON.parse(target.Input ?? '{}') as TimerInput);
    },
  });

  const config = loadConfig({
    TABLE_NAME: tableName,
    SCHEDULE_GROUP_NAME: groupName,
    SCHEDULER_ROLE_ARN: `arn:aws:iam::${LOCAL_ACCOUNT}:role/pg-sandbox-local-scheduler`,
    TIMERS_FUNCTION_ARN: `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:pg-sandbox-local-timers`,
    SCHEDULER_DLQ_ARN: `arn:aws:sqs:${LOCAL_REGION}:${LOCAL_ACCOUNT}:pg-sandbox-local-dlq`,
    SESSION_SIGNING_KEY: opts.sessionSigningKey ?? newSigningKey(),
    ALLOW_LOOPBACK_WEBHOOKS: 'true',
  }, { signsSessions: true });
  // The worker needs the services and the services report commits to the worker: the arrow breaks the cycle.
  let worker: OutboxWorker | undefined;
  const useWorker = opts.webhooks?.worker ?? true;
  services = createServices(
    config,
    localEndpoints(opts.dynamoEndpoint, scheduler.url),
    {
      ...(useWorker ? { onOutboxCommitted: (keys) => worker?.enqueue(keys) } : {}),
      ...(opts.webhooks?.dispatch ? { webhookDispatch: opts.webhooks.dispatch } : {}),
    },
  );
  const schedules = new DeferredTimerScheduler(services.scheduler);
  services.scheduler = schedules;
  if (useWorker) worker = new OutboxWorker(services, { concurrency: opts.webhooks?.concurrency });
  await ensureTable(new DynamoDBClient(localClientConfig(opts.dynamoEndpoint)), tableName, { emptyEngine: opts.emptyEngine });
  const scanDb = createDocumentClient(localClientConfig(opts.dynamoEndpoint));
  // An engine that started empty has nothing to resume, and on a JVM that just booted every
  // request costs start-up time.
  const recovered = opts.emptyEngine
    ? { events: 0, timers: 0 }
    : await recoverPendingWork(services, (itemType) => scanItemsOfType(scanDb, tableName, itemType), worker);
  await schedules.idle();

  const app = createApp(services);
  let answering = 0;
  let lastRequestAt = Date.now();
  const server = await listen(
    async (request) => {
      answering++;
      lastRequestAt = Date.now();
      try {
        return await app.fetch(request);
      } finally {
        answering--;
      }
    },
    { port: opts.port ?? 0, host: opts.host ?? '127.0.0.1' },
  );
  return {
    url: server.url,
    port: server.port,
    tableName,
    services,
    scheduler,
    schedules: { idle: () => schedules.idle() },
    webhooks: {
      idle: () => worker?.idle() ?? Promise.resolve(),
      get pending() {
        return worker?.pending ?? 0;
      },
      recovered,
    },
    idleFor: (ms) => answering === 0 && Date.now() - lastRequestAt >= ms,
    close: async () => {
      await server.close();
      await worker?.close();
      await schedules.idle();
      await scheduler.close();
    },
  };
}
