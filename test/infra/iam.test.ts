import { describe, expect, it } from 'vitest';
import {
  actionsOf,
  allPolicyStatements,
  arnJoin,
  getAtt,
  policyStatements,
  ref,
  resourceByPrefix,
  resourcesOfType,
  synthSandbox,
  type Statement,
} from './support.ts';

const { template } = synthSandbox();

const id = (type: string, prefix: string): string => resourceByPrefix(template, type, prefix)[0];
const tableArn = getAtt(id('AWS::DynamoDB::Table', 'DataTable'));
const groupName = resourceByPrefix(template, 'AWS::Scheduler::ScheduleGroup', 'SchedulingGroup')[1].Properties?.Name as string;
const selfDestructGroupName = resourceByPrefix(template, 'AWS::Scheduler::ScheduleGroup', 'SelfDestructGroup')[1].Properties?.Name as string;
const schedulerRoleId = id('AWS::IAM::Role', 'SchedulingExecutionRole');
const selfDestructRoleId = id('AWS::IAM::Role', 'SelfDestructRole');
const dlqArn = getAtt(id('AWS::SQS::Queue', 'SchedulingDeadLetterQueue'));

/** Same statements, in any order. */
function expectStatements(actual: Statement[], expected: Statement[]): void {
  const key = (s: Statement) => canonical({ ...s, Action: [...actionsOf(s)].sort() });
  expect(actual.map(key).sort()).toEqual(expected.map(key).sort());
}

/** JSON with object keys sorted, so that key order does not matter. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

const TABLE_DATA_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:GetItem',
  'dynamodb:Scan',
  'dynamodb:ConditionCheckItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:DescribeTable',
];

const logs = (fn: string): Statement => ({
  Effect: 'Allow',
  Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
  Resource: getAtt(id('AWS::Logs::LogGroup', `${fn}LogGroup`)),
});

// The table and its indexes (lists are index range reads), nothing else.
const tableAndIndexes = [tableArn, { 'Fn::Join': ['', [tableArn, '/index/*']] }];
const tableReadWrite: Statement[] = [
  { Effect: 'Allow', Action: TABLE_DATA_ACTIONS, Resource: tableAndIndexes },
  // Added by CDK's grantReadWriteData on a streamed table; meaningless on the table ARN, harmless.
  { Effect: 'Allow', Action: ['dynamodb:GetRecords', 'dynamodb:GetShardIterator'], Resource: tableAndIndexes },
];

const scheduling: Statement[] = [
  {
    Effect: 'Allow',
    Action: ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule'],
    Resource: arnJoin('scheduler', `schedule/${groupName}/*`),
  },
  {
    Effect: 'Allow',
    Action: 'iam:PassRole',
    Resource: getAtt(schedulerRoleId),
    Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
  },
];

const readSecret = (prefix: string): Statement => ({
  Effect: 'Allow',
  Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
  Resource: ref(id('AWS::SecretsManager::Secret', prefix)),
});

describe('function roles', () => {
  it.each(['Api', 'Timers', 'WebhookDispatch', 'Seed'])('%s: trusted by Lambda only, no managed policies', (fn) => {
    const [, role] = resourceByPrefix(template, 'AWS::IAM::Role', `${fn}Role`);
    expect(role.Properties?.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' } }],
    });
    expect(role.Properties).not.toHaveProperty('ManagedPolicyArns');
    expect(role.Properties).not.toHaveProperty('Policies');
  });

  it('api: its log group, table items, schedules of its group, pass the scheduler role, read the signing key (not the seed secret: it seeds nothing)', () => {
    expectStatements(policyStatements(template, 'ApiRole'), [logs('Api'), ...tableReadWrite, ...scheduling, readSecret('SecretsSessionSigningKey')]);
  });

  it('seed: its log group, table items and the seed secret; no scheduling, no signing key', () => {
    expectStatements(policyStatements(template, 'SeedRole'), [logs('Seed'), ...tableReadWrite, readSecret('SecretsSeedApiSecret')]);
  });

  it("the seed trigger's provider may invoke the seed function's versions and nothing else", () => {
    const [, role] = resourceByPrefix(template, 'AWS::IAM::Role', 'AWSCDKTriggerCustomResourceProviderCustomResourceProviderRole');
    const inline = role.Properties?.Policies as { PolicyDocument: { Statement: Statement[] } }[];
    expect(inline.flatMap((p) => p.PolicyDocument.Statement)).toEqual([
      { Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: [{ 'Fn::Join': ['', [getAtt(id('AWS::Lambda::Function', 'SeedFunction')), ':*']] }] },
    ]);
    expect(policyStatements(template, 'AWSCDKTriggerCustomResourceProviderCustomResourceProviderRole')).toEqual([]);
  });

  it('timers: its log group, table items, schedules of its group, pass the scheduler role', () => {
    expectStatements(policyStatements(template, 'TimersRole'), [logs('Timers'), ...tableReadWrite, ...scheduling]);
  });

  it('webhook-dispatch: the same plus reading the table stream and writing to its failure queue', () => {
    const streamArn = getAtt(id('AWS::DynamoDB::Table', 'DataTable'), 'StreamArn');
    expectStatements(policyStatements(template, 'WebhookDispatchRole'), [
      logs('WebhookDispatch'),
      ...tableReadWrite,
      ...scheduling,
      {
        Effect: 'Allow',
        Action: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
        Resource: getAtt(id('AWS::SQS::Queue', 'OutboxFailureQueue')),
      },
      { Effect: 'Allow', Action: 'dynamodb:ListStreams', Resource: '*' },
      { Effect: 'Allow', Action: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'], Resource: streamArn },
    ]);
  });
});

describe('scheduler execution role', () => {
  it('is trusted only by EventBridge Scheduler, for this account and this stack\'s schedule group', () => {
    const [, role] = resourceByPrefix(template, 'AWS::IAM::Role', 'SchedulingExecutionRole');
    expect(role.Properties?.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Principal: { Service: 'scheduler.amazonaws.com' },
          Condition: {
            StringEquals: { 'aws:SourceAccount': ref('AWS::AccountId') },
            // Scheduler presents the group ARN (since 2023-09); allow-listed accounts the schedule ARN.
            ArnLike: { 'aws:SourceArn': [arnJoin('scheduler', `schedule-group/${groupName}`), arnJoin('scheduler', `schedule/${groupName}/*`)] },
          },
        },
      ],
    });
    expect(role.Properties).not.toHaveProperty('ManagedPolicyArns');
  });

  it('may only invoke the timers function (unqualified) and send failed invocations to the DLQ', () => {
    expectStatements(policyStatements(template, 'SchedulingExecutionRole'), [
      { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: getAtt(id('AWS::Lambda::Function', 'TimersFunction')) },
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: dlqArn },
    ]);
  });
});

describe('least privilege across the stack', () => {
  const statements = allPolicyStatements(template);

  it('grants no wildcard action', () => {
    for (const s of statements) for (const a of actionsOf(s)) expect(a).not.toContain('*');
  });

  it('grants "*" resources only for actions IAM cannot scope', () => {
    const star = statements.filter((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]).includes('*'));
    expect(new Set(star.flatMap(actionsOf))).toEqual(new Set(['dynamodb:ListStreams']));
  });

  it('grants no Scheduler action the functions never call (they only create and delete schedules)', () => {
    const granted = new Set(statements.flatMap(actionsOf).filter((a) => a.startsWith('scheduler:')));
    expect(granted).toEqual(new Set(['scheduler:CreateSchedule', 'scheduler:DeleteSchedule']));
    for (const unused of ['scheduler:GetSchedule', 'scheduler:ListSchedules']) expect(granted.has(unused)).toBe(false);
  });

  it('lets functions pass only the scheduler execution role, only to Scheduler', () => {
    const passRole = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('iam:')));
    expect(passRole.length).toBe(3);
    for (const s of passRole) {
      expect(s).toEqual({
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: getAtt(schedulerRoleId),
        Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      });
    }
  });

  it('lets nobody assume roles, and grants Scheduler actions only on the timers group', () => {
    for (const s of statements) {
      expect(actionsOf(s)).not.toContain('sts:AssumeRole');
      if (actionsOf(s).some((a) => a.startsWith('scheduler:'))) {
        expect(s.Resource).toEqual(arnJoin('scheduler', `schedule/${groupName}/*`));
      }
    }
  });

  it('has no Allow statement with a NotAction or NotResource', () => {
    for (const s of statements) {
      expect(s).not.toHaveProperty('NotAction');
      expect(s).not.toHaveProperty('NotResource');
    }
  });

  it('keeps the deleting permission away from everything the public URL can reach', () => {
    const text = (v: unknown) => JSON.stringify(v);
    for (const fn of ['ApiRole', 'TimersRole', 'WebhookDispatchRole']) {
      const policy = text(policyStatements(template, fn));
      expect(policy).not.toContain(selfDestructRoleId);
      expect(policy).not.toContain(selfDestructGroupName);
      expect(policy).not.toContain('cloudformation:');
    }
    const cfn = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('cloudformation:')));
    expect(cfn).toEqual([{ Effect: 'Allow', Action: 'cloudformation:DeleteStack', Resource: ref('AWS::StackId') }]);
  });

  it('no resource policy of a function lets another AWS service invoke it', () => {
    for (const [, p] of resourcesOfType(template, 'AWS::Lambda::Permission')) {
      expect(p.Properties?.Principal).toBe('*');
      expect(p.Properties?.FunctionName).toEqual(getAtt(id('AWS::Lambda::Function', 'ApiFunction')));
    }
  });
});
