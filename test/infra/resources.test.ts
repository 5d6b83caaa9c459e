import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { getAtt, ref, resourceByPrefix, resources, resourcesOfType, synthSandbox, type Json } from './support.ts';

const { template, app, stack } = synthSandbox();

describe('inventory', () => {
  it('has exactly the resources of a sandbox, and nothing that costs money while idle', () => {
    const counts: Record<string, number> = {};
    for (const [, r] of resources(template)) counts[r.Type] = (counts[r.Type] ?? 0) + 1;
    expect(counts).toEqual({
      'AWS::DynamoDB::Table': 1,
      'AWS::Scheduler::ScheduleGroup': 2, // timers + self-destruct
      'AWS::Scheduler::Schedule': 1, // self-destruct; runtime schedules are created by the app
      'AWS::SQS::Queue': 2, // scheduler dead letters + outbox stream failures
      'AWS::SQS::QueuePolicy': 2,
      'AWS::SecretsManager::Secret': 2,
      'AWS::Logs::LogGroup': 5, // 4 functions + the seed trigger's provider
      'AWS::IAM::Role': 7, // 4 functions + scheduler execution + self-destruct + the seed trigger's provider
      'AWS::IAM::Policy': 6,
      'AWS::Lambda::Function': 5, // api, timers, webhook-dispatch, seed + the seed trigger's provider
      'AWS::Lambda::Version': 1, // the seed function's: the trigger runs again when it changes
      'Custom::Trigger': 1, // seeds the store at deploy (functions/handlers/seed.ts)
      'AWS::Lambda::Url': 1,
      'AWS::Lambda::Permission': 2,
      'AWS::Lambda::EventSourceMapping': 1,
      'AWS::CloudWatch::Alarm': 7,
    });
  });

  it('has no VPC, NAT or provisioned capacity, and no custom resource but the seed trigger', () => {
    for (const [, r] of resources(template)) {
      expect(r.Type).not.toMatch(/^AWS::EC2::|^AWS::CloudFormation::CustomResource$/);
      if (r.Type.startsWith('Custom::')) expect(r.Type).toBe('Custom::Trigger');
      expect(r.Properties ?? {}).not.toHaveProperty('ProvisionedThroughput');
      expect(r.Properties ?? {}).not.toHaveProperty('ProvisionedConcurrencyConfig');
    }
  });
});

describe('removal', () => {
  const STATEFUL = [
    'AWS::DynamoDB::Table',
    'AWS::Scheduler::ScheduleGroup',
    'AWS::SQS::Queue',
    'AWS::Logs::LogGroup',
    'AWS::SecretsManager::Secret',
  ];

  it.each(STATEFUL)('every %s is deleted with the stack', (type) => {
    const found = resourcesOfType(template, type);
    expect(found.length).toBeGreaterThan(0);
    for (const [id, r] of found) {
      expect({ id, DeletionPolicy: r.DeletionPolicy, UpdateReplacePolicy: r.UpdateReplacePolicy }).toEqual({
        id,
        DeletionPolicy: 'Delete',
        UpdateReplacePolicy: 'Delete',
      });
    }
  });

  it('nothing is retained or snapshotted', () => {
    for (const [id, r] of resources(template)) {
      for (const policy of [r.DeletionPolicy, r.UpdateReplacePolicy]) {
        expect({ id, policy }).not.toEqual({ id, policy: expect.stringMatching(/Retain|Snapshot/) });
      }
    }
  });

  it('keeps the logical ids of the stateful resources (a rename would replace them and lose data or schedules)', () => {
    expect(resourcesOfType(template, 'AWS::DynamoDB::Table').map(([id]) => id)).toEqual(['DataTableFDBAD0F2']);
    expect(resourcesOfType(template, 'AWS::Scheduler::ScheduleGroup').map(([id]) => id).sort()).toEqual([
      'SchedulingGroup2B5E8D3E',
      'SelfDestructGroup5EEFB116',
    ]);
  });

  it('the stack has no termination protection', () => {
    expect(stack.terminationProtection).toBe(false);
  });
});

describe('table', () => {
  it('is pk/sk strings with the two list indexes of schema.ts, on demand, streamed, with a TTL, without deletion protection', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false },
      DeletionProtectionEnabled: false,
      TableName: Match.absent(),
      GlobalSecondaryIndexes: [
        { IndexName: 'byTime', KeySchema: [{ AttributeName: 'gsi1pk', KeyType: 'HASH' }, { AttributeName: 'gsi1sk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } },
        { IndexName: 'byOwner', KeySchema: [{ AttributeName: 'gsi2pk', KeyType: 'HASH' }, { AttributeName: 'gsi2sk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } },
      ],
    });
  });
});

describe('schedule groups', () => {
  it('are named by CDK (unique per stack, ≤ 64 characters, Scheduler\'s character set)', () => {
    for (const [, r] of resourcesOfType(template, 'AWS::Scheduler::ScheduleGroup')) {
      const name = r.Properties?.Name as string;
      expect(name).toMatch(/^[0-9a-zA-Z-_.]{1,64}$/);
      expect(name.startsWith('PgSandboxtest-')).toBe(true);
    }
  });

  it('stay within 64 characters for the longest stage', () => {
    const long = synthSandbox({ context: { stage: 'x'.repeat(200) } });
    for (const [, r] of resourcesOfType(long.template, 'AWS::Scheduler::ScheduleGroup')) {
      expect((r.Properties?.Name as string).length).toBeLessThanOrEqual(64);
    }
  });
});

describe('queues', () => {
  it('keep messages 14 days, are encrypted, and refuse anything but TLS', () => {
    const queues = resourcesOfType(template, 'AWS::SQS::Queue');
    expect(queues).toHaveLength(2);
    for (const [id, r] of queues) {
      expect({ id, props: r.Properties }).toEqual({ id, props: { MessageRetentionPeriod: 1_209_600, SqsManagedSseEnabled: true, Tags: expect.any(Array) } });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [ref(id)],
        PolicyDocument: {
          Statement: [
            {
              Effect: 'Deny',
              Action: 'sqs:*',
              Principal: { AWS: '*' },
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              Resource: getAtt(id),
            },
          ],
        },
      });
    }
  });
});

describe('secrets', () => {
  it('are generated by Secrets Manager; no value is in the template', () => {
    const secrets = resourcesOfType(template, 'AWS::SecretsManager::Secret');
    expect(secrets).toHaveLength(2);
    for (const [, r] of secrets) {
      expect(r.Properties).not.toHaveProperty('SecretString');
      expect(r.Properties?.GenerateSecretString).toMatchObject({ ExcludePunctuation: true, IncludeSpace: false });
      expect((r.Properties?.GenerateSecretString as Json).PasswordLength).toBeGreaterThanOrEqual(48);
    }
  });

  it('are never resolved into the template (no dynamic references anywhere)', () => {
    expect(JSON.stringify(template.toJSON())).not.toMatch(/resolve:secretsmanager|resolve:ssm-secure/);
  });
});

describe('log groups', () => {
  it('keep one week of logs and belong to one function each', () => {
    const groups = resourcesOfType(template, 'AWS::Logs::LogGroup').filter(([id]) => !id.startsWith('SeedTriggerProviderLogGroup'));
    expect(groups).toHaveLength(4);
    for (const [id, r] of groups) {
      expect(r.Properties).toMatchObject({ RetentionInDays: 7 });
      expect(r.Properties).not.toHaveProperty('LogGroupName');
      template.hasResourceProperties('AWS::Lambda::Function', { LoggingConfig: { LogGroup: ref(id) } });
    }
  });

  it("hold the seed trigger's provider logs too, created before the trigger runs, so none outlives the stack", () => {
    const [providerId] = resourceByPrefix(template, 'AWS::Lambda::Function', 'AWSCDKTriggerCustomResourceProviderCustomResourceProviderHandler');
    const [groupId, group] = resourceByPrefix(template, 'AWS::Logs::LogGroup', 'SeedTriggerProviderLogGroup');
    expect(group.Properties).toMatchObject({
      RetentionInDays: 7,
      LogGroupName: { 'Fn::Join': ['', ['/aws/lambda/', { 'Fn::Select': [6, { 'Fn::Split': [':', getAtt(providerId)] }] }]] },
    });
    expect(group.DeletionPolicy).toBe('Delete');
    expect(resourceByPrefix(template, 'Custom::Trigger', 'SeedTrigger')[1].DependsOn).toContain(groupId);
  });
});

describe('alarms', () => {
  const alarm = (props: Json) =>
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
      EvaluationPeriods: 1,
      Period: 300,
      TreatMissingData: 'notBreaching',
      ...props,
    });

  it.each(['Api', 'Timers', 'WebhookDispatch'])('fire on any error of the %s function', (fn) => {
    const [fnId] = resourceByPrefix(template, 'AWS::Lambda::Function', `${fn}Function`);
    alarm({ Namespace: 'AWS/Lambda', MetricName: 'Errors', Statistic: 'Sum', Dimensions: [{ Name: 'FunctionName', Value: ref(fnId) }] });
  });

  it.each(['SchedulingDeadLetterQueue', 'OutboxFailureQueue'])('fire on any message in %s', (queue) => {
    const [queueId] = resourceByPrefix(template, 'AWS::SQS::Queue', queue);
    alarm({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Statistic: 'Maximum',
      Dimensions: [{ Name: 'QueueName', Value: getAtt(queueId, 'QueueName') }],
    });
  });

  it.each(['TargetErrorCount', 'InvocationDroppedCount'])('fire on any Scheduler %s in the timers group', (metric) => {
    const groupName = resourceByPrefix(template, 'AWS::Scheduler::ScheduleGroup', 'SchedulingGroup')[1].Properties?.Name;
    alarm({ Namespace: 'AWS/Scheduler', MetricName: metric, Statistic: 'Sum', Dimensions: [{ Name: 'ScheduleGroup', Value: groupName }] });
  });
});

describe('outputs', () => {
  it('tell where everything is, never a secret value', () => {
    const [urlId] = resourceByPrefix(template, 'AWS::Lambda::Url', 'ApiFunctionFunctionUrl');
    const [seedId] = resourceByPrefix(template, 'AWS::SecretsManager::Secret', 'SecretsSeedApiSecret');
    const [tableId] = resourceByPrefix(template, 'AWS::DynamoDB::Table', 'DataTable');
    const groupName = resourceByPrefix(template, 'AWS::Scheduler::ScheduleGroup', 'SchedulingGroup')[1].Properties?.Name;

    template.hasOutput('ApiUrl', { Value: getAtt(urlId, 'FunctionUrl') });
    template.hasOutput('ConsoleUrl', { Value: { 'Fn::Join': ['', [getAtt(urlId, 'FunctionUrl'), 'console']] } });
    template.hasOutput('SeedSecretArn', { Value: ref(seedId) });
    template.hasOutput('SeedSecretLocation', {
      Value: {
        'Fn::Join': ['', ['aws secretsmanager get-secret-value --region ', ref('AWS::Region'), ' --secret-id ', ref(seedId), ' --query SecretString --output text']],
      },
    });
    template.hasOutput('TableName', { Value: ref(tableId) });
    template.hasOutput('ScheduleGroupName', { Value: groupName });
    template.hasOutput('Stage', { Value: 'test' });
    template.hasOutput('ExpiresAt', { Value: '2025-06-08T12:34:00Z' });
  });
});

describe('tags', () => {
  const expected = { stage: 'test', owner: 'tester', 'expires-at': '2025-06-08T12:34:00Z' };

  it('are on the stack, so CloudFormation puts them on every resource that takes tags', () => {
    const artifact = app.synth().getStackByName('PgSandbox-test');
    expect(artifact.tags).toEqual(expected);
  });

  it('are on every resource in the template that has tags', () => {
    const taggable = [
      'AWS::DynamoDB::Table',
      'AWS::Scheduler::ScheduleGroup',
      'AWS::SQS::Queue',
      'AWS::SecretsManager::Secret',
      'AWS::Logs::LogGroup',
      'AWS::IAM::Role',
      'AWS::Lambda::Function',
      'AWS::Lambda::EventSourceMapping',
      'AWS::CloudWatch::Alarm',
    ];
    // The trigger's provider (aws-cdk-lib's own CfnResources) takes no construct tags; the stack's
    // tags reach its role and function at deploy.
    const untaggable = (id: string) => id.startsWith('AWSCDKTriggerCustomResourceProvider');
    for (const [id, r] of resources(template).filter(([id, r]) => taggable.includes(r.Type) && !untaggable(id))) {
      const tags = Object.fromEntries(((r.Properties?.Tags as { Key: string; Value: string }[]) ?? []).map((t) => [t.Key, t.Value]));
      expect({ id, tags }).toEqual({ id, tags: expect.objectContaining(expected) });
    }
  });

  it('name the owner from -c owner=, else $USER', () => {
    const fromUser = synthSandbox({ context: { owner: undefined }, env: { USER: 'dana' } });
    expect(fromUser.app.synth().getStackByName('PgSandbox-test').tags.owner).toBe('dana');
  });
});

describe('stack', () => {
  it('is PgSandbox-<stage>, from -c stage= or $USER', () => {
    expect(stack.stackName).toBe('PgSandbox-test');
    const fromUser = synthSandbox({ context: { stage: undefined }, env: { USER: 'Erin.K' } });
    expect(fromUser.stack.stackName).toBe('PgSandbox-erin-k');
  });
});
