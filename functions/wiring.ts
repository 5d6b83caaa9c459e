import { EventBridgeTimerScheduler } from './adapters/scheduler/eventbridge-scheduler.ts';
import { createDocumentClient } from './adapters/dynamodb/client.ts';
import { DynamoDbRepository } from './adapters/dynamodb/repository.ts';
import type { Config } from './config.ts';
import { runCancelCompletion } from './payments/async-cancel.ts';
import { expireConfirmation } from './payments/confirm-payment.ts';
import { runPgVoid } from './payments/pg-batch-void.ts';
import { runPaymentSchedule } from './schedules/run-schedule.ts';
import type { Services, TimerHandlers } from './services.ts';
import { deliverOnTimer, redriveOnSchedule } from './webhooks/timer-handlers.ts';

/** Set only locally: DynamoDB Local, the local Scheduler endpoint, and what the SDK needs to sign for them. */
export interface Endpoints {
  dynamodb?: string;
  scheduler?: string;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** Each timer kind's effect, from the use case that owns the kind (services.ts TimerHandlers). */
export const timerHandlers: TimerHandlers = {
  kinds: { 'pg-void': runPgVoid, 'webhook-delivery': deliverOnTimer, 'payment-schedule': runPaymentSchedule, 'cancel-completion': runCancelCompletion, 'confirm-deadline': expireConfirmation },
  recordless: redriveOnSchedule,
};

/**
 * Builds the services from configuration: the same adapters on Lambda and locally. Only the
 * endpoints differ (DynamoDB Local and the local Scheduler endpoint); on Lambda they are unset.
 */
export function createServices(config: Config, endpoints: Endpoints = {}, extra: Partial<Services> = {}): Services {
  const db = createDocumentClient({
    ...(endpoints.dynamodb && { endpoint: endpoints.dynamodb }),
    ...(endpoints.region && { region: endpoints.region }),
    ...(endpoints.credentials && { credentials: endpoints.credentials }),
  });
  const services: Services = {
    repo: new DynamoDbRepository(db, config.TABLE_NAME),
    scheduler: new EventBridgeTimerScheduler({
      groupName: config.SCHEDULE_GROUP_NAME,
      roleArn: config.SCHEDULER_ROLE_ARN,
      targetArn: config.TIMERS_FUNCTION_ARN,
      deadLetterArn: config.SCHEDULER_DLQ_ARN,
      endpoint: endpoints.scheduler,
      region: endpoints.region,
    }),
    wallNow: () => Date.now(),
    timerHandlers,
    sessionSigningKey: config.SESSION_SIGNING_KEY ?? '',
    allowLoopbackWebhooks: config.ALLOW_LOOPBACK_WEBHOOKS === 'true',
    ...extra,
  };
  if (config.SESSION_SIGNING_KEY === undefined && extra.sessionSigningKey === undefined) {
    // Timers and dispatch hold no key: using one there is a bug, and an empty key would be public.
    Object.defineProperty(services, 'sessionSigningKey', {
      get: () => {
        throw new Error('pg-sandbox: this function has no SESSION_SIGNING_KEY; only the api function signs sessions');
      },
    });
  }
  return services;
}
