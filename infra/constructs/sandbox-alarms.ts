import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import type { IScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { SandboxFunction } from './sandbox-function.ts';

const PERIOD = Duration.minutes(5);

/**
 * "Anything at all went wrong" alarms: each fires on the first bad data point and clears by itself.
 * They have no actions (no topic to subscribe to in a throwaway sandbox); they show in the CloudWatch
 * console and in `aws cloudwatch describe-alarms --state-value ALARM`.
 */
export class SandboxAlarms extends Construct {
  readonly alarms: Alarm[] = [];

  /** The function threw or timed out at least once in 5 minutes. */
  onFunctionErrors(id: string, fn: SandboxFunction): Alarm {
    return this.add(id, fn.function.metricErrors({ period: PERIOD, statistic: 'Sum' }), `${id}: the function returned an error or timed out`);
  }

  /** A message is waiting in a dead-letter / on-failure queue. */
  onQueueNotEmpty(id: string, queue: IQueue): Alarm {
    return this.add(
      id,
      queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' }),
      `${id}: messages are waiting in a dead-letter queue`,
    );
  }

  /** Targets of the group's schedules failed (TargetErrorCount) or invocations were dropped after their retries (InvocationDroppedCount). */
  onScheduleGroupFailures(idPrefix: string, group: IScheduleGroup): Alarm[] {
    return [
      this.add(`${idPrefix}TargetErrors`, group.metricTargetErrors({ period: PERIOD, statistic: 'Sum' }), `${idPrefix}: a schedule target (the timers function) returned an error`),
      this.add(`${idPrefix}Dropped`, group.metricDropped({ period: PERIOD, statistic: 'Sum' }), `${idPrefix}: EventBridge Scheduler dropped an invocation after its retries`),
    ];
  }

  private add(id: string, metric: IMetric, description: string): Alarm {
    const alarm = new Alarm(this, id, {
      metric,
      alarmDescription: description,
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.alarms.push(alarm);
    return alarm;
  }
}
