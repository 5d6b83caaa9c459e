import { Aws, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Effect, PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import { CfnSchedule, ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { isoSeconds, schedulerAtExpression } from '../stage.ts';
import { schedulerExecutionRole } from './timer-scheduling.ts';

export interface SelfDestructProps {
  /** When the stack deletes itself (UTC). */
  readonly expiresAt: Date;
  /** Where a failed DeleteStack call lands (alarmed). */
  readonly deadLetterQueue: IQueue;
  /** @default 1 hour */
  readonly maximumEventAge?: Duration;
}

/**
 * Deletes this stack at `expiresAt`: one one-time EventBridge Scheduler schedule whose universal
 * target calls `cloudformation:DeleteStack` on this stack's own id.
 *
 * Isolation from the public API: the schedule lives in a group of its own that no function may
 * touch; its role trusts only EventBridge Scheduler acting for that group in this account, is
 * passable by nobody (no function holds `iam:PassRole` on it) and may do exactly one thing,
 * `cloudformation:DeleteStack` on `AWS::StackId` (this stack, this incarnation).
 *
 * The resources are deleted by CloudFormation with the stack's service role (the CDK bootstrap
 * `cfn-exec` role that `cdk deploy` attached to the stack), not with this role's permissions:
 * CloudFormation uses a stack's service role for every later operation on it, whoever calls.
 */
export class SelfDestruct extends Construct {
  readonly group: ScheduleGroup;
  readonly role: Role;
  readonly schedule: CfnSchedule;

  constructor(scope: Construct, id: string, props: SelfDestructProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.group = new ScheduleGroup(this, 'Group', { removalPolicy: RemovalPolicy.DESTROY });

    this.role = schedulerExecutionRole(this, 'Role', this.group.scheduleGroupName, 'Assumed by EventBridge Scheduler to delete this sandbox stack when it expires');
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['cloudformation:DeleteStack'], resources: [Aws.STACK_ID] }),
    );
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['sqs:SendMessage'], resources: [props.deadLetterQueue.queueArn] }),
    );

    this.schedule = new CfnSchedule(this, 'Schedule', {
      groupName: this.group.scheduleGroupName,
      description: `Deletes stack ${stack.stackName} at ${isoSeconds(props.expiresAt)} (redeploy to push it back)`,
      scheduleExpression: schedulerAtExpression(props.expiresAt),
      scheduleExpressionTimezone: 'UTC',
      flexibleTimeWindow: { mode: 'OFF' },
      state: 'ENABLED',
      target: {
        arn: `arn:${Aws.PARTITION}:scheduler:::aws-sdk:cloudformation:deleteStack`,
        roleArn: this.role.roleArn,
        input: stack.toJsonString({ StackName: Aws.STACK_ID }),
        retryPolicy: {
          maximumRetryAttempts: 5,
          maximumEventAgeInSeconds: (props.maximumEventAge ?? Duration.hours(1)).toSeconds(),
        },
        deadLetterConfig: { arn: props.deadLetterQueue.queueArn },
      },
    });
    // The role's permissions exist before the schedule can ever fire.
    this.schedule.node.addDependency(this.role);
  }
}
