import { NO_AUTO_REFUND, defineProfile, stated } from './common.ts';

/** 토스페이 (TossPay, contracted directly): no real withdrawal in test. */
export const TOSSPAY_V2 = defineProfile({
  pgProvider: 'TOSSPAY_V2',
  consoleName: '토스페이',
  englishName: 'TossPay',
  kind: 'EASY_PAY_DIRECT',
  v1PgProvider: 'TOSSPAY',
  testMerchantIds: stated({ payment: 'tosstest' }),
  withdraws: stated(false),
  autoRefund: stated(NO_AUTO_REFUND),
  methods: stated(['EASY_PAY'], 'TossPay is only an easy-pay method'),
  directEasyPayProvider: 'TOSSPAY',
  codes: { prefix: 'TP' },
  sources: ['SEED', 'HELP:core-service/how-to-use/test-mode-cancel.md', 'DEV:opi/ko/integration/pg/v2/tosspay-v2.mdx'],
});
