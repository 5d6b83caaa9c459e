import { describe, expect, it } from 'vitest';
import { arnJoin, getAtt, policyStatements, ref, resourceByPrefix, resourcesOfType, synthSandbox } from './support.ts';

// FIXED_NOW is 2025-06-01T12:34:56.789Z.
const { template } = synthSandbox();
const id = (type: string, prefix: string): string => resourceByPrefix(template, type, prefix)[0];

describe('self-destruct', () => {
  const [, schedule] = resourceByPrefix(template, 'AWS::Scheduler::Schedule', 'SelfDestructSchedule');
  const groupName = resourceByPrefix(template, 'AWS::Scheduler::ScheduleGroup', 'SelfDestructGroup')[1].Properties?.Name as string;

  it('is a one-time schedule 7 days after the deploy, in UTC, in its own group', () => {
    expect(schedule.Properties).toMatchObject({
      ScheduleExpression: 'at(2025-06-08T12:34:00)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      GroupName: groupName,
    });
    expect(groupName).not.toBe(resourceByPrefix(template, 'AWS::Scheduler::ScheduleGroup', 'SchedulingGroup')[1].Properties?.Name);
    expect(schedule.Properties).not.toHaveProperty('Name');
  });

  it('calls cloudformation:DeleteStack on this very stack, with retries and the DLQ', () => {
    expect(schedule.Properties?.Target).toEqual({
      Arn: { 'Fn::Join': ['', ['arn:', ref('AWS::Partition'), ':scheduler:::aws-sdk:cloudformation:deleteStack']] },
      RoleArn: getAtt(id('AWS::IAM::Role', 'SelfDestructRole')),
      Input: { 'Fn::Join': ['', ['{"StackName":"', ref('AWS::StackId'), '"}']] },
      RetryPolicy: { MaximumRetryAttempts: 5, MaximumEventAgeInSeconds: 3600 },
      DeadLetterConfig: { Arn: getAtt(id('AWS::SQS::Queue', 'SchedulingDeadLetterQueue')) },
    });
  });

  it('runs as a role only Scheduler can assume, only for the self-destruct group, in this account', () => {
    const [, role] = resourceByPrefix(template, 'AWS::IAM::Role', 'SelfDestructRole');
    expect(role.Properties?.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Principal: { Service: 'scheduler.amazonaws.com' },
          Condition: {
            StringEquals: { 'aws:SourceAccount': ref('AWS::AccountId') },
            ArnLike: { 'aws:SourceArn': [arnJoin('scheduler', `schedule-group/${groupName}`), arnJoin('scheduler', `schedule/${groupName}/*`)] },
          },
        },
      ],
    });
  });

  it('whose only powers are deleting this stack (by its id) and reporting failure to the DLQ', () => {
    expect(policyStatements(template, 'SelfDestructRole')).toEqual([
      { Effect: 'Allow', Action: 'cloudformation:DeleteStack', Resource: ref('AWS::StackId') },
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: getAtt(id('AWS::SQS::Queue', 'SchedulingDeadLetterQueue')) },
    ]);
  });

  it('is created after its role can act', () => {
    const [, s] = resourceByPrefix(template, 'AWS::Scheduler::Schedule', 'SelfDestructSchedule');
    expect(s.DependsOn).toEqual(expect.arrayContaining([id('AWS::IAM::Role', 'SelfDestructRole'), id('AWS::IAM::Policy', 'SelfDestructRoleDefaultPolicy')]));
  });

  it.each([
    ['3', 'at(2025-06-04T12:34:00)', '2025-06-04T12:34:00Z'],
    ['0.5', 'at(2025-06-02T00:34:00)', '2025-06-02T00:34:00Z'],
    ['30', 'at(2025-07-01T12:34:00)', '2025-07-01T12:34:00Z'],
  ])('takes its lifetime from -c lifetimeDays=%s', (days, expression, tag) => {
    const { template: t, app } = synthSandbox({ context: { lifetimeDays: days } });
    t.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: expression });
    t.hasOutput('ExpiresAt', { Value: tag });
    expect(app.synth().getStackByName('PgSandbox-test').tags['expires-at']).toBe(tag);
  });

  it('is left out entirely with -c lifetimeDays=0 (never expires)', () => {
    const { template: t, app } = synthSandbox({ context: { lifetimeDays: '0' } });
    t.resourceCountIs('AWS::Scheduler::Schedule', 0);
    t.resourceCountIs('AWS::Scheduler::ScheduleGroup', 1);
    expect(resourcesOfType(t, 'AWS::IAM::Role').map(([rid]) => rid)).not.toContainEqual(expect.stringMatching(/^SelfDestruct/));
    expect(JSON.stringify(t.toJSON())).not.toContain('cloudformation:DeleteStack');
    t.hasOutput('ExpiresAt', { Value: 'never' });
    expect(app.synth().getStackByName('PgSandbox-test').tags['expires-at']).toBe('never');
  });

  it('rejects a lifetime it cannot schedule', () => {
    expect(() => synthSandbox({ context: { lifetimeDays: '-2' } })).toThrow(/lifetimeDays/);
  });
});
