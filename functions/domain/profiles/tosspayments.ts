import { ALL_METHODS, NO_AUTO_REFUND, SDK_CASH_RECEIPT_TYPE, assumed, defineProfile, stated } from './common.ts';

/** 토스페이먼츠 (Toss Payments): no real withdrawal in test; BrandPay needs a signup; no receipts in test. */
export const TOSSPAYMENTS = defineProfile({
  pgProvider: 'TOSSPAYMENTS',
  consoleName: '토스페이먼츠',
  englishName: 'Toss Payments',
  kind: 'GENERAL',
  testMerchantIds: stated({ payment: 'iamporttest_3', billing: 'iamporttest_4' }),
  withdraws: stated(false),
  autoRefund: stated(NO_AUTO_REFUND),
  methods: assumed(ALL_METHODS, 'no unsupported method documented'),
  hubEasyPay: stated(true, 'listed among the PGs offering 허브형 easy pay'),
  signup: stated({ required: false, features: ['브랜드페이 (BrandPay)'] }, '토스페이먼츠 브랜드페이 needs signup first'),
  cashReceiptType: stated(
    { TRANSFER: 'PRESET', VIRTUAL_ACCOUNT: 'PRESET' },
    `${SDK_CASH_RECEIPT_TYPE}: 토스페이먼츠 uses it as the default, changeable in the window; ANONYMOUS hides the setting`,
  ),
  cashReceiptsInTest: assumed(false, 'HELP:core-service/channel-setting/tosspayments.md: no receipts (영수증) in test; the sandbox reads that as cash receipts too'),
  codes: { prefix: 'TOSS' },
  quirks: ['No receipts (영수증) in test.'],
  sources: [
    'SEED',
    'HELP:core-service/how-to-use/test-mode-cancel.md',
    'HELP:core-service/channel-setting/tosspayments.md',
    'HELP:faq/payment-faq/vbank-test-guide.md',
  ],
});
