/**
 * The confirm process (컨펌 프로세스) over real HTTP: the merchant's confirm endpoint is a loopback
 * server that verifies each call with the official SDK (`Webhook.verify`) and approves, refuses
 * with `errorMessage`, or never answers; the payment window is driven as /sdk.js drives it, and
 * the merchant's server reads the outcome with `@portone/server-sdk`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentClient } from '@portone/server-sdk';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.ts';
import { sandboxAdmin } from '../support/admin.ts';
import { card } from '../support/cards.ts';
import { payInWindow } from '../support/payment-window.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';

let sandbox: TestSandbox;
let receiver: WebhookReceiver;
let portone: ReturnType<typeof PaymentClient>;
let seq = 0;
const newId = () => `cp-${Date.now()}-${++seq}`;

beforeAll(async () => {
  [sandbox, receiver] = await Promise.all([startTestSandbox(), startWebhookReceiver()]);
  portone = PaymentClient({ secret: sandbox.store.apiSecret, baseUrl: sandbox.url });
  const admin = sandboxAdmin(sandbox.url, sandbox.store.apiSecret);
  const settings = await admin.put('/sandbox/webhook', { url: receiver.url('/webhook') });
  expect(await admin.put('/sandbox/webhook/confirm-process', { enabled: true })).toMatchObject({ confirmProcess: true });
  const secrets = (settings.secrets as { secret: string }[]).map((s) => s.secret);
  for (const path of ['/webhook', '/approve', '/refuse', '/hang']) receiver.trust(path, secrets);
  receiver.answer('/refuse', () => ({ status: 400, json: { errorMessage: '재고가 모두 소진되었습니다. 관리자에게 문의하세요.' } }));
  receiver.answer('/hang', () => 'hang');
});
afterAll(async () => {
  await receiver?.close();
  await sandbox?.close();
});

const request = (paymentId: string, confirmPath?: string) => ({
  storeId: sandbox.store.storeId,
  channelKey: sandbox.channelKey('INICIS_V2'),
  paymentId,
  orderName: '콘서트 티켓 (선착순)',
  totalAmount: 88_000,
  ...(confirmPath ? { confirmUrl: receiver.url(confirmPath) } : {}),
});
const shinhan = card('SHINHAN_CARD').number;
const typesAt = (paymentId: string) =>
  receiver.at('/webhook').map((d) => JSON.parse(d.body) as { type: string; data: { paymentId: string } }).filter((b) => b.data.paymentId === paymentId).map((b) => b.type);

describe('confirm process against a real merchant server', () => {
  it('the merchant verifies the signed Transaction.Confirm with the SDK and answers 200: the payment is PAID', async () => {
    const id = newId();
    const answer = await payInWindow(sandbox.url, request(id, '/approve'), shinhan);
    expect(answer.code).toBeUndefined();
    const [call] = receiver.at('/approve').filter((d) => d.body.includes(id));
    expect(call!.verifiedWith).toHaveLength(1);
    expect(JSON.parse(call!.body)).toEqual({
      type: 'Transaction.Confirm',
      timestamp: expect.any(String),
      data: { paymentId: id, storeId: sandbox.store.storeId, transactionId: answer.txId, totalAmount: 88_000 },
    });
    expect(await portone.getPayment({ paymentId: id })).toMatchObject({ status: 'PAID', transactionId: answer.txId });
  });

  it('a refusal with errorMessage: the window answers ConfirmProcessFailed with it; FAILED with that reason; Transaction.Failed', async () => {
    const id = newId();
    const answer = await payInWindow(sandbox.url, request(id, '/refuse'), shinhan);
    expect(answer).toMatchObject({ paymentId: id, code: 'ConfirmProcessFailed', message: '재고가 모두 소진되었습니다. 관리자에게 문의하세요.' });
    expect(await portone.getPayment({ paymentId: id })).toMatchObject({ status: 'FAILED', failure: { reason: '재고가 모두 소진되었습니다. 관리자에게 문의하세요.' } });
    await expect.poll(() => typesAt(id)).toEqual(['Transaction.Ready', 'Transaction.Failed']);
  });

  it('no answer within the timeout stops the payment as a refusal', async () => {
    const budget = sandbox.services.webhookDispatch;
    sandbox.services.webhookDispatch = { ...budget, confirmTimeoutMs: 300 };
    try {
      const id = newId();
      const answer = await payInWindow(sandbox.url, request(id, '/hang'), shinhan);
      expect(answer).toMatchObject({ code: 'ConfirmProcessFailed', message: expect.stringMatching(/응답이 없어 결제가 중단되었습니다\. \(TIMEOUT/) });
      expect(await portone.getPayment({ paymentId: id })).toMatchObject({ status: 'FAILED' });
    } finally {
      sandbox.services.webhookDispatch = budget;
    }
  });

  it('without confirmUrl the store refuses the window up front with ConfirmUrlRequired', async () => {
    const id = newId();
    await expect(payInWindow(sandbox.url, request(id), shinhan)).rejects.toThrow(/payment window refused: 400 ConfirmUrlRequired/);
    await expect(portone.getPayment({ paymentId: id })).rejects.toMatchObject({ data: { type: 'PAYMENT_NOT_FOUND' } });
  });
});
