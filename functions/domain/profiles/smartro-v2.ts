import { DAILY_BATCH_23, SDK_CASH_RECEIPT_TYPE, assumed, defineProfile, stated } from './common.ts';

/**
 * 스마트로 (Smartro): really withdraws; nightly batch. KakaoPay through Smartro is not auto-cancelled,
 * check cards can only be cancelled in full, and some banks cannot issue test virtual accounts.
 */
export const SMARTRO_V2 = defineProfile({
  pgProvider: 'SMARTRO_V2',
  consoleName: '스마트로',
  englishName: 'Smartro',
  kind: 'GENERAL',
  v1PgProvider: 'SMARTRO',
  testMerchantIds: stated({ payment: 't_2302141m' }),
  withdraws: stated(true, 'listed among the PGs that really charge and void the same day'),
  autoRefund: stated(DAILY_BATCH_23),
  methods: stated(['CARD', 'TRANSFER', 'VIRTUAL_ACCOUNT', 'MOBILE', 'EASY_PAY'], 'CARD, TRANSFER, VIRTUAL_ACCOUNT, MOBILE, EASY_PAY'),
  hubEasyPay: stated(true, '카카오페이 결제 시 자동취소가 불가능합니다 (test FAQ); listed among 허브형 PGs'),
  hubEasyPayCardIssuers: stated(
    { providers: ['KAKAOPAY', 'PAYCO'], issuers: ['SAMSUNG_CARD', 'HYUNDAI_CARD', 'NH_CARD', 'SHINHAN_CARD'] },
    '카카오페이 또는 페이코 결제 시 삼성/현대/농협/신한 카드만 사용이 가능합니다',
  ),
  refusedIssuers: stated(['KOOKMIN_CARD', 'KAKAO_BANK'], '국민카드 또는 카카오뱅크로 결제가 불가능합니다'),
  checkCardPartialCancel: stated('REFUSED', '체크카드 거래건의 경우 전액 취소만 가능하며 부분취소는 불가능'),
  virtualAccountRefusedBanks: stated(
    ['K_BANK', 'KOOKMIN', 'JEONBUK', 'KWANGJU', 'DAEGU'],
    'Kbank, 국민은행, 전북은행, 광주은행, 대구은행 "등 일부 은행" (the list may be longer)',
  ),
  cashReceiptType: assumed(
    { TRANSFER: 'PRESET', VIRTUAL_ACCOUNT: 'PRESET' },
    `${SDK_CASH_RECEIPT_TYPE}: 스마트로 needs it (with customerIdentifier) to skip its window; the sandbox's window always shows, starting on the given type`,
  ),
  codes: { prefix: 'SM' },
  sources: [
    'SEED',
    'HELP:core-service/how-to-use/test-mode-cancel.md',
    'DEV:opi/ko/integration/pg/v2/smartro-v2.mdx',
    'HELP:faq/payment-faq/vbank-test-guide.md',
  ],
});
