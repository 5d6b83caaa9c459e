import { Duration, Fn, RemovalPolicy, Stack, type CustomResourceProviderBase } from 'aws-cdk-lib';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Trigger } from 'aws-cdk-lib/triggers';
import { Construct } from 'constructs';
import { handlerEntry } from '../paths.ts';
import { SandboxFunction } from './sandbox-function.ts';
import type { SandboxSecrets } from './sandbox-secrets.ts';
import type { SandboxTable } from './sandbox-table.ts';

/** Construct id of the singleton provider `Trigger` adds to the stack (aws-cdk-lib/triggers). */
const TRIGGER_PROVIDER_ID = 'AWSCDK.TriggerCustomResourceProviderCustomResourceProvider';

export interface SeedAtDeployProps {
  readonly stage: string;
  readonly data: SandboxTable;
  readonly secrets: SandboxSecrets;
}

/**
 * The seeded store, written at deploy rather than by every cold start of the api function: a
 * trigger (aws-cdk-lib/triggers, a custom resource) invokes `functions/handlers/seed.ts` once the
 * table and the seed secret exist, and again on a deploy that changes the function's code or
 * configuration (a new version). Seeding is idempotent; a failed seed fails the deploy.
 */
export class SeedAtDeploy extends Construct {
  readonly function: SandboxFunction;
  readonly trigger: Trigger;

  constructor(scope: Construct, id: string, props: SeedAtDeployProps) {
    super(scope, id);
    this.function = new SandboxFunction(this, 'Seed', {
      entry: handlerEntry('seed'),
      description: `pg-sandbox ${props.stage}: writes the seeded store at deploy (run by a trigger)`,
      timeout: Duration.minutes(1),
    });
    props.data.grantReadWriteData(this.function);
    props.secrets.grantSeedApiSecret(this.function);
    this.trigger = new Trigger(this, 'Trigger', {
      handler: this.function.function,
      executeAfter: [props.data, props.secrets.seedApiSecret],
      timeout: Duration.minutes(1),
    });

    // The trigger's provider function logs to the group Lambda creates by name on first use, which
    // would outlive the stack: created here first, with a week's retention, it is deleted with it.
    const provider = Stack.of(this).node.findChild(TRIGGER_PROVIDER_ID) as CustomResourceProviderBase;
    const providerLogs = new LogGroup(this, 'TriggerProviderLogGroup', {
      logGroupName: `/aws/lambda/${Fn.select(6, Fn.split(':', provider.serviceToken))}`,
      retention: RetentionDays.ONE_WEEK,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.trigger.executeAfter(providerLogs);
  }
}
