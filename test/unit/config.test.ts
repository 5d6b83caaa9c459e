import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/config.ts';
import { localEndpoints } from '../../functions/local/aws-local.ts';
import { createServices } from '../../functions/wiring.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const env = {
  TABLE_NAME: 'pg-sandbox',
  SCHEDULE_GROUP_NAME: 'group',
  SCHEDULER_ROLE_ARN: 'arn:aws:iam::000000000000:role/scheduler',
  TIMERS_FUNCTION_ARN: 'arn:aws:lambda:ap-northeast-2:000000000000:function:timers',
  SCHEDULER_DLQ_ARN: 'arn:aws:sqs:ap-northeast-2:000000000000:dlq',
};

describe('configuration', () => {
  it('has no session signing key by default: a process that signs sessions refuses to start without one', () => {
    expect(() => loadConfig(env, { signsSessions: true })).toThrow('missing or invalid environment: SESSION_SIGNING_KEY');
    expect(loadConfig({ ...env, SESSION_SIGNING_KEY: 'k'.repeat(32) }, { signsSessions: true }).SESSION_SIGNING_KEY).toBe('k'.repeat(32));
  });

  it("lets the api on Lambda start with the ARN of the key's secret instead (it reads the key on the first request that signs)", () => {
    const config = loadConfig({ ...env, SESSION_SIGNING_KEY_SECRET_ARN: 'arn:aws:secretsmanager:ap-northeast-2:000000000000:secret:key' }, { signsSessions: true });
    expect(config.SESSION_SIGNING_KEY).toBeUndefined();
    expect(config.SESSION_SIGNING_KEY_SECRET_ARN).toBe('arn:aws:secretsmanager:ap-northeast-2:000000000000:secret:key');
    expect(() => createServices(config).sessionSigningKey).toThrow(/no SESSION_SIGNING_KEY/);
    expect(createServices(config, {}, {}, () => 'k'.repeat(32)).sessionSigningKey).toBe('k'.repeat(32));
  });

  it('refuses a short key', () => {
    expect(() => loadConfig({ ...env, SESSION_SIGNING_KEY: 'short' })).toThrow('SESSION_SIGNING_KEY');
  });

  it('lets timers and dispatch run without a key, and fails loudly if they ever try to sign', () => {
    const services = createServices(loadConfig(env));
    expect(() => services.sessionSigningKey).toThrow(/no SESSION_SIGNING_KEY/);
  });
});

/** Stands in for DynamoDB and the Scheduler: answers `{}` (no item; schedule deleted) and keeps each request's Authorization. */
let server: Server;
let url: string;
const authorizations: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    authorizations.push(req.headers.authorization ?? '');
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** One DynamoDB call and one Scheduler call through the services; the Authorization headers they sent. */
async function authorizationsSentBy(services: ReturnType<typeof createServices>): Promise<string[]> {
  authorizations.length = 0;
  expect(await services.repo.getPayment('store-1', 'pay-1')).toBeUndefined();
  await services.scheduler.unschedule({ scheduleName: 'timer-1' });
  return [...authorizations];
}

describe('request signing', () => {
  it('the local runtime sends its fixed, unsigned Authorization to DynamoDB Local and the local Scheduler', async () => {
    const sent = await authorizationsSentBy(createServices(loadConfig(env), localEndpoints(url, url)));
    expect(sent).toHaveLength(2);
    for (const header of sent) expect(header).toMatch(/^AWS4-HMAC-SHA256 Credential=local\/.+, Signature=0{64}$/);
  });

  it('the Lambda wiring (no endpoints given) signs every call with SigV4', async () => {
    // As a Lambda function finds them: credentials and region from its environment, here with the
    // endpoints pointed at the stand-in.
    const lambdaEnv = {
      AWS_REGION: 'ap-northeast-2',
      AWS_ACCESS_KEY_ID: 'AKIDLAMBDATEST',
      AWS_SECRET_ACCESS_KEY: 'lambda-secret',
      AWS_ENDPOINT_URL_DYNAMODB: url,
      AWS_ENDPOINT_URL_SCHEDULER: url,
    };
    const saved = Object.fromEntries(Object.keys(lambdaEnv).map((k) => [k, process.env[k]]));
    Object.assign(process.env, lambdaEnv);
    try {
      const sent = await authorizationsSentBy(createServices(loadConfig(env)));
      expect(sent).toHaveLength(2);
      for (const header of sent) {
        expect(header).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDLAMBDATEST\/\d{8}\/ap-northeast-2\/(dynamodb|scheduler)\/aws4_request, SignedHeaders=[a-z0-9;-]*x-amz-date[a-z0-9;-]*, Signature=[0-9a-f]{64}$/);
        expect(header).not.toMatch(/Signature=0{64}$/);
      }
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});
