import { ALL_METHODS, NO_AUTO_REFUND, assumed, defineProfile, stated } from './common.ts';

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
  codes: { prefix: 'WP' },
  sources: ['SEED', 'DEV:opi/ko/integration/pg/v2/welcome.mdx', 'HELP:faq/payment-faq/vbank-test-guide.md'],
});
