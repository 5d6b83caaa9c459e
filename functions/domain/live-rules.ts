/**
 * The PG rules of a live-like channel (`mode: 'LIVE_LIKE'`): what the PG's live channel would answer
 * where pg-rules.ts answers as its test channel. Pure, like pg-rules.ts, and the one place the use
 * cases ask: `decideApprovalIn` / `decideCancelIn` pick the test or the live rules by the mode.
 *
 * What changes on a live-like channel (the data is domain/profiles/live.ts):
 * - the money is real and stays: no batch void, no "easy pay never refunded" (only a cancel gives it back);
 * - no test-only refusal: every card company, bank and amount is accepted, billing keys pay;
 * - decline test cards fail on every PG, with that PG's code and message;
 * - a virtual account is paid by a deposit and refunded to the cancel's `refundAccount`.
 *
 * `channel.type` in PortOne's answers stays `TEST`: it tells a merchant whether PortOne took real
 * money under a PG contract, and a sandbox never does. A merchant that branches on `LIVE` (ship the
 * goods, book revenue) must not be fooled by a simulation.
 */
import { DECLINES, issuerName, type DeclineReason } from './cards.ts';
import { kstMinuteOfDay, parseHhmm } from './kst.ts';
import {
  decideApproval,
  decideCancel,
  fillTemplate,
  type ApprovalDecision,
  type ApprovalInput,
  type CancelDecision,
  type CancelPaymentView,
  type CancelRequest,
} from './pg-rules.ts';
import { METHOD_NAMES_KO } from './profiles/common.ts';
import { liveFactsOf } from './profiles/live.ts';
import type { AutoRefundRule, PgCodeMessage, PgProfile } from './profiles/types.ts';
import type { ChannelMode } from './store.ts';

/** Live payments are never voided by the PG: only a cancel gives the money back. */
const LIVE_RULE: AutoRefundRule = { kind: 'never' };
const NONE: AutoRefundRule = { kind: 'none' };

export const LIVE_RULE_DESCRIPTION = 'live-like channel: a real sale, never voided by the PG; only a cancel gives the money back';

/** Does the PG approve this payment, by the channel's mode. */
export function decideApprovalIn(mode: ChannelMode, profile: PgProfile, input: ApprovalInput): ApprovalDecision {
  return mode === 'LIVE_LIKE' ? decideLiveApproval(profile, input) : decideApproval(profile, input);
}

/** Does the PG accept this cancel, by the mode the payment was made in. */
export function decideCancelIn(mode: ChannelMode, profile: PgProfile, payment: CancelPaymentView, request: CancelRequest): CancelDecision {
  return mode === 'LIVE_LIKE' ? decideLiveCancel(profile, payment, request) : decideCancel(profile, payment, request);
}

const failed = (code: PgCodeMessage, reason: string): ApprovalDecision => ({ outcome: 'FAILED', ...code, reason });

function declineOf(profile: PgProfile, reason: DeclineReason, issuer: string): ApprovalDecision {
  const code = liveFactsOf(profile).declines[reason].value;
  return failed(code, `card declined by ${issuerName(issuer)}: ${reason} (${code.pgMessage}), as ${profile.consoleName}'s live channel answers`);
}

/**
 * The live channel's approval. Order: method offered → easy-pay provider → the card's decline (every
 * PG, every card payment, wallet cards when known) → approved, withdrawn, never voided.
 */
export function decideLiveApproval(profile: PgProfile, input: ApprovalInput): ApprovalDecision {
  const live = liveFactsOf(profile);
  const { method, card } = input;
  const unsupported = (methodName: string, reason: string) =>
    failed({ pgCode: live.unsupportedMethod.value.pgCode, pgMessage: fillTemplate(live.unsupportedMethod.value.pgMessage, { methodName }) }, reason);
  if (!live.methods.value.includes(method)) {
    return unsupported(METHOD_NAMES_KO[method], `${profile.consoleName}'s live channel does not offer ${method}`);
  }
  const direct = profile.directEasyPayProvider;
  if (method === 'EASY_PAY' && direct !== undefined && input.easyPayProvider !== undefined && input.easyPayProvider !== direct) {
    return unsupported(`${METHOD_NAMES_KO.EASY_PAY}(${input.easyPayProvider})`, `${profile.consoleName} is the easy-pay provider ${direct}, not ${input.easyPayProvider}`);
  }
  if (method === 'VIRTUAL_ACCOUNT') {
    return {
      outcome: 'APPROVED',
      withdrawn: false,
      autoRefund: NONE,
      easyPayViaGeneralPg: false,
      ruleDescription: "live-like virtual account: a deposit of the amount makes it PAID (Transaction.Paid); a refund goes to the cancel's refundAccount",
    };
  }
  if (card?.decline) return declineOf(profile, card.decline.reason, card.issuer);
  if (input.cardExpired && card) return declineOf(profile, DECLINES.EXPIRED_CARD.reason, card.issuer);
  const easyPayViaGeneralPg = method === 'EASY_PAY' && direct === undefined && profile.hubEasyPay.value;
  return { outcome: 'APPROVED', withdrawn: true, autoRefund: LIVE_RULE, easyPayViaGeneralPg, ruleDescription: LIVE_RULE_DESCRIPTION };
}

/**
 * The live channel's cancel: nothing was voided behind PortOne's back, so the only refusals left are
 * the PG's own rules (virtual-account refund hours, partial-cancel restrictions: domain/profiles/live.ts).
 * PortOne's checks (refundAccount present, amounts) are the use case's.
 */
export function decideLiveCancel(profile: PgProfile, payment: CancelPaymentView, request: CancelRequest): CancelDecision {
  const live = liveFactsOf(profile);
  const refuse = (code: PgCodeMessage | undefined, fallback: PgCodeMessage, vars: Record<string, string> = {}): CancelDecision => {
    const c = code ?? fallback;
    return { allowed: false, pgCode: c.pgCode, pgMessage: fillTemplate(c.pgMessage, vars) };
  };
  const { codes } = profile;
  if (payment.isVirtualAccount ?? payment.method === 'VIRTUAL_ACCOUNT') {
    const hours = live.virtualAccountRefundHoursKst.value;
    if (hours) {
      const minute = kstMinuteOfDay(request.at);
      if (minute < parseHhmm(hours.from) || minute >= parseHhmm(hours.to)) {
        return refuse(codes.vaRefundOutsideHours?.value, { pgCode: 'VA_REFUND_HOURS', pgMessage: '{from}~{to}' }, { ...hours });
      }
    }
    if (!payment.virtualAccountDeposited) return refuse(codes.vaNoDeposit.value, { pgCode: 'VA_NO_DEPOSIT', pgMessage: '입금된 내역이 없습니다' });
  }
  const remaining = payment.paidAmount - payment.cancelledAmount;
  const partial = request.partial || request.amount < remaining;
  if (partial) {
    const partialRefused = { pgCode: codes.partialCancelRefused?.value.pgCode ?? 'PARTIAL_CANCEL', pgMessage: '부분취소 불가능 거래' };
    if (live.partialCancel.value === 'REFUSED') return refuse(codes.partialCancelRefused?.value, partialRefused);
    if (payment.easyPayViaGeneralPg && live.hubEasyPayPartialCancel.value === 'REFUSED') {
      return refuse(codes.hubEasyPayPartialCancelRefused?.value, { ...partialRefused, pgMessage: '간편결제 부분취소 제한 가맹점' });
    }
    if (payment.cardType === 'DEBIT' && live.checkCardPartialCancel.value === 'REFUSED') {
      return refuse(codes.checkCardPartialCancelRefused?.value, { ...partialRefused, pgMessage: '체크카드 거래는 부분취소 불가능 거래(전체취소 요망)' });
    }
  }
  // No PG void is ever pending on a live-like payment; nothing to remove.
  return { allowed: true, removesPendingAutoRefund: true };
}
