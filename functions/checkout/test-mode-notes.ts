import { issuerName } from '../domain/cards.ts';
import { BANK_NAMES_KO, METHOD_NAMES_KO } from '../domain/profiles/common.ts';
import { carrierNameKo } from '../domain/pay-methods.ts';
import type { AutoRefundDelayOverride, AutoRefundRule, PgProfile } from '../domain/profiles/index.ts';
import { channelModeOf, type ChannelRecord } from '../domain/store.ts';
import { liveDifferences } from '../domain/profiles/live.ts';
import type { CheckoutPayMethod } from './payment-request.ts';

/**
 * What a PG does in test mode, in a tester's words, from its profile data: shown by the checkout
 * window ("real withdrawal, voided 23:00–23:50 KST", "no withdrawal", "refund by hand") and by the
 * console's channel list. Korean first; English for the console's switch.
 */
export type Lang = 'ko' | 'en';

/** One line: does money move, and who gives it back. */
export function refundSummary(withdraws: boolean, rule: AutoRefundRule | AutoRefundDelayOverride, lang: Lang): string {
  if (!withdraws) return lang === 'ko' ? '출금 없음 (승인 응답만)' : 'no withdrawal (success answer only)';
  const head = lang === 'ko' ? '실제 출금' : 'real withdrawal';
  switch (rule.kind) {
    case 'daily-batch':
      return lang === 'ko'
        ? `${head}, 매일 ${rule.windowStart}–${rule.windowEnd}(KST) PG 일괄 취소`
        : `${head}, voided ${rule.windowStart}–${rule.windowEnd} KST`;
    case 'interval':
      return lang === 'ko'
        ? `${head}, ${rule.minutes}분마다 PG 자동 취소`
        : `${head}, voided every ${rule.minutes} minutes`;
    case 'delay':
      return lang === 'ko' ? `${head}, 승인 ${rule.seconds}초 후 PG 자동 취소` : `${head}, voided ${rule.seconds} s after approval`;
    case 'never':
      return lang === 'ko' ? `${head}, 자동 환불 없음: 직접 취소` : `${head}, refund by hand`;
    case 'none':
      return lang === 'ko' ? `${head}, 자동 환불 없음` : `${head}, no automatic refund`;
  }
}

/** The channel's effective rule: an override (fast end-to-end runs) beats the profile. */
export function effectiveRule(profile: PgProfile, channel: Pick<ChannelRecord, 'autoRefundOverride'>): AutoRefundRule | AutoRefundDelayOverride {
  return channel.autoRefundOverride ?? profile.autoRefund.value;
}

/**
 * Bullet points for the checkout window (one method) and the channel list (every method; the
 * list shows {@link refundSummary} in its own column, so it asks without it).
 */
export function testModeNotes(
  profile: PgProfile,
  channel: Pick<ChannelRecord, 'autoRefundOverride' | 'mode'>,
  lang: Lang,
  method?: CheckoutPayMethod,
  opts: { summary?: boolean } = {},
): string[] {
  if (channelModeOf(channel) === 'LIVE_LIKE') return liveModeNotes(profile, lang, method);
  const ko = lang === 'ko';
  const notes: string[] = [];
  const withdraws = profile.withdraws.value;
  const rule = effectiveRule(profile, channel);
  // 현금영수증 asked for with a transfer or virtual account (profile cashReceiptsInTest).
  const receiptNote =
    (method === 'TRANSFER' || method === 'VIRTUAL_ACCOUNT') && !profile.cashReceiptsInTest.value
      ? [ko ? '이 PG는 테스트에서 현금영수증을 발급하지 않습니다: 요청해도 결제에 현금영수증이 없습니다.' : 'This PG issues no cash receipts in test: the payment gets none even when one is asked for.']
      : [];
  if (method === 'VIRTUAL_ACCOUNT') {
    notes.push(...receiptNote);
    notes.push(
      ko
        ? '가상계좌는 채번(계좌 발급)만 됩니다. 실제로 입금해도 결제완료가 되지 않고 웹훅도 없으며, 환불할 수 없습니다.'
        : 'Virtual accounts: issuance only. A real deposit never makes the payment PAID, sends no webhook and cannot be refunded.',
    );
    const banks = profile.virtualAccountRefusedBanks.value;
    if (banks.length > 0) {
      notes.push((ko ? '발급 불가 은행: ' : 'Banks that cannot issue in test: ') + banks.map((b) => BANK_NAMES_KO[b] ?? b).join(', '));
    }
    return notes;
  }
  const hubNote = ko
    ? '이 PG를 통한 간편결제(허브형)는 실제로 출금되며 자동 환불되지 않습니다. 반드시 직접 취소하세요.'
    : 'Easy pay through this PG (hub type) really withdraws and is never refunded automatically: refund by hand.';
  const hub = !profile.directEasyPayProvider && profile.hubEasyPay.value;
  if (method === 'EASY_PAY' && hub) {
    notes.push(hubNote);
  } else {
    if (opts.summary !== false) notes.push(refundSummary(withdraws, withdraws ? rule : profile.autoRefund.value, lang) + '.');
    if (withdraws && (rule.kind === 'daily-batch' || rule.kind === 'interval' || rule.kind === 'delay')) {
      notes.push(
        ko
          ? "PG 취소는 포트원에 알려지지 않아 결제완료(PAID)로 남고, 이후 취소하면 '기 취소 거래' 오류가 납니다."
          : 'PortOne is not told of the void: the payment stays PAID and a later cancel fails with "기 취소 거래" (already cancelled).',
      );
    }
    if (!withdraws) {
      notes.push(ko ? '잔액부족 같은 실패는 테스트할 수 없습니다.' : 'Failures such as insufficient balance cannot happen here.');
    }
  }
  if (channel.autoRefundOverride) {
    notes.push(
      ko
        ? `채널 설정(빠른 테스트용): 승인 ${channel.autoRefundOverride.seconds}초 후 PG 취소.`
        : `Channel override for fast tests: voided ${channel.autoRefundOverride.seconds} s after approval.`,
    );
  }
  if (method === 'TRANSFER' || method === 'MOBILE' || method === 'GIFT_CERTIFICATE' || method === 'PAYPAL' || method === 'ALIPAY' || method === 'ALIPAY_PLUS') {
    notes.push(
      ko
        ? `${METHOD_NAMES_KO[method]}는 이 PG의 카드 결제와 같이 처리됩니다 (pg-sandbox의 가정: 테스트 모드 문서가 이 결제수단을 따로 설명하지 않습니다).`
        : `${method} follows this PG's card rule (pg-sandbox's assumption: the test-mode documents say nothing of this method).`,
    );
  }
  notes.push(...receiptNote);
  const carriers = profile.mobileRefusedCarriers.value;
  if (method === 'MOBILE' && carriers.length > 0) {
    notes.push((ko ? '테스트 결제가 안 되는 통신사: ' : 'Carriers refused in test: ') + carriers.map(carrierNameKo).join(', '));
  }
  const refused = profile.refusedIssuers.value;
  if ((method === undefined || method === 'CARD') && refused.length > 0) {
    notes.push((ko ? '테스트 결제가 거절되는 카드사: ' : 'Card issuers refused in test: ') + refused.map(issuerName).join(', '));
  }
  if (profile.onlyPublishedTestCards.value) {
    notes.push(ko ? 'PG가 공개한 테스트 카드로만 결제됩니다.' : "Only the PG's published test cards are accepted.");
  }
  const limit = profile.amountLimit.value;
  if (limit) {
    const amount = limit.maxExclusive.toLocaleString('ko-KR');
    notes.push(ko ? `테스트 결제 한도: ${amount}원 미만 (${limit.appliesTo === 'CARD' ? '카드' : '간편결제'})` : `Test payments must be under ${amount} KRW (${limit.appliesTo === 'CARD' ? 'cards' : 'easy pay'})`);
  }
  if (method === undefined && hub) notes.push(hubNote);
  if (profile.partialCancel.value === 'REFUSED') notes.push(ko ? '부분취소가 거절됩니다.' : 'Partial cancels are refused.');
  if (profile.partialCancelRemovesAutoRefund.value) {
    notes.push(
      ko ? '부분취소하면 나머지는 자동 환불되지 않습니다: 전체 취소하세요.' : 'After a partial cancel the rest is not auto-refunded: cancel in full.',
    );
  }
  return notes;
}

/**
 * The window's notes on a live-like channel: none of the test channel's (no batch void, no test-only
 * refusals), but what differs from it, for the method at hand (domain/profiles/live.ts).
 */
export function liveModeNotes(profile: PgProfile, lang: Lang, method?: CheckoutPayMethod): string[] {
  const ko = lang === 'ko';
  const notes = [
    ko
      ? '라이브형 채널 (LIVE_LIKE): 이 PG의 실제 운영 채널처럼 동작합니다. 테스트 채널과 다른 점:'
      : "Live-like channel (LIVE_LIKE): behaves like this PG's live channel. Unlike its test channel:",
  ];
  const forVirtualAccount = method === 'VIRTUAL_ACCOUNT';
  const differences = liveDifferences(profile).filter((d) => method === undefined || Boolean(d.virtualAccount) === forVirtualAccount);
  notes.push(...differences.map((d) => (ko ? d.ko : d.en)));
  if (!forVirtualAccount) {
    notes.push(
      ko
        ? '거절 테스트 카드(잔액부족, 한도초과, 분실/도난, 유효기간 오류 등)는 이 PG의 코드와 메시지로 실패합니다.'
        : "Decline test cards (insufficient balance, over limit, lost/stolen, expired …) fail with this PG's code and message.",
    );
  }
  return notes;
}
