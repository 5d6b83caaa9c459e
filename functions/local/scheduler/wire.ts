/**
 * Response bodies in the restJson1 shapes the SDK deserializes. Timestamps go out as epoch
 * seconds, the protocol's default for JSON bodies.
 */
import type { ScheduleRecord } from './types.ts';

const seconds = (ms: number) => ms / 1000;

export function toGetScheduleOutput(s: ScheduleRecord) {
  return {
    Arn: s.arn,
    GroupName: s.groupName,
    Name: s.name,
    ScheduleExpression: s.scheduleExpression,
    ScheduleExpressionTimezone: s.scheduleExpressionTimezone,
    State: s.state,
    CreationDate: seconds(s.creationDate),
    LastModificationDate: seconds(s.lastModificationDate),
    Target: s.target,
    FlexibleTimeWindow: s.flexibleTimeWindow,
    ActionAfterCompletion: s.actionAfterCompletion,
    ...(s.description !== undefined && { Description: s.description }),
    ...(s.startDate !== undefined && { StartDate: seconds(s.startDate) }),
    ...(s.endDate !== undefined && { EndDate: seconds(s.endDate) }),
    ...(s.kmsKeyArn !== undefined && { KmsKeyArn: s.kmsKeyArn }),
  };
}

export function toScheduleSummary(s: ScheduleRecord) {
  return {
    Arn: s.arn,
    Name: s.name,
    GroupName: s.groupName,
    State: s.state,
    CreationDate: seconds(s.creationDate),
    LastModificationDate: seconds(s.lastModificationDate),
    Target: { Arn: s.target.Arn },
  };
}
