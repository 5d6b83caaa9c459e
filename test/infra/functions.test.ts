import { describe, expect, it } from 'vitest';
import { arnJoin, getAtt, ref, resourceByPrefix, resourcesOfType, synthSandbox, type CfnResource, type Json } from './support.ts';

const { template } = synthSandbox();

const fn = (name: string): [string, CfnResource] => resourceByPrefix(template, 'AWS::Lambda::Function', `${name}Function`);
const envOf = (name: string): Json => ((fn(name)[1].Properties?.Environment as { Variables: Json }).Variables);
const id = (type: string, prefix: string): string => resourceByPrefix(template, type, prefix)[0];

describe('functions', () => {
  it.each(['Api', 'Timers', 'WebhookDispatch', 'Seed'])('%s runs Node.js 24 on arm64, 512 MB, source maps on, its own role and log group', (name) => {
    const [, r] = fn(name);
    expect(r.Properties).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: 512,
      Role: getAtt(id('AWS::IAM::Role', `${name}Role`)),
      LoggingConfig: { LogGroup: ref(id('AWS::Logs::LogGroup', `${name}LogGroup`)) },
    });
    expect(envOf(name).NODE_OPTIONS).toBe('--enable-source-maps');
  });

  it('gives the api 29 s and a reserved concurrency of 10; timers and dispatch 120 s and no reservation', () => {
    expect(fn('Api')[1].Properties).toMatchObject({ Timeout: 29, ReservedConcurrentExecutions: 10 });
    for (const name of ['Timers', 'WebhookDispatch']) {
      expect(fn(name)[1].Properties).toMatchObject({ Timeout: 120 });
      expect(fn(name)[1].Properties).not.toHaveProperty('ReservedConcurrentExecutions');
    }
  });

  it('takes the api reservation from -c apiConcurrency= (0 = none)', () => {
    const three = synthSandbox({ context: { apiConcurrency: '3' } }).template;
    three.hasResourceProperties('AWS::Lambda::Function', { Timeout: 29, ReservedConcurrentExecutions: 3 });
    const none = synthSandbox({ context: { apiConcurrency: '0' } }).template;
    const api = resourceByPrefix(none, 'AWS::Lambda::Function', 'ApiFunction')[1];
    expect(api.Properties).not.toHaveProperty('ReservedConcurrentExecutions');
  });

  it('names only the timers function (it must know its own ARN); CloudFormation names the others', () => {
    expect(fn('Timers')[1].Properties?.FunctionName).toBe('PgSandbox-test-timers');
    expect(fn('Api')[1].Properties).not.toHaveProperty('FunctionName');
    expect(fn('WebhookDispatch')[1].Properties).not.toHaveProperty('FunctionName');
  });

});

describe('seed at deploy', () => {
  const [triggerId, trigger] = resourceByPrefix(template, 'Custom::Trigger', 'SeedTrigger');
  const [versionId, version] = resourceByPrefix(template, 'AWS::Lambda::Version', 'SeedFunctionCurrentVersion');

  it("runs the seed function's current version synchronously, so a failed seed fails the deploy", () => {
    expect(version.Properties).toEqual({ FunctionName: ref(fn('Seed')[0]) });
    expect(trigger.Properties).toMatchObject({ HandlerArn: ref(versionId), InvocationType: 'RequestResponse', ExecuteOnHandlerChange: true });
    expect(fn('Seed')[1].Properties).toMatchObject({ Timeout: 60 });
  });

  it('runs after the table and the seed secret exist', () => {
    expect(trigger.DependsOn).toEqual(expect.arrayContaining([id('AWS::DynamoDB::Table', 'DataTable'), id('AWS::SecretsManager::Secret', 'SecretsSeedApiSecret')]));
  });

  it('keeps its version on a synth that changes nothing, so such a deploy does not seed again', () => {
    // The version's logical id hashes the function's code and configuration: a changed seed
    // function is a new version, a new HandlerArn, and the trigger runs again.
    const other = synthSandbox({ context: { stage: 'test' } }).template;
    expect(resourceByPrefix(other, 'Custom::Trigger', 'SeedTrigger')[0]).toBe(triggerId);
    expect(resourceByPrefix(other, 'AWS::Lambda::Version', 'SeedFunctionCurrentVersion')[0]).toBe(versionId);
  });
});

describe('environment', () => {
  const tableRef = ref(id('AWS::DynamoDB::Table', 'DataTable'));
  const groupName = resourceByPrefix(template, 'AWS::Scheduler::ScheduleGroup', 'SchedulingGroup')[1].Properties?.Name;
  const schedulerRoleArn = getAtt(id('AWS::IAM::Role', 'SchedulingExecutionRole'));
  const dlqArn = getAtt(id('AWS::SQS::Queue', 'SchedulingDeadLetterQueue'));
  const timersArn = getAtt(fn('Timers')[0]);
  const scheduling = (timers: unknown) => ({
    ALLOW_LOOPBACK_WEBHOOKS: 'false',
    TABLE_NAME: tableRef,
    SCHEDULE_GROUP_NAME: groupName,
    SCHEDULER_ROLE_ARN: schedulerRoleArn,
    TIMERS_FUNCTION_ARN: timers,
    SCHEDULER_DLQ_ARN: dlqArn,
  });

  it('api: table, scheduling and the ARN of the signing key secret, no secret value, no PUBLIC_BASE_URL (it seeds nothing)', () => {
    expect(envOf('Api')).toEqual({
      NODE_OPTIONS: '--enable-source-maps',
      ...scheduling(timersArn),
      SESSION_SIGNING_KEY_SECRET_ARN: ref(id('AWS::SecretsManager::Secret', 'SecretsSessionSigningKey')),
    });
  });

  it('seed: the table and the ARN of the seed secret only', () => {
    expect(envOf('Seed')).toEqual({
      NODE_OPTIONS: '--enable-source-maps',
      TABLE_NAME: tableRef,
      SEED_API_SECRET_ARN: ref(id('AWS::SecretsManager::Secret', 'SecretsSeedApiSecret')),
    });
  });

  it('timers: its own ARN built from its name (a self-reference is impossible in CloudFormation)', () => {
    expect(envOf('Timers')).toEqual({
      NODE_OPTIONS: '--enable-source-maps',
      ...scheduling(arnJoin('lambda', 'function:PgSandbox-test-timers')),
    });
  });

  it('webhook-dispatch: table and scheduling (it schedules retries through timers)', () => {
    expect(envOf('WebhookDispatch')).toEqual({ NODE_OPTIONS: '--enable-source-maps', ...scheduling(timersArn) });
  });

  it('no environment variable holds a literal that looks like a secret', () => {
    for (const [, r] of resourcesOfType(template, 'AWS::Lambda::Function')) {
      const vars = (r.Properties?.Environment as { Variables: Json } | undefined)?.Variables ?? {};
      expect(vars).not.toHaveProperty('SESSION_SIGNING_KEY');
      for (const [key, value] of Object.entries(vars)) {
        if (typeof value === 'string') expect({ key, value }).toEqual({ key, value: expect.not.stringMatching(/^[A-Za-z0-9]{32,}$/) });
      }
    }
  });
});

describe('function URL', () => {
  it('fronts the api function, auth NONE (the app authenticates itself)', () => {
    template.resourceCountIs('AWS::Lambda::Url', 1);
    template.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'NONE', TargetFunctionArn: getAtt(fn('Api')[0]) });
  });

  it('is the only public door: the two permissions both require the function URL', () => {
    const permissions = resourcesOfType(template, 'AWS::Lambda::Permission').map(([, r]) => r.Properties);
    const apiArn = getAtt(fn('Api')[0]);
    expect(permissions).toEqual(
      expect.arrayContaining([
        { Action: 'lambda:InvokeFunctionUrl', FunctionName: apiArn, FunctionUrlAuthType: 'NONE', Principal: '*' },
        { Action: 'lambda:InvokeFunction', FunctionName: apiArn, InvokedViaFunctionUrl: true, Principal: '*' },
      ]),
    );
    expect(permissions).toHaveLength(2);
  });
});

describe('outbox stream', () => {
  it('delivers only inserted outbox items to webhook-dispatch, bisecting and retrying, then to a failure queue', () => {
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: ref(fn('WebhookDispatch')[0]),
      EventSourceArn: getAtt(id('AWS::DynamoDB::Table', 'DataTable'), 'StreamArn'),
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 10,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 3,
      MaximumRecordAgeInSeconds: 3600,
      ParallelizationFactor: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: getAtt(id('AWS::SQS::Queue', 'OutboxFailureQueue')) } },
    });
  });

  it('filters on eventName INSERT and NewImage.itemType = OUTBOX', () => {
    const [, esm] = resourceByPrefix(template, 'AWS::Lambda::EventSourceMapping', 'WebhookDispatch');
    const filters = (esm.Properties?.FilterCriteria as { Filters: { Pattern: string }[] }).Filters;
    expect(filters.map((f) => JSON.parse(f.Pattern))).toEqual([
      { eventName: ['INSERT'], dynamodb: { NewImage: { itemType: { S: ['OUTBOX'] } } } },
    ]);
  });
});
