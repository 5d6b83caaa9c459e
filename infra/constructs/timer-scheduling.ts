import { ArnFormat, Aws, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge, iam5ResourceFinding } from '../nag.ts';
import type { SandboxFunction } from './sandbox-function.ts';

/**
 * What a caller may do with the runtime schedules of this sandbox, and nothing else in Scheduler:
 * the functions only create and delete schedules (`EventBridgeTimerScheduler`); none reads or lists
 * them, so neither `GetSchedule` nor `ListSchedules` (grantable only on `*`) is granted.
 */
export const SCHEDULE_ACTIONS = ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule'] as const;

/**
 * ARNs EventBridge Scheduler may present as `aws:SourceArn` when it assumes an execution role for a
 * schedule of `groupName`. Since 7 Sep 2023 it presents the schedule *group* ARN; accounts
 * allow-listed for the older behaviour present the schedule ARN (`schedule/<group>/<name>`).
 * Both are scoped to the one group, so accepting both costs nothing and works in every account.
 */
export function schedulerSourceArns(scope: Construct, groupName: string): string[] {
  const stack = Stack.of(scope);
  return [
    stack.formatArn({ service: 'scheduler', resource: 'schedule-group', resourceName: groupName, arnFormat: ArnFormat.SLASH_RESOURCE_NAME }),
    stack.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${groupName}/*`, arnFormat: ArnFormat.SLASH_RESOURCE_NAME }),
  ];
}

/**
 * A role only EventBridge Scheduler can assume, and only for schedules of `groupName` in this
 * account (confused-deputy protection).
 */
export function schedulerExecutionRole(scope: Construct, id: string, groupName: string, description: string): Role {
  return new Role(scope, id, {
    description,
    assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
      conditions: {
        StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
        ArnLike: { 'aws:SourceArn': schedulerSourceArns(scope, groupName) },
      },
    }),
  });
}

/**
 * Everything a timer needs on AWS: the schedule group that owns every runtime schedule (deleting
 * the group deletes its schedules), the execution role the schedules run as, and the dead-letter
 * queue that receives an invocation whose retries are exhausted.
 */
export class TimerScheduling extends Construct {
  readonly group: ScheduleGroup;
  readonly role: Role;
  readonly deadLetterQueue: Queue;
  /** `arn:…:scheduler:<region>:<account>:schedule/<group>/*`: every schedule of the group. */
  readonly schedulesArn: string;
  private timersFunctionArn?: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.group = new ScheduleGroup(this, 'Group', { removalPolicy: RemovalPolicy.DESTROY });
    this.schedulesArn = Stack.of(this).formatArn({
      service: 'scheduler',
      resource: 'schedule',
      resourceName: `${this.group.scheduleGroupName}/*`,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      retentionPeriod: Duration.days(14),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    acknowledge(
      this.deadLetterQueue,
      'AwsSolutions-SQS3',
      'This queue is itself the dead-letter queue of the EventBridge Scheduler targets (declared on ' +
        'each schedule, which cdk-nag cannot see); a dead-letter queue of a dead-letter queue adds nothing.',
    );

    this.role = schedulerExecutionRole(this, 'ExecutionRole', this.group.scheduleGroupName, 'Assumed by EventBridge Scheduler to run the sandbox timers');
    // A failed invocation lands in the dead-letter queue through this role: SendMessage only.
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['sqs:SendMessage'], resources: [this.deadLetterQueue.queueArn] }),
    );
  }

  /**
   * Makes `fn` the target of every schedule: the execution role may invoke it (the unqualified ARN
   * only, no versions or aliases) and nothing else.
   */
  setTarget(fn: IFunction, functionArn: string = fn.functionArn): void {
    if (this.timersFunctionArn) throw new Error('the timers target is already set');
    this.timersFunctionArn = functionArn;
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['lambda:InvokeFunction'], resources: [functionArn] }),
    );
  }

  /**
   * Lets `fn` create and delete schedules in this group only and pass the execution role to
   * Scheduler only. Injects the names the
   * code needs to build a schedule: `SCHEDULE_GROUP_NAME`, `SCHEDULER_ROLE_ARN`,
   * `TIMERS_FUNCTION_ARN`, `SCHEDULER_DLQ_ARN`.
   *
   * @param timersFunctionArn override for the timers function itself, which cannot reference its own
   *   ARN attribute (a circular reference in CloudFormation)
   */
  grantScheduling(fn: SandboxFunction, timersFunctionArn?: string): void {
    const targetArn = timersFunctionArn ?? this.timersFunctionArn;
    if (!targetArn) throw new Error('call setTarget() before grantScheduling()');

    fn.role.addToPrincipalPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: [...SCHEDULE_ACTIONS], resources: [this.schedulesArn] }),
    );
    fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['iam:PassRole'],
        resources: [this.role.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      }),
    );

    acknowledge(
      fn.role,
      iam5ResourceFinding(fn.role, this.schedulesArn),
      'Schedules are created at run time, one per timer (<kind>-<id>), so their names are not known at ' +
        'deploy time; the wildcard is limited to the schedules of this stack\'s own schedule group, ' +
        'which is the narrowest resource EventBridge Scheduler authorizes CreateSchedule/DeleteSchedule on.',
    );

    fn.addEnvironment('SCHEDULE_GROUP_NAME', this.group.scheduleGroupName);
    fn.addEnvironment('SCHEDULER_ROLE_ARN', this.role.roleArn);
    fn.addEnvironment('TIMERS_FUNCTION_ARN', targetArn);
    fn.addEnvironment('SCHEDULER_DLQ_ARN', this.deadLetterQueue.queueArn);
  }
}
