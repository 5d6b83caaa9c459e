import { ALL_METHODS, DAILY_BATCH_23, SDK_CASH_RECEIPT_TYPE, assumed, defineProfile, stated } from './common.ts';

/** KG이니시스: really withdraws in test; voided by the nightly batch. */
export const INICIS_V2 = defineProfile({
  pgProvider: 'INICIS_V2',
  consoleName: 'KG이니시스',
  englishName: 'KG Inicis',
  kind: 'GENERAL',
  v1PgProvider: 'HTML5_INICIS',
  testMerchantIds: stated({ payment: 'INIpayTest', billing: 'INIBillTst' }),
  withdraws: stated(true, '테스트모드의 경우, 실제 출금 되지만 매일 23:00 ~ 23:50 사이 자동 취소'),
  autoRefund: stated(DAILY_BATCH_23),
  methods: assumed(ALL_METHODS, 'the test channel page names no unsupported method'),
  hubEasyPay: stated(true, 'listed among the PGs offering 허브형 easy pay; such payments really withdraw and are never auto-refunded'),
  refusedIssuers: stated(['KOOKMIN_CARD', 'KAKAO_BANK'], '국민카드의 경우 테스트결제 지원이 불가 (국민카드 계열 포함 ex 카카오뱅크)'),
  hubEasyPayPartialCancel: stated('REFUSED', 'partial cancel of easy pay: "500503 간편결제 부분취소 제한 가맹점"'),
  signup: stated({ required: false, features: ['KG이니시스 일본 (Japan payments)'] }, 'signup only for KG이니시스 일본'),
  storeReceipts: stated(true, 'OAS registerStoreReceipt: 지원되는 PG사: KG이니시스 (이용 전 콘솔 -> 결제연동 탭에서 INIApi Key 등록 필요)'),
  cashReceiptType: stated(
    { TRANSFER: 'ANONYMOUS_HIDES', VIRTUAL_ACCOUNT: 'ANONYMOUS_HIDES' },
    `${SDK_CASH_RECEIPT_TYPE}: KG이니시스 hides the cash-receipt setting for ANONYMOUS and ignores other values`,
  ),
  codes: {
    prefix: 'INI',
    overrides: {
      hubEasyPayPartialCancelRefused: stated({ pgCode: '500503', pgMessage: '간편결제 부분취소 제한 가맹점' }),
      alreadyVoided: assumed(
        { pgCode: '500626', pgMessage: '기 취소 거래' },
        'not in PortOne docs; the code public INICIS integrations report for 기 취소 거래',
      ),
    },
  },
  quirks: [
    '결제창 shows KakaoPay and NaverPay in test, but they work only for merchants who applied for them in their INICIS contract.',
  ],
  sources: [
    'SEED',
    'HELP:core-service/how-to-use/test-mode-cancel.md',
    'HELP:core-service/channel-setting/inicis.md',
    'HELP:faq/payment-faq/vbank-test-guide.md',
  ],
});
