import { describe, expect, it } from 'vitest';
import { cancelPayment } from '../../../functions/payments/cancel-payment.ts';
import { dualView } from '../../../functions/payments/dual-view.ts';
import { preRegisterPayment } from '../../../functions/payments/pre-register.ts';
import { closeVirtualAccount, notifyTestDeposit, simulateRealDeposit } from '../../../functions/payments/virtual-account.ts';
import { setWebhookUrl } from '../../../functions/webhooks/settings.ts';
import { issueVirtualAccount, payByCard } from '../../support/unit-requests.ts';
import { beforeNext, outboxInOrder, RECEIVER_URL, rejection, unitWorld, type UnitWorld } from '../../support/unit-services.ts';

const stored = async (w: UnitWorld, paymentId: string) => (await w.repo.getPayment(w.storeId, paymentId))!;
const types = async (w: UnitWorld, paymentId: string) => (await w.repo.listOutbox(w.storeId, paymentId)).map((e) => e.type);

describe('preRegisterPayment (결제 정보 사전 등록)', () => {
  it('a later payment must carry the registered amount and currency; the registered one pays', async () => {
    const w = await unitWorld();
    await preRegisterPayment(w.services, w.storeId, 'pay-1', { totalAmount: 5_000, currency: 'KRW' });
    expect(await stored(w, 'pay-1')).toMatchObject({ status: 'READY', preRegistered: { totalAmount: 5_000, currency: 'KRW' } });
    expect(await rejection(payByCard(w, 'pay-1', { total: 4_000 }))).toMatchObject({ type: 'INVALID_REQUEST', message: expect.stringContaining('amount.total') });
    expect(await rejection(payByCard(w, 'pay-1', { total: 5_000, currency: 'USD' }))).toMatchObject({ type: 'INVALID_REQUEST', message: expect.stringContaining('currency') });
    await expect(payByCard(w, 'pay-1', { total: 5_000 })).resolves.toMatchObject({ status: 'PAID' });
  });

  it('a registered tax-free amount carries into the payment and a different one is refused', async () => {
    const w = await unitWorld();
    await preRegisterPayment(w.services, w.storeId, 'pay-1', { totalAmount: 10_000, taxFreeAmount: 2_000 });
    expect(await rejection(payByCard(w, 'pay-1', { taxFree: 1_000 }))).toMatchObject({ type: 'INVALID_REQUEST' });
    const paid = await payByCard(w, 'pay-1');
    expect(paid.amount).toMatchObject({ total: 10_000, taxFree: 2_000 });
  });

  it('registering again before payment replaces the values, keeping the request time', async () => {
    const w = await unitWorld();
    await preRegisterPayment(w.services, w.storeId, 'pay-1', { totalAmount: 5_000 });
    const first = await stored(w, 'pay-1');
    w.clock.advance(60_000);
    await preRegisterPayment(w.services, w.storeId, 'pay-1', { totalAmount: 6_000 });
    expect(await stored(w, 'pay-1')).toMatchObject({ requestedAt: first.requestedAt, updatedAt: w.clock.iso(), preRegistered: { totalAmount: 6_000 } });
    await expect(payByCard(w, 'pay-1', { total: 6_000 })).resolves.toBeDefined();
  });

  it('refuses a paid paymentId (ALREADY_PAID), tax-free above total, and a concurrent registration (CONFLICT)', async () => {
    const w = await unitWorld();
    await payByCard(w, 'paid');
    expect(await rejection(preRegisterPayment(w.services, w.storeId, 'paid', { totalAmount: 10_000 }))).toMatchObject({ type: 'ALREADY_PAID' });
    expect(await rejection(preRegisterPayment(w.services, w.storeId, 'x', { totalAmount: 1_000, taxFreeAmount: 2_000 }))).toMatchObject({ type: 'INVALID_REQUEST' });
    beforeNext(w.repo, 'commitPayment', () => preRegisterPayment(w.services, w.storeId, 'raced', { totalAmount: 1_000 }));
    expect(await rejection(preRegisterPayment(w.services, w.storeId, 'raced', { totalAmount: 2_000 }))).toMatchObject({ type: 'CONFLICT' });
    expect((await stored(w, 'raced')).preRegistered).toMatchObject({ totalAmount: 1_000 });
    expect(await rejection(preRegisterPayment(w.services, 'store-nope', 'x', {}))).toMatchObject({ type: 'STORE_NOT_FOUND' });
  });
});

describe('virtual accounts (가상계좌)', () => {
  it('a real deposit changes only the PG view: still VIRTUAL_ACCOUNT_ISSUED, no webhook, refund impossible', async () => {
    const w = await unitWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    await issueVirtualAccount(w, 'va-1');
    const before = await stored(w, 'va-1');
    const after = await simulateRealDeposit(w.services, w.storeId, 'va-1', { amount: 20_000, depositorName: '홍길동' });
    expect(after.pg!.depositReceived).toEqual({ amount: 20_000, at: w.clock.iso(), depositorName: '홍길동' });
    const now = await stored(w, 'va-1');
    expect(now).toMatchObject({ status: 'VIRTUAL_ACCOUNT_ISSUED', updatedAt: before.updatedAt });
    expect(await types(w, 'va-1')).toEqual(['Transaction.VirtualAccountIssued']);
    const view = await dualView(w.services, w.storeId, 'va-1');
    expect(view).toMatchObject({ inSync: false, pg: { status: 'DEPOSIT_RECEIVED' }, portone: { status: 'VIRTUAL_ACCOUNT_ISSUED' } });
    expect(await rejection(cancelPayment(w.services, w.storeId, 'va-1', { reason: '환불' }))).toMatchObject({ type: 'PAYMENT_NOT_PAID' });
  });

  it('a deposit without an amount deposits the total', async () => {
    const w = await unitWorld();
    await issueVirtualAccount(w, 'va-1', { total: 33_000 });
    expect((await simulateRealDeposit(w.services, w.storeId, 'va-1', {})).pg!.depositReceived!.amount).toBe(33_000);
  });

  it('the test deposit notification marks it PAID with Transaction.Paid (trigger VIRTUAL_ACCOUNT_DEPOSIT), but a cancel fails: 입금된 내역이 없습니다', async () => {
    const w = await unitWorld();
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    await issueVirtualAccount(w, 'va-1');
    w.clock.advance(5_000);
    const paid = await notifyTestDeposit(w.services, w.storeId, 'va-1');
    expect(paid).toMatchObject({ status: 'PAID', paidAt: w.clock.iso(), amount: { paid: 20_000 }, pg: { testDepositNotifiedAt: w.clock.iso() } });
    const events = await outboxInOrder(w, 'va-1');
    expect(events.map((e) => [e.type, e.trigger])).toEqual([
      ['Transaction.VirtualAccountIssued', undefined],
      ['Transaction.Paid', 'VIRTUAL_ACCOUNT_DEPOSIT'],
    ]);
    const err = await rejection(cancelPayment(w.services, w.storeId, 'va-1', { reason: '환불' }));
    expect(err).toMatchObject({ type: 'PG_PROVIDER', pgMessage: expect.stringContaining('입금된 내역이 없습니다') });
    expect((await dualView(w.services, w.storeId, 'va-1')).pg.status).toBe('AWAITING_DEPOSIT');
  });

  it('a refund of real deposited money is refused by the PG, not with "no deposit"', async () => {
    const w = await unitWorld();
    await issueVirtualAccount(w, 'va-1');
    await simulateRealDeposit(w.services, w.storeId, 'va-1', {});
    await notifyTestDeposit(w.services, w.storeId, 'va-1');
    const err = await rejection(cancelPayment(w.services, w.storeId, 'va-1', { reason: '환불' }));
    expect(err.type).toBe('PG_PROVIDER');
    expect(err.pgMessage).not.toContain('입금된 내역이 없습니다');
  });

  it('closeVirtualAccount (말소) ends an issued account CANCELLED; a second close and a deposit notice are refused', async () => {
    const w = await unitWorld();
    await issueVirtualAccount(w, 'va-1');
    w.clock.advance(1_000);
    expect(await closeVirtualAccount(w.services, w.storeId, 'va-1')).toEqual({ closedAt: w.clock.iso() });
    expect(await stored(w, 'va-1')).toMatchObject({ status: 'CANCELLED', cancelledAt: w.clock.iso() });
    expect(await rejection(closeVirtualAccount(w.services, w.storeId, 'va-1'))).toMatchObject({ type: 'PAYMENT_NOT_WAITING_FOR_DEPOSIT', status: 409 });
    expect(await rejection(notifyTestDeposit(w.services, w.storeId, 'va-1'))).toMatchObject({ type: 'PAYMENT_NOT_WAITING_FOR_DEPOSIT' });
  });

  it('card payments are not virtual accounts; unknown payments are PAYMENT_NOT_FOUND', async () => {
    const w = await unitWorld();
    await payByCard(w, 'card');
    for (const op of [closeVirtualAccount, notifyTestDeposit]) {
      expect(await rejection(op(w.services, w.storeId, 'card'))).toMatchObject({ type: 'PAYMENT_NOT_WAITING_FOR_DEPOSIT' });
    }
    expect(await rejection(simulateRealDeposit(w.services, w.storeId, 'card', {}))).toMatchObject({ type: 'PAYMENT_NOT_WAITING_FOR_DEPOSIT' });
    expect(await rejection(closeVirtualAccount(w.services, w.storeId, 'nope'))).toMatchObject({ type: 'PAYMENT_NOT_FOUND' });
  });

  it('a deposit notice racing a close: exactly one wins', async () => {
    const w = await unitWorld();
    await issueVirtualAccount(w, 'va-1');
    const results = await Promise.allSettled([notifyTestDeposit(w.services, w.storeId, 'va-1'), closeVirtualAccount(w.services, w.storeId, 'va-1')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(['PAID', 'CANCELLED']).toContain((await stored(w, 'va-1')).status);
  });

  it('Smartro cannot issue a test account at K뱅크: FAILED with the PG message', async () => {
    const w = await unitWorld();
    expect(await rejection(issueVirtualAccount(w, 'va-1', { pg: 'SMARTRO_V2', bank: 'K_BANK' }))).toMatchObject({ type: 'PG_PROVIDER' });
    expect((await stored(w, 'va-1')).status).toBe('FAILED');
  });
});
