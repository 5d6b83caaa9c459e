import { createHash } from 'node:crypto';
import { invalidRequest } from '../domain/errors.ts';
import { pgStatus } from '../domain/divergence.ts';
import { toKst } from '../domain/kst.ts';
import type { PaymentRecord } from '../domain/payment.ts';
import type { ChannelRecord } from '../domain/store.ts';
import type { Services } from '../services.ts';
import { findByReference } from './references.ts';

/** OAS `GetKakaopayPaymentOrderResponse`: KakaoPay's own HTTP answer, relayed as PortOne got it. */
export interface KakaopayOrderAnswer {
  statusCode: number;
  /** KakaoPay's response body, JSON text. */
  body: string;
}

/**
 * KakaoPay's answer for a tid it does not know under the channel's CID. **Assumed:** KakaoPay's
 * error body is `{ error_code, error_message }`; the code and message here are the sandbox's.
 */
const UNKNOWN_TID = { error_code: -721, error_message: 'TID does not exist or does not belong to this CID.' };

/** KakaoPay times: Korean local time without an offset (`2024-05-01T14:03:12`). */
const kakaoTime = (at: string | undefined) => (at === undefined ? undefined : toKst(at).slice(0, 19));

/** KakaoPay's 20-character ids (aid): derived, so the same payment always shows the same ones. */
const aidOf = (pgTxId: string, action: number) => `A${createHash('sha256').update(`${pgTxId}#${action}`).digest('hex').slice(0, 19)}`;

/**
 * KakaoPay's payment status (its `status`) of what the PG holds, which is what its order inquiry
 * shows (a batch void, were KakaoPay to have one, would show as cancelled there). Only approved
 * payments have a tid, so the inquiry never meets a declined one.
 */
function kakaoStatus(p: PaymentRecord): string {
  switch (pgStatus(p)) {
    case 'CANCELLED':
    case 'VOIDED_BY_BATCH':
      return 'CANCEL_PAYMENT';
    case 'PARTIALLY_CANCELLED':
      return 'PART_CANCEL_PAYMENT';
    default:
      return 'SUCCESS_PAYMENT';
  }
}

const amountBlock = (total: number, taxFree: number, vat: number, discount = 0) => ({ total, tax_free: taxFree, vat, point: 0, discount, green_deposit: 0 });

/**
 * KakaoPay's order (주문 조회 response) of a payment, in KakaoPay's field names. **Assumed:** PortOne
 * sends its paymentId as `partner_order_id` and the customer's id (else the paymentId) as
 * `partner_user_id`; KakaoPay money (CHARGE) shows as `MONEY`, everything else as `CARD`.
 */
function kakaopayOrderOf(p: PaymentRecord, channel: ChannelRecord): Record<string, unknown> {
  const pgTxId = p.pgTxId ?? '';
  const easyPayMethod = (p.method?.easyPayMethod ?? {}) as { type?: string; card?: { bin?: string; name?: string }; installment?: { month?: number; isInterestFree?: boolean } };
  const isMoney = easyPayMethod.type === 'PaymentMethodEasyPayMethodCharge';
  const cancelled = p.cancellations.filter((c) => c.status === 'SUCCEEDED');
  const actions = [
    { at: p.paidAt, amount: p.amount.paid, discount: p.amount.discount, type: 'PAYMENT' },
    ...cancelled.map((c) => ({ at: c.cancelledAt, amount: c.totalAmount, discount: 0, type: 'CANCEL' })),
  ];
  return {
    tid: pgTxId,
    cid: channel.pgMerchantId,
    status: kakaoStatus(p),
    partner_order_id: p.paymentId,
    partner_user_id: typeof p.customer?.id === 'string' ? p.customer.id : p.paymentId,
    payment_method_type: isMoney ? 'MONEY' : 'CARD',
    amount: amountBlock(p.amount.total, p.amount.taxFree, p.amount.vat, p.amount.discount),
    canceled_amount: amountBlock(p.amount.cancelled, p.amount.cancelledTaxFree, p.cancelledVat),
    cancel_available_amount: amountBlock(p.amount.paid - p.amount.cancelled, p.amount.taxFree - p.amount.cancelledTaxFree, p.amount.vat - p.cancelledVat),
    item_name: p.orderName,
    quantity: p.productCount ?? 1,
    created_at: kakaoTime(p.requestedAt),
    approved_at: kakaoTime(p.paidAt),
    canceled_at: kakaoTime(p.cancelledAt),
    selected_card_info: isMoney
      ? undefined
      : {
          card_bin: easyPayMethod.card?.bin ?? '',
          install_month: easyPayMethod.installment?.month ?? 0,
          installment_type: 'CARD_INSTALLMENT',
          card_corp_name: easyPayMethod.card?.name ?? '',
          interest_free_install: easyPayMethod.installment?.isInterestFree ? 'Y' : 'N',
        },
    payment_action_details: actions.map((a, i) => ({
      aid: aidOf(pgTxId, i),
      approved_at: kakaoTime(a.at),
      amount: a.amount,
      point_amount: 0,
      discount_amount: a.discount,
      green_deposit: 0,
      payment_action_type: a.type,
      payload: '',
    })),
  };
}

/**
 * getKakaopayPaymentOrder (카카오페이 주문 조회): PortOne asks KakaoPay for the order of a tid with the
 * channel's CID and relays KakaoPay's HTTP answer as it came: a tid KakaoPay does not know is a 200
 * from PortOne carrying KakaoPay's 400. A channel that is not a KakaoPay channel is PortOne's own
 * 400 INVALID_REQUEST (the OAS lists no other error for this operation).
 */
export async function kakaopayOrder(services: Services, storeId: string, query: { pgTxId: string; channelKey: string }): Promise<KakaopayOrderAnswer> {
  const channel = await services.repo.getChannel(storeId, query.channelKey);
  if (!channel) throw invalidRequest(`channelKey: 채널이 존재하지 않습니다. (channelKey: ${query.channelKey})`);
  if (channel.pgProvider !== 'KAKAOPAY') throw invalidRequest(`channelKey: 카카오페이 채널이 아닙니다. (${channel.pgProvider})`);
  const payment = await findByReference(services, storeId, { kind: 'PG_TX_ID', value: query.pgTxId });
  if (!payment || payment.channel?.key !== channel.channelKey) return { statusCode: 400, body: JSON.stringify(UNKNOWN_TID) };
  return { statusCode: 200, body: JSON.stringify(kakaopayOrderOf(payment, channel)) };
}
