import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { EventBridgeTimerScheduler } from './adapters/scheduler/eventbridge-scheduler.ts';
import { createDocumentClient } from './adapters/dynamodb/client.ts';
import { DynamoDbRepository } from './adapters/dynamodb/repository.ts';
import type { Config } from './config.ts';
import type { Services, TimerHandler, TimerHandlers } from './services.ts';

/** Set only locally: DynamoDB Local, the local Scheduler endpoint, and what the SDK needs to sign for them. */
export interface Endpoints {
  dynamodb?: string;
  scheduler?: string;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Replaces SigV4 signing on both clients (local engines check no signature: local/aws-local.ts). */
  signer?: DynamoDBClientConfig['signer'];
}

/**
 * A handler whose module loads on its first timer: a cold start (the api function's above all)
 * does not compile the use cases behind every timer kind before its first request.
 */
function onFirstUse<A extends unknown[]>(load: () => Promise<(services: Services, ...args: A) => Promise<string>>) {
  let handler: ReturnType<typeof load> | undefined;
  return async (services: Services, ...args: A): Promise<string> => {
    if (!handler) {
      handler = load();
      // A failed load is tried again by the next timer rather than remembered.
      handler.catch(() => (handler = undefined));
    }
    return (await handler)(services, ...args);
  };
}

/** Each timer kind's effect, from the use case that owns the kind (services.ts TimerHandlers). */
export const timerHandlers: TimerHandlers = {
  kinds: {
    'pg-void': onFirstUse(async () => (await import('./payments/pg-batch-void.ts')).runPgVoid),
    'webhook-delivery': onFirstUse(async () => (await import('./webhooks/timer-handlers.ts')).deliverOnTimer),
    'payment-schedule': onFirstUse(async () => (await import('./schedules/run-schedule.ts')).runPaymentSchedule),
    'cancel-completion': onFirstUse(async () => (await import('./payments/async-cancel.ts')).runCancelCompletion),
    'confirm-deadline': onFirstUse(async () => (await import('./payments/confirm-payment.ts')).expireConfirmation),
  } satisfies Record<string, TimerHandler>,
  recordless: onFirstUse(async () => (await import('./webhooks/timer-handlers.ts')).redriveOnSchedule),
};

/**
 * Builds the services from configuration: the same adapters on Lambda and locally. Only the
 * endpoints differ (DynamoDB Local and the local Scheduler endpoint); on Lambda they are unset.
 * `signingKey` gives the session signing key when the config holds none but the ARN of its secret.
 */
export function createServices(config: Config, endpoints: Endpoints = {}, extra: Partial<Services> = {}, signingKey?: () => string): Services {
  // What both SDK clients get locally besides their endpoint; on Lambda nothing (the SDK's defaults).
  const clientConfig = {
    ...(endpoints.region && { region: endpoints.region }),
    ...(endpoints.credentials && { credentials: endpoints.credentials }),
    ...(endpoints.signer && { signer: endpoints.signer }),
  };
  const db = createDocumentClient({ ...(endpoints.dynamodb && { endpoint: endpoints.dynamodb }), ...clientConfig });
  const services: Services = {
    repo: new DynamoDbRepository(db, config.TABLE_NAME),
    scheduler: new EventBridgeTimerScheduler({
      groupName: config.SCHEDULE_GROUP_NAME,
      roleArn: config.SCHEDULER_ROLE_ARN,
      targetArn: config.TIMERS_FUNCTION_ARN,
      deadLetterArn: config.SCHEDULER_DLQ_ARN,
      endpoint: endpoints.scheduler,
      clientConfig,
    }),
    wallNow: () => Date.now(),
    timerHandlers,
    sessionSigningKey: config.SESSION_SIGNING_KEY ?? '',
    allowLoopbackWebhooks: config.ALLOW_LOOPBACK_WEBHOOKS === 'true',
    ...extra,
  };
  if (config.SESSION_SIGNING_KEY === undefined && extra.sessionSigningKey === undefined) {
    // The api on Lambda reads its key on first use (`signingKey`, handlers/signing-key.ts).
    // Timers and dispatch hold no key: using one there is a bug, and an empty key would be public.
    Object.defineProperty(services, 'sessionSigningKey', {
      get:
        signingKey ??
        (() => {
          throw new Error('pg-sandbox: this function has no SESSION_SIGNING_KEY; only the api function signs sessions');
        }),
    });
  }
  return services;
}
