/**
 * Pure decisions the payment use cases ask a PG profile: does the PG approve this payment, what happens
 * to the money afterwards, and does it accept this cancel. No I/O, no clock: time comes in as arguments.
 *
 * The PG's refusals come back as `{pgCode, pgMessage}`; the API turns a failed approval into a `FAILED`
 * payment (`failure.pgCode/pgMessage`) and a refused cancel into a 502 `PG_PROVIDER` error.
 */
import { kstMinuteOfDay, parseHhmm } from './kst.ts';
import { DECLINES, issuerName, type TestCard } from './cards.ts';
import { BANK_NAMES_KO, METHOD_NAMES_KO } from './profiles/common.ts';
import { carrierNameKo } from './pay-methods.ts';
import type {
  AutoRefundDelayOverride,
  AutoRefundRule,
  Fact,
  MethodKind,
  PgCodeMessage,
  PgProfile,
} from './profiles/types.ts';

export type { AutoRefundDelayOverride, AutoRefundRule, MethodKind } from './profiles/types.ts';

export interface ApprovalInput {
  method: MethodKind;
  /** The card paid with (CARD), or the card inside the easy-pay wallet when known (EASY_PAY). */
  card?: TestCard;
  /** OAS `EasyPayProvider` for EASY_PAY (KAKAOPAY, NAVERPAY, …). */
  easyPayProvider?: string;
  /** What the wallet paid with, when known (OAS `EasyPayMethodType`). */
  easyPayMethod?: 'CARD' | 'TRANSFER' | 'CHARGE';
  /** OAS `Bank` for VIRTUAL_ACCOUNT (and TRANSFER, informational). */
  bank?: string;
  /** Browser SDK `Carrier` for MOBILE. */
  carrier?: string;
  amount: number;
  /** The caller checked the typed expiry (cards.isExpired) and found it past. */
  cardExpired?: boolean;
}

export type ApprovalDecision =
  | {
      outcome: 'APPROVED';
      /** Real money left the tester's account at the PG. */
      withdrawn: boolean;
      /** The effective rule for THIS payment (e.g. easy pay through a general PG → never; no withdrawal → none). */
      autoRefund: AutoRefundRule;
      /** Easy pay under a general PG's contract (허브형): store it, the cancel rules need it. */
      easyPayViaGeneralPg: boolean;
      /** Human text, e.g. "real withdrawal, voided by the PG's daily batch 23:00–23:50 KST". */
      ruleDescription: string;
    }
  | { outcome: 'FAILED'; pgCode: string; pgMessage: string; reason: string };

const NONE: AutoRefundRule = { kind: 'none' };
const NEVER: AutoRefundRule = { kind: 'never' };

/** Fills `{name}` placeholders of a PG message template. */
export function fillTemplate(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);
}

function refusal(code: Fact<PgCodeMessage> | undefined, fallback: PgCodeMessage, vars: Record<string, string> = {}): PgCodeMessage {
  const c = code?.value ?? fallback;
  return { pgCode: c.pgCode, pgMessage: fillTemplate(c.pgMessage, vars) };
}

function failed(code: PgCodeMessage, reason: string): ApprovalDecision {
  return { outcome: 'FAILED', pgCode: code.pgCode, pgMessage: code.pgMessage, reason };
}

function unsupported(profile: PgProfile, methodName: string, reason: string): ApprovalDecision {
  return failed(
    refusal(profile.codes.unsupportedMethod, { pgCode: 'UNSUPPORTED', pgMessage: '{methodName}' }, { methodName }),
    reason,
  );
}

function withComma(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * Does the PG's test channel approve this payment, and what happens to the money?
 * Order of checks: method offered → card/provider restrictions → amount limit → the card's own decline.
 * A decline magic card fails only where money really moves (withdrawn): PGs that only answer success in
 * test approve it, exactly as PortOne's test mode does ("잔액부족 등 … 테스트가 불가").
 */
export function decideApproval(profile: PgProfile, input: ApprovalInput): ApprovalDecision {
  const { method, card } = input;
  const pg = profile.consoleName;
  if (!profile.methods.value.includes(method)) {
    return unsupported(profile, METHOD_NAMES_KO[method], `${pg} does not offer ${method} on a test channel`);
  }

  const declineIfWithdrawn = (withdrawn: boolean): ApprovalDecision | undefined => {
    if (!withdrawn) return undefined;
    if (card?.decline) {
      return failed(
        { pgCode: card.decline.pgCode, pgMessage: card.decline.pgMessage },
        `card declined by ${card.issuerName}: ${card.decline.reason} (${card.decline.pgMessage})`,
      );
    }
    if (input.cardExpired && card) {
      const d = DECLINES.EXPIRED_CARD;
      return failed({ pgCode: d.pgCode, pgMessage: d.pgMessage }, `card declined by ${card.issuerName}: expiry date has passed`);
    }
    return undefined;
  };

  switch (method) {
    case 'CARD': {
      if (card && profile.onlyPublishedTestCards.value && !card.published) {
        return failed(
          refusal(profile.codes.cardNotAccepted, { pgCode: 'CARD_NOT_ACCEPTED', pgMessage: '테스트 카드로만 결제 가능' }),
          `${pg} accepts only its own published test cards`,
        );
      }
      if (card && profile.refusedIssuers.value.includes(card.issuer)) {
        return failed(
          refusal(profile.codes.refusedIssuer, { pgCode: 'REFUSED_ISSUER', pgMessage: '{issuerName}' }, {
            issuerName: issuerName(card.issuer),
          }),
          `${pg}'s test channel refuses ${card.issuerName} (${card.issuer}) cards`,
        );
      }
      const limit = profile.amountLimit.value;
      if (limit && limit.appliesTo === 'CARD' && input.amount >= limit.maxExclusive) {
        return amountLimitFailure(profile, limit.maxExclusive);
      }
      const declined = declineIfWithdrawn(profile.withdraws.value);
      if (declined) return declined;
      return approved(profile.withdraws.value, profile.autoRefund.value, false);
    }

    case 'EASY_PAY': {
      const direct = profile.directEasyPayProvider;
      if (direct !== undefined && input.easyPayProvider !== undefined && input.easyPayProvider !== direct) {
        return unsupported(
          profile,
          `${METHOD_NAMES_KO.EASY_PAY}(${input.easyPayProvider})`,
          `${pg} is the easy-pay provider ${direct}, not ${input.easyPayProvider}`,
        );
      }
      const viaGeneralPg = direct === undefined && profile.hubEasyPay.value;
      const restriction = profile.hubEasyPayCardIssuers?.value;
      if (
        viaGeneralPg &&
        restriction &&
        card &&
        input.easyPayProvider !== undefined &&
        restriction.providers.includes(input.easyPayProvider) &&
        !restriction.issuers.includes(card.issuer)
      ) {
        return failed(
          refusal(profile.codes.hubEasyPayIssuerRefused, { pgCode: 'REFUSED_ISSUER', pgMessage: '{issuerName}' }, {
            issuerName: issuerName(card.issuer),
          }),
          `${input.easyPayProvider} through ${pg} accepts only ${restriction.issuers.join(', ')} cards in test`,
        );
      }
      const limit = profile.amountLimit.value;
      const paysByCard = input.easyPayMethod === undefined || input.easyPayMethod === 'CARD';
      if (limit && limit.appliesTo === 'EASY_PAY' && paysByCard && input.amount >= limit.maxExclusive) {
        return amountLimitFailure(profile, limit.maxExclusive);
      }
      // 허브형: the easy-pay company charges for real whatever the PG does for cards, and nobody refunds it.
      const withdrawn = viaGeneralPg ? true : profile.withdraws.value;
      const declined = declineIfWithdrawn(withdrawn);
      if (declined) return declined;
      return approved(withdrawn, viaGeneralPg ? NEVER : profile.autoRefund.value, viaGeneralPg);
    }

    case 'VIRTUAL_ACCOUNT': {
      if (input.bank !== undefined && profile.virtualAccountRefusedBanks.value.includes(input.bank)) {
        return failed(
          refusal(profile.codes.refusedBank, { pgCode: 'REFUSED_BANK', pgMessage: '{bankName}' }, {
            bankName: BANK_NAMES_KO[input.bank] ?? input.bank,
          }),
          `${pg} cannot issue a test virtual account at ${input.bank}`,
        );
      }
      return {
        outcome: 'APPROVED',
        withdrawn: false,
        autoRefund: NONE,
        easyPayViaGeneralPg: false,
        ruleDescription:
          'virtual account issued (채번 only): no money moves; a real deposit never makes it PAID and refunds are impossible in test',
      };
    }

    case 'TRANSFER':
      // Assumed: a transfer is withdrawn and voided like a card payment at the same PG (not documented).
      return approved(profile.withdraws.value, profile.autoRefund.value, false);

    case 'MOBILE':
      if (input.carrier !== undefined && profile.mobileRefusedCarriers.value.includes(input.carrier)) {
        return failed(
          refusal(profile.codes.refusedCarrier, { pgCode: 'REFUSED_CARRIER', pgMessage: '{carrierName}' }, { carrierName: carrierNameKo(input.carrier) }),
          `${pg}'s test channel has no 휴대폰결제 for ${input.carrier}`,
        );
      }
      // Assumed: charged to the phone bill and voided like a card payment at the same PG (not documented).
      return approved(profile.withdraws.value, profile.autoRefund.value, false);

    case 'GIFT_CERTIFICATE':
      // Assumed: the gift card's balance is used and voided like a card payment at the same PG (not documented).
      return approved(profile.withdraws.value, profile.autoRefund.value, false);

    case 'PAYPAL':
    case 'ALIPAY':
    case 'ALIPAY_PLUS':
      // Assumed: an overseas wallet paid through the PG follows the PG's own rule (PayPal: success answer only).
      return approved(profile.withdraws.value, profile.autoRefund.value, false);

    case 'CONVENIENCE_STORE':
      // Paid later at a Japanese store (a pending payment until then): no profile offers it, and a
      // profile that did would need that pending state, so it stays refused by name.
      return unsupported(profile, METHOD_NAMES_KO.CONVENIENCE_STORE, `${pg}: convenience-store payment is not simulated`);
  }
}

function amountLimitFailure(profile: PgProfile, maxExclusive: number): ApprovalDecision {
  return failed(
    refusal(profile.codes.amountLimitExceeded, { pgCode: 'AMOUNT_LIMIT', pgMessage: '{limit}' }, {
      limit: withComma(maxExclusive),
    }),
    `${profile.consoleName} test payments must be under ${withComma(maxExclusive)} KRW`,
  );
}

function approved(withdrawn: boolean, rule: AutoRefundRule, easyPayViaGeneralPg: boolean): ApprovalDecision {
  // No money taken ⇒ nothing to give back, whatever the profile's rule says.
  const autoRefund = withdrawn ? rule : NONE;
  const how = easyPayViaGeneralPg ? 'real withdrawal (easy pay through a general PG, 허브형)' : withdrawn ? 'real withdrawal' : 'no real withdrawal';
  return {
    outcome: 'APPROVED',
    withdrawn,
    autoRefund,
    easyPayViaGeneralPg,
    ruleDescription: `${how}, ${shortRule(autoRefund)}`,
  };
}

function shortRule(rule: AutoRefundRule | AutoRefundDelayOverride): string {
  switch (rule.kind) {
    case 'daily-batch':
      return `voided by the PG's daily batch ${rule.windowStart}–${rule.windowEnd} KST`;
    case 'interval':
      return rule.minutes === 30 ? 'voided by the PG at the next :00/:30 KST' : 'voided by the PG at the next full hour KST';
    case 'none':
      return 'nothing to refund (the PG only answers success)';
    case 'never':
      return 'never refunded automatically: cancel it by hand';
    case 'delay':
      return `voided ${rule.seconds} s after approval (channel override)`;
  }
}

/** English description of an auto-refund rule, for the checkout page and the console. */
export function describeRule(rule: AutoRefundRule | AutoRefundDelayOverride): string {
  const untold = 'PortOne is not told, so the payment stays PAID and a later cancel fails with 기 취소 거래.';
  switch (rule.kind) {
    case 'daily-batch':
      return `Real money is taken; the PG voids it in its daily batch between ${rule.windowStart} and ${rule.windowEnd} KST (${rule.timeZone}). ${untold}`;
    case 'interval':
      return rule.minutes === 30
        ? `Real money is taken; the PG voids it every 30 minutes, at the next :00 or :30 KST. ${untold}`
        : `Real money is taken; the PG voids it every hour, at the next full hour KST. ${untold}`;
    case 'none':
      return 'Nothing is withdrawn (the PG only answers success), so there is nothing to refund; failures such as insufficient balance cannot happen.';
    case 'never':
      return 'Real money is taken and never refunded automatically: cancel the payment yourself.';
    case 'delay':
      return `Voided ${rule.seconds} seconds after approval (a channel override for fast tests). ${untold}`;
  }
}

/** Korean description of an auto-refund rule (콘솔·결제창 표시용). */
export function describeRuleKo(rule: AutoRefundRule | AutoRefundDelayOverride): string {
  const untold = "포트원에는 반영되지 않아 결제완료 상태로 남으며, 이후 취소 시 '기 취소 거래' 오류가 발생합니다.";
  switch (rule.kind) {
    case 'daily-batch':
      return `실제 출금되며, 매일 ${rule.windowStart}~${rule.windowEnd}(한국 시간) 사이 PG사 일괄 취소로 자동 환불됩니다. ${untold}`;
    case 'interval':
      return rule.minutes === 30
        ? `실제 출금되며, 30분마다(매시 정각·30분) PG사가 자동 취소합니다. ${untold}`
        : `실제 출금되며, 1시간마다(매시 정각) PG사가 자동 취소합니다. ${untold}`;
    case 'none':
      return '실제 출금 없이 결제완료 응답만 내려오므로 자동 환불 대상이 아닙니다. 잔액부족 등 실패 케이스는 테스트할 수 없습니다.';
    case 'never':
      return '실제 출금되며 자동 환불되지 않습니다. 반드시 직접 취소해야 합니다.';
    case 'delay':
      return `승인 ${rule.seconds}초 후 자동 취소됩니다(빠른 테스트를 위한 채널 설정). ${untold}`;
  }
}

export interface CancelPaymentView {
  method: MethodKind;
  cardType?: 'CREDIT' | 'DEBIT' | 'GIFT';
  /** Easy pay under a general PG's contract (허브형); see ApprovalDecision.easyPayViaGeneralPg. */
  easyPayViaGeneralPg?: boolean;
  paidAmount: number;
  cancelledAmount: number;
  /** The PG already voided it by itself (batch/interval), unknown to PortOne. */
  pgVoided: boolean;
  /** Real money reached the PG's virtual account (never the case after the console's test-deposit button). */
  virtualAccountDeposited?: boolean;
  isVirtualAccount?: boolean;
}

export interface CancelRequest {
  amount: number;
  partial: boolean;
  at: Date;
}

export type CancelDecision =
  | {
      allowed: true;
      /**
       * After this cancel the PG will not void the payment by itself any more: delete the pending
       * auto-refund timer. True for a full cancel (nothing left to void); for a partial cancel only where
       * the profile says so (NICE: the rest stays withdrawn until a full cancel).
       */
      removesPendingAutoRefund: boolean;
    }
  | { allowed: false; pgCode: string; pgMessage: string };

/**
 * Does the PG accept this cancel? Checked in this order:
 * 1. The PG already voided the payment (PortOne still says PAID) → "기 취소 거래".
 * 2. Virtual accounts: outside the PG's refund hours (KSNET 06:00–23:00 KST) → refused; no real deposit
 *    (paid by the console's test-deposit button) → "입금된 내역이 없습니다"; a real deposit → refunds are
 *    impossible in test.
 * 3. Partial cancels (amount < paid − cancelled, or `partial`): refused where the PG refuses all partial
 *    cancels (Danal), easy pay through the PG (INICIS 500503), or check cards (NICE, Smartro); otherwise
 *    allowed, and at NICE the pending auto-refund is removed.
 * 4. Full cancels are allowed and remove the pending auto-refund.
 * PortOne's own checks (already cancelled, amount exceeds cancellable…) happen before this and are not here.
 */
export function decideCancel(profile: PgProfile, payment: CancelPaymentView, request: CancelRequest): CancelDecision {
  const refuse = (code: PgCodeMessage): CancelDecision => ({ allowed: false, pgCode: code.pgCode, pgMessage: code.pgMessage });
  const { codes } = profile;

  if (payment.pgVoided) return refuse(refusal(codes.alreadyVoided, { pgCode: 'ALREADY_VOIDED', pgMessage: '기 취소 거래' }));

  if (payment.isVirtualAccount ?? payment.method === 'VIRTUAL_ACCOUNT') {
    const hours = profile.virtualAccountRefundHoursKst.value;
    if (hours) {
      const minute = kstMinuteOfDay(request.at);
      if (minute < parseHhmm(hours.from) || minute >= parseHhmm(hours.to)) {
        return refuse(
          refusal(codes.vaRefundOutsideHours, { pgCode: 'VA_REFUND_HOURS', pgMessage: '{from}~{to}' }, { ...hours }),
        );
      }
    }
    if (!payment.virtualAccountDeposited) {
      return refuse(refusal(codes.vaNoDeposit, { pgCode: 'VA_NO_DEPOSIT', pgMessage: '입금된 내역이 없습니다' }));
    }
    return refuse(refusal(codes.vaRefundRefused, { pgCode: 'VA_REFUND', pgMessage: '가상계좌 환불 불가' }));
  }

  const remaining = payment.paidAmount - payment.cancelledAmount;
  const partial = request.partial || request.amount < remaining;
  if (!partial) return { allowed: true, removesPendingAutoRefund: true };

  if (profile.partialCancel.value === 'REFUSED') {
    return refuse(refusal(codes.partialCancelRefused, { pgCode: 'PARTIAL_CANCEL', pgMessage: '부분취소 불가능 거래' }));
  }
  if (payment.easyPayViaGeneralPg && profile.hubEasyPayPartialCancel.value === 'REFUSED') {
    return refuse(
      refusal(codes.hubEasyPayPartialCancelRefused, { pgCode: 'PARTIAL_CANCEL', pgMessage: '간편결제 부분취소 제한 가맹점' }),
    );
  }
  if (payment.cardType === 'DEBIT' && profile.checkCardPartialCancel.value === 'REFUSED') {
    return refuse(
      refusal(codes.checkCardPartialCancelRefused, {
        pgCode: 'PARTIAL_CANCEL',
        pgMessage: '체크카드 거래는 부분취소 불가능 거래(전체취소 요망)',
      }),
    );
  }
  return { allowed: true, removesPendingAutoRefund: profile.partialCancelRemovesAutoRefund.value };
}

/** Can a billing key issued on this PG's test channel pay? (KG파이낸셜 V2: no.) */
export function decideBillingKeyPayment(
  profile: PgProfile,
): { allowed: true } | { allowed: false; pgCode: string; pgMessage: string } {
  if (profile.billingKeyPayment.value) return { allowed: true };
  const code = refusal(profile.codes.billingKeyPaymentRefused, {
    pgCode: 'BILLING_KEY',
    pgMessage: '테스트 채널에서 발급한 빌링키로는 결제할 수 없습니다',
  });
  return { allowed: false, ...code };
}
