import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { ownStoreId } from '../auth.ts';
import { readBody, readQueryOrBody } from '../body.ts';
import { idParam } from '../fields.ts';
import { cancelCashReceipt, loadCashReceipt } from '../../cash-receipts/cancel-cash-receipt.ts';
import { issueCashReceipt } from '../../cash-receipts/issue-cash-receipt.ts';
import { listCashReceipts } from '../../cash-receipts/list-cash-receipts.ts';
import { presentCashReceipt } from '../../cash-receipts/present.ts';
import { storeNow } from '../../stores/clock.ts';
import { loadStore } from '../../stores/load-store.ts';
import { GetCashReceiptsBody, IssueCashReceiptBody } from './cash-receipt-schemas.ts';

/** PortOne V2 cash receipt (현금영수증) operations (SDK `cashReceipt` client names in comments). */
export function cashReceiptRoutes() {
  const app = new Hono<AppEnv>();

  // issueCashReceipt
  app.post('/cash-receipts', async (c) => {
    const body = await readBody(c, IssueCashReceiptBody);
    const storeId = ownStoreId(c.var.storeId, body.storeId);
    const receipt = await issueCashReceipt(c.var.services, { ...body, storeId });
    return c.json({ cashReceipt: { issueNumber: receipt.issueNumber, url: receipt.url, pgReceiptId: receipt.pgReceiptId } });
  });

  // getCashReceipts
  app.get('/cash-receipts', async (c) => {
    const body = await readQueryOrBody(c, GetCashReceiptsBody);
    const storeId = ownStoreId(c.var.storeId, body.filter?.storeId);
    const store = await loadStore(c.var.services, storeId);
    const result = await listCashReceipts(c.var.services, storeId, storeNow(c.var.services, store), body);
    return c.json({ items: result.items.map(presentCashReceipt), page: result.page });
  });

  // getCashReceiptByPaymentId
  app.get('/payments/:paymentId/cash-receipt', async (c) => {
    const storeId = ownStoreId(c.var.storeId, c.req.query('storeId'));
    return c.json(presentCashReceipt(await loadCashReceipt(c.var.services, storeId, idParam(c, 'paymentId'))));
  });

  // cancelCashReceiptByPaymentId
  app.post('/payments/:paymentId/cash-receipt/cancel', async (c) => {
    const storeId = ownStoreId(c.var.storeId, c.req.query('storeId'));
    const cancelled = await cancelCashReceipt(c.var.services, storeId, idParam(c, 'paymentId'));
    return c.json({ cancelledAmount: cancelled.amount, cancelledAt: cancelled.cancelledAt });
  });

  return app;
}
