import { NO_AUTO_REFUND, defineProfile, stated } from './common.ts';

/** 페이코 (PAYCO, contracted directly; a V1 PG): no real withdrawal in test. */
export const PAYCO = defineProfile({
  pgProvider: 'PAYCO',
  consoleName: '페이코',
  englishName: 'PAYCO',
  kind: 'EASY_PAY_DIRECT',
  testMerchantIds: stated({ payment: 'PARTNERTEST' }),
  withdraws: stated(false),
  autoRefund: stated(NO_AUTO_REFUND),
  methods: stated(['EASY_PAY'], 'PAYCO is only an easy-pay method'),
  directEasyPayProvider: 'PAYCO',
  codes: { prefix: 'PCO' },
  sources: ['SEED', 'HELP:core-service/how-to-use/test-mode-cancel.md', 'HELP:core-service/channel-setting/payco.md'],
});
