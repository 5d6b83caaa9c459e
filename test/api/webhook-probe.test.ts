// The webhook receiver probe (issue 14 item 3) against the three sample receivers in
// examples/webhook-receivers: a correct one scores 10/10, a naive one (no signature check, no
// dedup) fails exactly the checks it should, a slow one fails on time. Through the sandbox API,
// and through `npm run probe` with its exit codes.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PaymentClient } from '@portone/server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correctReceiver } from '../../examples/webhook-receivers/correct.ts';
import { naiveReceiver } from '../../examples/webhook-receivers/naive.ts';
import { slowReceiver } from '../../examples/webhook-receivers/slow.ts';
import type { RunningReceiver } from '../../examples/webhook-receivers/serve.ts';
import { createSandboxClient, SandboxApiError, type ProbeReport, type SandboxClient } from '../../functions/client/index.ts';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';

const run = promisify(execFile);
let sandbox: TestSandbox;
let client: SandboxClient;
let secret: string;
const receivers: RunningReceiver[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = createSandboxClient({ baseUrl: sandbox.url, apiSecret: sandbox.store.apiSecret });
  secret = (await client.webhook.addSecret()).secret;
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await sandbox?.close();
});

async function started(receiver: Promise<RunningReceiver>): Promise<RunningReceiver> {
  const r = await receiver;
  receivers.push(r);
  return r;
}

const failedChecks = (report: ProbeReport) => report.checks.filter((c) => !c.passed).map((c) => c.id);

describe('the probe scores receivers', () => {
  it('a correct receiver (SDK verification, dedup by webhook-id, getPayment) passes all 10 checks', async () => {
    const receiver = await started(correctReceiver({ secret, baseUrl: sandbox.url, apiSecret: sandbox.store.apiSecret }));
    const report = await client.webhook.probe({ url: receiver.url });
    expect(failedChecks(report), JSON.stringify(report.checks, null, 1)).toEqual([]);
    expect(report).toMatchObject({ ok: true, passed: 10, total: 10, url: receiver.url });
    // The duplicate's verdict rests on evidence: the receiver read the payment for the first delivery.
    expect(report.checks.find((c) => c.id === 'duplicate')!.detail).not.toMatch(/not visible/);
    // The events referred to real payments, in the states the events claimed.
    const portone = PaymentClient({ secret: sandbox.store.apiSecret, baseUrl: sandbox.url });
    expect(await portone.getPayment({ paymentId: report.payments.paid })).toMatchObject({ status: 'PAID' });
    expect(await portone.getPayment({ paymentId: report.payments.cancelled })).toMatchObject({ status: 'CANCELLED' });
  });

  it('a naive receiver (no signature check, no dedup) fails the forged, tampered, stale, unsigned and repeated deliveries', async () => {
    const receiver = await started(naiveReceiver({ baseUrl: sandbox.url, apiSecret: sandbox.store.apiSecret }));
    const report = await client.webhook.probe({ url: receiver.url });
    expect(failedChecks(report).sort()).toEqual(['duplicate', 'forged-signature', 'missing-signature', 'retry', 'stale-timestamp', 'tampered-body']);
    expect(report.checks.find((c) => c.id === 'duplicate')!.detail).toMatch(/processed the repeated webhook-id again/);
    expect(report.checks.find((c) => c.id === 'forged-signature')!.detail).toMatch(/accepted what it must refuse: .*HTTP 200/);
    expect(report).toMatchObject({ ok: false, passed: 4 });
  });

  it('a slow receiver fails every check on time, each delivery cut off at the timeout', async () => {
    const receiver = await started(slowReceiver({ secret, delayMs: 3_000 }));
    const report = await client.webhook.probe({ url: receiver.url, timeoutMs: 300, settleMs: 0 });
    expect(report.passed).toBe(0);
    for (const check of report.checks) {
      for (const d of check.deliveries) expect(d).toMatchObject({ error: 'TIMEOUT' });
    }
    expect(report.slowestMs).toBeLessThan(3_000);
  });

  it('refuses what it cannot run with PortOne-style 400s, before sending anything', async () => {
    const refusal = async (body: Record<string, unknown>) => {
      const err = await client.webhook.probe(body as never).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(SandboxApiError);
      return err as SandboxApiError;
    };
    expect(await refusal({ url: 'not a url' })).toMatchObject({ status: 400, type: 'INVALID_REQUEST' });
    expect(await refusal({ url: 'http://127.0.0.1:9/', timeoutMs: 8_001 })).toMatchObject({ status: 400, type: 'INVALID_REQUEST' });
    expect(await refusal({ url: 'http://127.0.0.1:9/', secret: 'not base64!' })).toMatchObject({ status: 400, message: expect.stringMatching(/secret/) });
    expect(await refusal({ url: 'http://127.0.0.1:9/', extra: true })).toMatchObject({ status: 400, type: 'INVALID_REQUEST' });
  });
});

describe('npm run probe', () => {
  const probe = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/probe.ts', '--sandbox', sandbox.url, '--api-secret', sandbox.store.apiSecret, ...args]).then(
      ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
      (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
    );

  it('exits 0 with a readable table when every check passes, 1 with JSON when one fails, 2 when it cannot run', async () => {
    const good = await started(correctReceiver({ secret, baseUrl: sandbox.url, apiSecret: sandbox.store.apiSecret }));
    const bad = await started(naiveReceiver({ baseUrl: sandbox.url, apiSecret: sandbox.store.apiSecret }));
    const [passed, failed, unusable] = await Promise.all([probe('--url', good.url), probe('--url', bad.url, '--json'), probe('--timeout-ms', '10')]);

    expect(passed.code, passed.stderr).toBe(0);
    expect(passed.stdout).toMatch(/PASS\s+forged-signature/);
    expect(passed.stdout).toMatch(/10\/10 checks passed/);

    expect(failed.code).toBe(1);
    const report = JSON.parse(failed.stdout) as ProbeReport;
    expect(report).toMatchObject({ ok: false, url: bad.url });

    expect(unusable.code).toBe(2);
    expect(unusable.stderr).toMatch(/--url is required/);
  });
});
