import { NO_RECEIPT_TYPES, cashReceiptTypeOf, type CashReceiptType } from '../domain/cash-receipt.ts';
import type { PgProfile } from '../domain/profiles/index.ts';
import type { CheckoutPayMethod } from './payment-request.ts';

/**
 * The 현금영수증 part of a transfer or virtual-account window: the choice it starts on
 * (소득공제 PERSONAL, 지출증빙 CORPORATE, 미발행 NONE) and the number the shop passed, if any.
 */
export interface CashReceiptWindow {
  preset: CashReceiptType | 'NONE';
  customerIdentifier?: string;
}

/**
 * What the PG's window does with the shop's browser SDK `cashReceiptType` / `customerIdentifier`
 * (profile `cashReceiptType`): undefined when the window shows no receipt choice, which is
 * `ANONYMOUS` where the PG reads the field, and every method but a transfer or virtual account.
 */
export function cashReceiptWindowOf(
  profile: PgProfile,
  payMethod: CheckoutPayMethod,
  sdk: { cashReceiptType?: string; customerIdentifier?: string } | undefined,
): CashReceiptWindow | undefined {
  if (payMethod !== 'TRANSFER' && payMethod !== 'VIRTUAL_ACCOUNT') return undefined;
  const use = profile.cashReceiptType.value[payMethod];
  const given = sdk?.cashReceiptType === undefined ? undefined : cashReceiptTypeOf(sdk.cashReceiptType);
  if (given !== undefined && NO_RECEIPT_TYPES.includes(given) && use !== 'IGNORED') return undefined;
  const preset = use === 'PRESET' && (given === 'PERSONAL' || given === 'CORPORATE') ? given : 'NONE';
  return { preset, ...(sdk?.customerIdentifier ? { customerIdentifier: sdk.customerIdentifier } : {}) };
}
