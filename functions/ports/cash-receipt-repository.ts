import type { CashReceiptRecord } from '../domain/cash-receipt.ts';
import type { Page } from './repository.ts';

/** Which time cash receipts are listed by (PortOne's `CashReceiptTimeRangeField`, less one: see cash-receipts/list-cash-receipts.ts). */
export type CashReceiptOrder = 'ISSUED_AT' | 'STATUS_UPDATED_AT';

export interface CashReceiptQuery {
  order: CashReceiptOrder;
  descending: boolean;
  /** Inclusive lower and exclusive upper bound of the ordering time (RFC 3339 UTC). */
  from: string;
  until: string;
  limit: number;
  after?: string;
}

/** Cash receipts (현금영수증) as the use cases see them (part of the Repository port): one per paymentId. */
export interface CashReceiptRepository {
  getCashReceipt(storeId: string, paymentId: string): Promise<CashReceiptRecord | undefined>;
  /**
   * Writes a receipt if the stored one is still at `expectedVersion` (null: none stored for the
   * paymentId); false when someone else changed it first. On success `receipt.version` is the new one.
   */
  saveCashReceipt(receipt: CashReceiptRecord, expectedVersion: number | null): Promise<boolean>;
  /** A page of the store's receipts in time order; reads about one page, whatever the store holds. */
  queryCashReceipts(storeId: string, query: CashReceiptQuery): Promise<Page<CashReceiptRecord>>;
}
