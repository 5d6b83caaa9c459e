import { ALL_METHODS, DAILY_BATCH_23, SDK_CASH_RECEIPT_TYPE, assumed, defineProfile, stated } from './common.ts';

/**
 * 나이스정보통신 (NICE Payments): really withdraws; voided by the nightly batch. A partial cancel is "not
 * reflected" in test: the batch no longer voids the payment, so the rest stays withdrawn until a full cancel.
 */
export const NICE_V2 = defineProfile({
  pgProvider: 'NICE_V2',
  consoleName: '나이스정보통신',
  englishName: 'NICE Payments',
  kind: 'GENERAL',
  v1PgProvider: 'NICE',
  testMerchantIds: stated({ payment: 'iamport00m', virtualAccount: 'iamport03m' }),
  withdraws: stated(true, '테스트 모드의 경우 실제 출금 되지만 매일 23:00~23:50분 사이 자동 취소'),
  autoRefund: stated(DAILY_BATCH_23),
  methods: assumed(ALL_METHODS, 'the test channel page names no unsupported method (KT 휴대폰 소액결제 aside: mobileRefusedCarriers)'),
  mobileRefusedCarriers: stated(['KT'], 'KT 휴대폰결제 is not available on the test channel (facts file §4b, DEV pg pages)'),
  hubEasyPay: stated(true, 'listed among the PGs offering 허브형 easy pay'),
  refusedIssuers: stated(['KOOKMIN_CARD', 'NH_CARD'], '신용카드 : NH농협카드 , KB국민카드 이용불가'),
  checkCardPartialCancel: stated('REFUSED', '체크카드 … 부분취소 불가능 거래(전체취소 요망)'),
  partialCancelRemovesAutoRefund: stated(
    true,
    'SEED: a partial cancel is not auto-refunded; the tester must cancel fully (HELP: 부분취소가 정상 반영되지 않으므로 전체 취소 테스트만)',
  ),
  cashReceiptType: assumed(
    { TRANSFER: 'PRESET', VIRTUAL_ACCOUNT: 'IGNORED' },
    `${SDK_CASH_RECEIPT_TYPE}: NICE reads it for a transfer when the PG window is skipped (with customerIdentifier), otherwise ignores it; not listed for virtual accounts. The sandbox's window always shows, so it starts on the given type`,
  ),
  codes: {
    prefix: 'NICE',
    overrides: {
      alreadyVoided: assumed(
        { pgCode: '2013', pgMessage: '기 취소 거래' },
        "code 2013 is NICE's own 'already cancelled' code (its manual words it 취소 완료 거래); the message is the SEED's wording",
      ),
      checkCardPartialCancelRefused: assumed(
        { pgCode: '1534', pgMessage: '체크카드 거래는 부분취소 불가능 거래(전체취소 요망)' },
        "refusal and message documented; 1534 is NICE's code for 부분취소 불가능 거래",
      ),
    },
  },
  quirks: ['휴대폰 소액결제 with KT is unavailable in test (mobile payments are not simulated).'],
  sources: [
    'SEED',
    'HELP:core-service/how-to-use/test-mode-cancel.md',
    'HELP:core-service/channel-setting/nice.md',
    'HELP:faq/payment-faq/vbank-test-guide.md',
  ],
});
