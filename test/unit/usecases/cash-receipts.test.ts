import { describe, expect, it } from 'vitest';
import { cancelCashReceipt } from '../../../functions/cash-receipts/cancel-cash-receipt.ts';
import { issueCashReceipt, type IssueCashReceiptInput } from '../../../functions/cash-receipts/issue-cash-receipt.ts';
import { listCashReceipts } from '../../../functions/cash-receipts/list-cash-receipts.ts';
import { cancelPayment } from '../../../functions/payments/cancel-payment.ts';
import { payByCard } from '../../support/unit-requests.ts';
import { rejection, unitWorld, type UnitWorld } from '../../support/unit-services.ts';

const issue = (w: UnitWorld, paymentId: string, o: Partial<IssueCashReceiptInput> = {}) =>
  issueCashReceipt(w.services, {
    storeId: w.storeId,
    paymentId,
    channelKey: w.channelKey('KCP_V2'),
    type: 'PERSONAL',
    orderName: '현금 주문',
    currency: 'KRW',
    amount: { total: 11_000 },
    customer: { identityNumber: '01012345678' },
    ...o,
  });
const list = (w: UnitWorld, input: Parameters<typeof listCashReceipts>[3] = {}) => listCashReceipts(w.services, w.storeId, new Date(w.clock.now() + 1), input);

describe('cash receipts (현금영수증)', () => {
  it('issues one receipt per paymentId, refuses a second while it is issued, and issues again after a cancellation', async () => {
    const w = await unitWorld();
    const first = await issue(w, 'order-1');
    expect(first).toMatchObject({ status: 'ISSUED', isManual: true, amount: 11_000, vatAmount: 1_000, taxFreeAmount: 0, issuedAt: w.clock.iso() });
    expect(await rejection(issue(w, 'order-1'))).toMatchObject({ type: 'CASH_RECEIPT_ALREADY_ISSUED', status: 409 });
    w.clock.advance(1_000);
    expect(await cancelCashReceipt(w.services, w.storeId, 'order-1')).toMatchObject({ status: 'CANCELLED', cancelledAt: w.clock.iso() });
    expect(await rejection(cancelCashReceipt(w.services, w.storeId, 'order-1'))).toMatchObject({ type: 'CASH_RECEIPT_NOT_ISSUED', status: 404 });
    const again = await issue(w, 'order-1');
    expect(again.issueNumber).not.toBe(first.issueNumber);
    expect(await rejection(cancelCashReceipt(w.services, w.storeId, 'none'))).toMatchObject({ type: 'CASH_RECEIPT_NOT_FOUND' });
    expect(await rejection(issue(w, 'usd', { currency: 'USD' }))).toMatchObject({ type: 'INVALID_REQUEST' });
    expect(await rejection(issue(w, 'nochan', { channelKey: 'missing' }))).toMatchObject({ type: 'CHANNEL_NOT_FOUND' });
  });

  it('a full payment cancel cancels the receipt in the same change; a partial one leaves it issued', async () => {
    const w = await unitWorld();
    await payByCard(w, 'pay-1', { pg: 'KCP_V2', total: 11_000 });
    await issue(w, 'pay-1');
    await cancelPayment(w.services, w.storeId, 'pay-1', { amount: 1_000, reason: '부분' });
    expect(await w.repo.getCashReceipt(w.storeId, 'pay-1')).toMatchObject({ status: 'ISSUED' });
    w.clock.advance(1_000);
    await cancelPayment(w.services, w.storeId, 'pay-1', { reason: '전체' });
    expect(await w.repo.getCashReceipt(w.storeId, 'pay-1')).toMatchObject({ status: 'CANCELLED', cancelledAt: w.clock.iso() });
  });

  it('lists a page of matching receipts in the asked order, counting every match in the time range', async () => {
    const w = await unitWorld();
    for (const id of ['a', 'b', 'c']) {
      await issue(w, id, { type: id === 'b' ? 'CORPORATE' : 'PERSONAL' });
      w.clock.advance(1_000);
    }
    await cancelCashReceipt(w.services, w.storeId, 'a');
    const newest = await list(w, { page: { size: 2 } });
    expect(newest.items.map((r) => r.paymentId)).toEqual(['c', 'b']);
    expect(newest.page).toEqual({ number: 0, size: 2, totalCount: 3 });
    expect((await list(w, { filter: { types: ['PERSONAL'] }, sort: { order: 'ASC' } })).items.map((r) => r.paymentId)).toEqual(['a', 'c']);
    expect((await list(w, { filter: { timeRangeField: 'CANCELLED_AT' } })).items.map((r) => r.paymentId)).toEqual(['a']);
    expect((await list(w, { filter: { statuses: ['ISSUED'] }, sort: { by: 'STATUS_UPDATED_AT' } })).items.map((r) => r.paymentId)).toEqual(['c', 'b']);
    expect((await list(w, { filter: { isTest: false } })).page.totalCount).toBe(0);
    // PG company and API generation: the KCP_V2 channel's receipts are KCP's, and all are V2.
    expect((await list(w, { filter: { pgCompanies: ['KCP'] } })).page.totalCount).toBe(3);
    expect((await list(w, { filter: { pgCompanies: ['INICIS'] } })).page.totalCount).toBe(0);
    expect((await list(w, { filter: { version: 'V1' } })).page.totalCount).toBe(0);
    expect((await list(w, { filter: { version: 'V2' } })).page.totalCount).toBe(3);
  });
});
