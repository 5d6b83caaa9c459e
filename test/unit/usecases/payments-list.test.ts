import { describe, expect, it } from 'vitest';
import { cancelPayment } from '../../../functions/payments/cancel-payment.ts';
import { listPayments, listPaymentsByCursor } from '../../../functions/payments/list-payments.ts';
import { card } from '../../support/cards.ts';
import { approvePayment } from '../../../functions/payments/approve.ts';
import { applyEscrowLogistics } from '../../../functions/payments/escrow.ts';
import { dispatchEvent } from '../../../functions/webhooks/dispatch.ts';
import { setWebhookUrl } from '../../../functions/webhooks/settings.ts';
import { cardMethod, issueVirtualAccount, payByCard, payRequest } from '../../support/unit-requests.ts';
import { RECEIVER_URL, rejection, unitWorld, type UnitWorld } from '../../support/unit-services.ts';

/** `n` card payments `pay-00`, `pay-01` … one second apart on the store clock; returns their ids oldest first. */
async function payments(w: UnitWorld, n: number, prefix = 'pay'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `${prefix}-${String(i).padStart(2, '0')}`;
    await payByCard(w, id);
    ids.push(id);
    w.clock.advance(1_000);
  }
  return ids;
}
const ids = (items: { paymentId: string }[]) => items.map((p) => p.paymentId);

describe('listPayments (getPayments): paging', () => {
  it('newest first by request time, PortOne page numbers from 0, totalCount of the whole store', async () => {
    const w = await unitWorld();
    const all = await payments(w, 25);
    const newest = [...all].reverse();
    const first = await listPayments(w.services, w.storeId);
    expect(ids(first.items)).toEqual(newest.slice(0, 10));
    expect(first.page).toEqual({ number: 0, size: 10, totalCount: 25 });
    const last = await listPayments(w.services, w.storeId, { number: 2, size: 10 });
    expect(ids(last.items)).toEqual(newest.slice(20));
    expect((await listPayments(w.services, w.storeId, { number: 3, size: 10 })).items).toEqual([]);
  });

  it('reads about one page whatever the store holds, and takes the total from the counter', async () => {
    const w = await unitWorld();
    await payments(w, 60);
    w.repo.calls.clear();
    const page = await listPayments(w.services, w.storeId, { number: 0, size: 5 });
    expect(page.items).toHaveLength(5);
    expect(page.page.totalCount).toBe(60);
    expect(w.repo.calls.get('queryPayments')).toBe(1);
    expect(w.repo.calls.get('countPayments')).toBe(1);
    expect(w.repo.calls.get('getPayment')).toBeUndefined();
  });

  it('oldest first with sortOrder ASC; by status change with sortBy STATUS_CHANGED_AT', async () => {
    const w = await unitWorld();
    const all = await payments(w, 4);
    expect(ids((await listPayments(w.services, w.storeId, {}, { sortOrder: 'ASC' })).items)).toEqual(all);
    await cancelPayment(w.services, w.storeId, all[0]!, { reason: 'x' });
    const byChange = await listPayments(w.services, w.storeId, {}, { sortBy: 'STATUS_CHANGED_AT' });
    expect(ids(byChange.items)).toEqual([all[0], all[3], all[2], all[1]]);
  });

  it("never lists another store's payments", async () => {
    const w = await unitWorld();
    await payments(w, 3);
    const other = await w.newStore();
    const page = await listPayments(w.services, other.storeId);
    expect(page).toEqual({ items: [], page: { number: 0, size: 10, totalCount: 0 } });
  });
});

describe('listPayments: filters', () => {
  it('by status, counting only the matches', async () => {
    const w = await unitWorld();
    const all = await payments(w, 6);
    await cancelPayment(w.services, w.storeId, all[1]!, { reason: 'x' });
    await cancelPayment(w.services, w.storeId, all[4]!, { amount: 100, reason: 'x' });
    const cancelled = await listPayments(w.services, w.storeId, { size: 1 }, { status: ['CANCELLED', 'PARTIAL_CANCELLED'] });
    expect(ids(cancelled.items)).toEqual([all[4]]);
    expect(cancelled.page.totalCount).toBe(2);
    expect((await listPayments(w.services, w.storeId, {}, { status: ['PAID'] })).page.totalCount).toBe(4);
  });

  it('by time range [from, until) of the request time', async () => {
    const w = await unitWorld();
    const start = w.clock.iso();
    const all = await payments(w, 5);
    const from = new Date(Date.parse(start) + 1_000).toISOString();
    const until = new Date(Date.parse(start) + 3_000).toISOString();
    const page = await listPayments(w.services, w.storeId, {}, { from, until });
    expect(ids(page.items)).toEqual([all[2], all[1]]);
    expect(page.page.totalCount).toBe(2);
  });

  it('by request time while sorted by status change', async () => {
    const w = await unitWorld();
    const start = w.clock.iso();
    const all = await payments(w, 3);
    await cancelPayment(w.services, w.storeId, all[0]!, { reason: 'x' });
    const until = new Date(Date.parse(start) + 2_000).toISOString();
    const page = await listPayments(w.services, w.storeId, {}, { sortBy: 'STATUS_CHANGED_AT', timestampType: 'CREATED_AT', from: start, until });
    expect(ids(page.items)).toEqual([all[0], all[1]]);
    expect(page.page.totalCount).toBe(2);
  });

  it('by PG, method, currency and text; isTest false matches nothing (every sandbox payment is a test)', async () => {
    const w = await unitWorld();
    await payByCard(w, 'kcp-order', { pg: 'KCP_V2' });
    await payByCard(w, 'inicis-order', { pg: 'INICIS_V2', card: card('SAMSUNG_CARD') });
    await issueVirtualAccount(w, 'va-order');
    const list = (filter: Parameters<typeof listPayments>[3]) => listPayments(w.services, w.storeId, {}, filter).then((r) => ids(r.items).sort());
    expect(await list({ pgProvider: ['INICIS_V2'] })).toEqual(['inicis-order', 'va-order']);
    expect(await list({ methods: ['VIRTUAL_ACCOUNT'] })).toEqual(['va-order']);
    expect(await list({ methods: ['CARD'] })).toEqual(['inicis-order', 'kcp-order']);
    expect(await list({ currency: 'USD' })).toEqual([]);
    expect(await list({ textSearch: [{ field: 'PAYMENT_ID', value: 'kcp' }] })).toEqual(['kcp-order']);
    expect(await list({ textSearch: [{ field: 'ORDER_NAME', value: '테스트' }] })).toHaveLength(3);
    expect(await list({ isTest: false })).toEqual([]);
    expect(await list({ isTest: true })).toHaveLength(3);
  });
});

describe('listPayments (getPayments): the rest of PortOne\'s PaymentFilterInput', () => {
  it('by escrow, card, gift certificate, platform, version and cash receipt; the total counts the matches', async () => {
    const w = await unitWorld();
    await approvePayment(w.services, { ...payRequest(w, 'escrow', cardMethod(), { pg: 'KCP_V2' }), isEscrow: true });
    await applyEscrowLogistics(w.services, w.storeId, 'escrow', { company: 'CJ', invoiceNumber: '123', sentAt: '2026-03-01T00:00:00.000Z' });
    await approvePayment(w.services, { ...payRequest(w, 'escrow-unsent', cardMethod(), { pg: 'KCP_V2' }), isEscrow: true });
    await payByCard(w, 'debit', { card: card('SHINHAN_CARD', 'DEBIT') });
    await approvePayment(w.services, payRequest(w, 'gift', { kind: 'GIFT_CERTIFICATE', giftCertificateType: 'CULTURELAND' }, { pg: 'KCP_V2' }));
    w.clock.advance(1_000);
    const receiptFrom = w.clock.iso();
    await approvePayment(w.services, payRequest(w, 'transfer', { kind: 'TRANSFER', bank: 'SHINHAN', cashReceipt: { type: 'PERSONAL', customerIdentityNumber: '01012345678' } }, { pg: 'INICIS_V2', total: 11_000 }));
    const list = (filter: Parameters<typeof listPayments>[3]) => listPayments(w.services, w.storeId, {}, filter).then((r) => ({ ids: ids(r.items).sort(), total: r.page.totalCount }));
    expect(await list({ isEscrow: true })).toEqual({ ids: ['escrow', 'escrow-unsent'], total: 2 });
    expect((await list({ isEscrow: false })).ids).toEqual(['debit', 'gift', 'transfer']);
    expect((await list({ escrowStatus: 'REGISTERED' })).ids).toEqual(['escrow']);
    expect((await list({ escrowStatus: 'CONFIRMED' })).ids).toEqual([]);
    expect((await list({ cardType: 'DEBIT' })).ids).toEqual(['debit']);
    expect((await list({ cardType: 'CREDIT' })).ids).toEqual(['escrow', 'escrow-unsent']);
    expect((await list({ cardOwnerType: 'CORPORATE' })).ids).toEqual([]);
    const brand = ((await w.repo.getPayment(w.storeId, 'debit'))!.method!.card as { brand: string }).brand;
    expect((await list({ cardBrand: brand as 'VISA', cardType: 'DEBIT' })).ids).toEqual(['debit']);
    expect((await list({ cardBrand: brand === 'AMEX' ? 'DINERS' : 'AMEX' })).ids).toEqual([]);
    expect((await list({ giftCertificateType: 'CULTURELAND' })).ids).toEqual(['gift']);
    expect((await list({ platformType: 'API' })).total).toBe(5);
    expect((await list({ platformType: 'SDK_PC' })).ids).toEqual([]);
    expect((await list({ version: 'V1' })).ids).toEqual([]);
    expect((await list({ version: 'V2' })).total).toBe(5);
    expect((await list({ cashReceiptType: 'PERSONAL' })).ids).toEqual(['transfer']);
    expect((await list({ cashReceiptType: 'NO_RECEIPT' })).ids).toEqual(['debit', 'escrow', 'escrow-unsent', 'gift']);
    expect((await list({ cashReceiptStatus: 'ISSUED' })).ids).toEqual(['transfer']);
    expect((await list({ cashReceiptIssuedAtRange: { from: receiptFrom, until: new Date(w.clock.now() + 1).toISOString() } })).ids).toEqual(['transfer']);
    expect((await list({ cashReceiptIssuedAtRange: { from: '2020-01-01T00:00:00Z', until: receiptFrom } })).ids).toEqual([]);
    await cancelPayment(w.services, w.storeId, 'transfer', { reason: '전체' });
    expect((await list({ cashReceiptStatus: 'CANCELLED' })).ids).toEqual(['transfer']);
    expect((await list({ cashReceiptCancelledAtRange: { from: receiptFrom, until: new Date(w.clock.now() + 1).toISOString() } })).ids).toEqual(['transfer']);
  });

  it('by the status of the payment\'s latest webhook, which only payments with webhooks have', async () => {
    const w = await unitWorld();
    await payByCard(w, 'no-webhook');
    await setWebhookUrl(w.services, w.storeId, RECEIVER_URL);
    await payByCard(w, 'delivered');
    await dispatchEvent(w.services, w.committed.at(-1)!);
    w.receiver.status = 500;
    await payByCard(w, 'refused');
    await dispatchEvent(w.services, w.committed.at(-1)!);
    w.receiver.status = 'network';
    await payByCard(w, 'unreachable');
    await dispatchEvent(w.services, w.committed.at(-1)!);
    await payByCard(w, 'queued');
    const list = (webhookStatus: 'SUCCEEDED' | 'FAILED_NOT_OK_RESPONSE' | 'FAILED_UNEXPECTED_ERROR') =>
      listPayments(w.services, w.storeId, {}, { webhookStatus }).then((r) => ({ ids: ids(r.items), total: r.page.totalCount }));
    expect(await list('SUCCEEDED')).toEqual({ ids: ['delivered'], total: 1 });
    expect(await list('FAILED_NOT_OK_RESPONSE')).toEqual({ ids: ['refused'], total: 1 });
    expect(await list('FAILED_UNEXPECTED_ERROR')).toEqual({ ids: ['unreachable'], total: 1 });
  });
});

describe('listPaymentsByCursor (getAllPaymentsByCursor)', () => {
  it('walks every payment created in [from, until) oldest first, each with a cursor that resumes after it', async () => {
    const w = await unitWorld();
    const start = w.clock.iso();
    const all = await payments(w, 7);
    const until = w.clock.iso();
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await listPaymentsByCursor(w.services, w.storeId, new Date(until), { from: start, cursor, size: 3 });
      if (page.length === 0) break;
      seen.push(...page.map((e) => e.payment.paymentId));
      cursor = page.at(-1)!.cursor;
    }
    expect(seen).toEqual(all);
    // Any item's cursor resumes right after that item.
    const page = await listPaymentsByCursor(w.services, w.storeId, new Date(until), { from: start, size: 10 });
    const resumed = await listPaymentsByCursor(w.services, w.storeId, new Date(until), { from: start, cursor: page[2]!.cursor, size: 2 });
    expect(resumed.map((e) => e.payment.paymentId)).toEqual(all.slice(3, 5));
  });

  it('defaults to the 90 days before now, which excludes payments requested later', async () => {
    const w = await unitWorld();
    const all = await payments(w, 2);
    const beforeSecond = new Date(w.clock.now() - 1_500);
    const page = await listPaymentsByCursor(w.services, w.storeId, beforeSecond, {});
    expect(page.map((e) => e.payment.paymentId)).toEqual([all[0]]);
  });

  it('refuses a cursor it did not issue with INVALID_REQUEST', async () => {
    const w = await unitWorld();
    await payments(w, 1);
    const now = new Date(w.clock.now());
    expect(await rejection(listPaymentsByCursor(w.services, w.storeId, now, { cursor: '' }))).toMatchObject({ type: 'INVALID_REQUEST', message: expect.stringContaining('cursor') });
    expect(await rejection(listPaymentsByCursor(w.services, w.storeId, now, { cursor: 'not-a-cursor' }))).toMatchObject({ type: 'INVALID_REQUEST' });
  });
});
