import { ArnFormat, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { FunctionUrlAuthType, type FunctionUrl } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { OutboxStream } from './constructs/outbox-stream.ts';
import { SandboxAlarms } from './constructs/sandbox-alarms.ts';
import { SandboxFunction } from './constructs/sandbox-function.ts';
import { SandboxSecrets } from './constructs/sandbox-secrets.ts';
import { SandboxTable } from './constructs/sandbox-table.ts';
import { SeedAtDeploy } from './constructs/seed-at-deploy.ts';
import { SelfDestruct } from './constructs/self-destruct.ts';
import { TimerScheduling } from './constructs/timer-scheduling.ts';
import { handlerEntry } from './paths.ts';
import { acknowledgeUnscopableActions } from './nag.ts';
import { isoSeconds, type SandboxSettings } from './stage.ts';

export interface SandboxStackProps extends StackProps {
  readonly settings: SandboxSettings;
}

/**
 * One sandbox: `PgSandbox-<stage>`. Every resource is deleted with the stack; the stack deletes
 * itself when its lifetime is over (unless deployed with `-c lifetimeDays=0`).
 */
export class SandboxStack extends Stack {
  readonly data: SandboxTable;
  readonly scheduling: TimerScheduling;
  readonly secrets: SandboxSecrets;
  readonly api: SandboxFunction;
  readonly timers: SandboxFunction;
  readonly webhookDispatch: SandboxFunction;
  readonly seed: SeedAtDeploy;
  readonly apiUrl: FunctionUrl;
  readonly outbox: OutboxStream;
  readonly selfDestruct?: SelfDestruct;
  readonly alarms: SandboxAlarms;

  constructor(scope: Construct, id: string, props: SandboxStackProps) {
    const { settings } = props;
    super(scope, id, {
      ...props,
      stackName: settings.stackName,
      description: `pg-sandbox "${settings.stage}": PortOne V2 test-mode sandbox (owner ${settings.owner}, expires ${
        settings.expiresAt ? isoSeconds(settings.expiresAt) : 'never'
      })`,
      terminationProtection: false,
    });

    this.data = new SandboxTable(this, 'Data');
    this.scheduling = new TimerScheduling(this, 'Scheduling');
    this.secrets = new SandboxSecrets(this, 'Secrets');

    this.api = new SandboxFunction(this, 'Api', {
      entry: handlerEntry('api'),
      description: `pg-sandbox ${settings.stage}: PortOne-compatible API, checkout and console (Function URL)`,
      memorySize: 512,
      // Just under the 30 s that PortOne's SDK and most HTTP clients wait for.
      timeout: Duration.seconds(29),
      reservedConcurrentExecutions: settings.apiReservedConcurrency,
    });

    // The only physical name in the stack: the timers function schedules its own retries, so its
    // environment holds its own ARN, which CloudFormation can only express from a known name.
    const timersFunctionName = `${this.stackName}-timers`;
    this.timers = new SandboxFunction(this, 'Timers', {
      entry: handlerEntry('timers'),
      description: `pg-sandbox ${settings.stage}: runs due timers (target of every schedule)`,
      // A webhook retry may wait out a receiver's full 30 s, plus a chaos delay and a held event.
      timeout: Duration.seconds(120),
      functionName: timersFunctionName,
    });

    this.webhookDispatch = new SandboxFunction(this, 'WebhookDispatch', {
      entry: handlerEntry('webhook-dispatch'),
      description: `pg-sandbox ${settings.stage}: delivers webhooks from the outbox (table stream)`,
      timeout: Duration.seconds(120),
    });

    // Webhook URLs come from sandbox users: never let one reach loopback (on Lambda that is the
    // runtime API). This is the app's default; set explicitly so the template says it.
    for (const fn of [this.api, this.timers, this.webhookDispatch]) fn.addEnvironment('ALLOW_LOOPBACK_WEBHOOKS', 'false');

    this.scheduling.setTarget(this.timers.function);
    for (const fn of [this.api, this.timers, this.webhookDispatch]) this.data.grantReadWriteData(fn);
    this.scheduling.grantScheduling(this.api);
    this.scheduling.grantScheduling(
      this.timers,
      this.formatArn({ service: 'lambda', resource: 'function', resourceName: timersFunctionName, arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
    );
    this.scheduling.grantScheduling(this.webhookDispatch);
    this.secrets.grantSessionSigningKey(this.api);

    // The seeded store is written at deploy, not by every cold start of the api.
    this.seed = new SeedAtDeploy(this, 'Seed', { stage: settings.stage, data: this.data, secrets: this.secrets });

    // Public on purpose (auth NONE): PortOne clients authenticate with `Authorization: PortOne
    // <secret>`, which the app checks on every route except /health, /sdk.js and the checkout pages a
    // browser opens; SigV4 (AWS_IAM) would make the sandbox unusable from PortOne's own SDKs.
    // Reserved concurrency caps what an anonymous caller can cost. PUBLIC_BASE_URL stays unset:
    // the function cannot reference its own URL, so the app derives it from the request's Host.
    this.apiUrl = this.api.function.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });

    this.outbox = new OutboxStream(this, 'Outbox', { table: this.data.table, dispatcher: this.webhookDispatch });

    if (settings.expiresAt) {
      this.selfDestruct = new SelfDestruct(this, 'SelfDestruct', {
        expiresAt: settings.expiresAt,
        deadLetterQueue: this.scheduling.deadLetterQueue,
      });
    }

    // After every grant: acknowledge the few actions IAM can only grant on "*", and fail on any other.
    for (const fn of [this.api, this.timers, this.webhookDispatch, this.seed.function]) acknowledgeUnscopableActions(fn.role);

    this.alarms = new SandboxAlarms(this, 'Alarms');
    this.alarms.onFunctionErrors('ApiErrors', this.api);
    this.alarms.onFunctionErrors('TimersErrors', this.timers);
    this.alarms.onFunctionErrors('WebhookDispatchErrors', this.webhookDispatch);
    this.alarms.onQueueNotEmpty('SchedulerDeadLetters', this.scheduling.deadLetterQueue);
    this.alarms.onQueueNotEmpty('OutboxStreamFailures', this.outbox.failureQueue);
    this.alarms.onScheduleGroupFailures('Schedules', this.scheduling.group);

    new CfnOutput(this, 'ApiUrl', { value: this.apiUrl.url, description: 'Base URL of the PortOne-compatible API (use as the SDK baseUrl)' });
    new CfnOutput(this, 'ConsoleUrl', { value: `${this.apiUrl.url}console`, description: 'Sandbox console' });
    new CfnOutput(this, 'SeedSecretArn', { value: this.secrets.seedApiSecret.secretArn, description: 'Secrets Manager secret holding the seeded store API secret (the value is never output)' });
    new CfnOutput(this, 'SeedSecretLocation', {
      value: `aws secretsmanager get-secret-value --region ${this.region} --secret-id ${this.secrets.seedApiSecret.secretArn} --query SecretString --output text`,
      description: 'Command that prints the seeded store API secret',
    });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'ScheduleGroupName', { value: this.scheduling.group.scheduleGroupName });
    new CfnOutput(this, 'Stage', { value: settings.stage });
    new CfnOutput(this, 'ExpiresAt', {
      value: settings.expiresAt ? isoSeconds(settings.expiresAt) : 'never',
      description: 'When the stack deletes itself (UTC); every deploy pushes it back',
    });
  }
}
