import { ALL_METHODS, NO_AUTO_REFUND, SDK_CASH_RECEIPT_TYPE, assumed, defineProfile, stated } from './common.ts';

/** 웰컴페이먼츠 (Welcome Payments): no real withdrawal in test. */
export const WELCOME = defineProfile({
  pgProvider: 'WELCOME',
  consoleName: '웰컴페이먼츠',
  englishName: 'Welcome Payments',
  kind: 'GENERAL',
  testMerchantIds: stated({ payment: 'welcometst' }),
  withdraws: stated(false),
  autoRefund: stated(NO_AUTO_REFUND),
  methods: assumed(ALL_METHODS, 'no unsupported method documented'),
  hubEasyPay: stated(true, 'listed among the PGs offering 허브형 easy pay'),
  cashReceiptType: stated(
    { TRANSFER: 'ANONYMOUS_HIDES', VIRTUAL_ACCOUNT: 'ANONYMOUS_HIDES' },
    `${SDK_CASH_RECEIPT_TYPE}: 웰컴페이먼츠 hides the cash-receipt setting for ANONYMOUS and ignores other values`,
  ),
  codes: { prefix: 'WP' },
  sources: ['SEED', 'DEV:opi/ko/integration/pg/v2/welcome.mdx', 'HELP:faq/payment-faq/vbank-test-guide.md'],
});
