import { ALL_METHODS, NO_AUTO_REFUND, assumed, defineProfile, stated } from './common.ts';

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
  codes: { prefix: 'TOSS' },
  quirks: ['No receipts (영수증) in test.'],
  sources: [
    'SEED',
    'HELP:core-service/how-to-use/test-mode-cancel.md',
    'HELP:core-service/channel-setting/tosspayments.md',
    'HELP:faq/payment-faq/vbank-test-guide.md',
  ],
});
