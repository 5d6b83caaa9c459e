/**
 * /health reports whether the sandbox can work, not merely that node is up: it reads the table.
 * The engine here is a DynamoDB Local of this file's own, so it can be frozen and killed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamoDbLocal, type RunningDynamoDbLocal } from '../../functions/local/dynamodb-local.ts';
import { startLocalRuntime, type LocalRuntime } from '../../functions/local/runtime.ts';
import { HEALTH_TIMEOUT_MS } from '../../functions/http/health.ts';

let ddb: RunningDynamoDbLocal;
let runtime: LocalRuntime;

beforeAll(async () => {
  ddb = await startDynamoDbLocal();
  runtime = await startLocalRuntime({ dynamoEndpoint: ddb.endpoint, port: 0, autoFire: false });
});
afterAll(async () => {
  await runtime?.close();
  try {
    process.kill(ddb.pid, 'SIGCONT');
  } catch {
    // already gone
  }
  await ddb?.stop();
});

const health = async () => {
  const res = await fetch(`${runtime.url}/health`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('/health', () => {
  it('is 200 while the table answers', async () => {
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', service: 'pg-sandbox' } });
  });

  it('is 503 in PortOne JSON within its timeout when the engine hangs, and 200 again once it is back', async () => {
    process.kill(ddb.pid, 'SIGSTOP');
    try {
      const started = Date.now();
      const frozen = await health();
      expect(frozen).toEqual({ status: 503, body: { type: 'UNAVAILABLE', message: expect.stringContaining(`no answer within ${HEALTH_TIMEOUT_MS} ms`) } });
      expect(Date.now() - started).toBeLessThan(HEALTH_TIMEOUT_MS + 2000);
    } finally {
      process.kill(ddb.pid, 'SIGCONT');
    }
    expect((await health()).status).toBe(200);
  });

  it('is 503 once the engine is dead', async () => {
    const exited = new Promise<string>((resolve) => ddb.onUnexpectedExit(resolve));
    process.kill(ddb.pid, 'SIGKILL');
    expect(await exited).toBe('killed by SIGKILL');
    expect(await health()).toEqual({ status: 503, body: { type: 'UNAVAILABLE', message: expect.stringContaining('cannot read its table') } });
  });
});
