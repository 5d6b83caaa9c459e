import { ALL_METHODS, DAILY_BATCH_23, assumed, defineProfile, stated } from './common.ts';

/** 키움페이 (Kiwoom Pay, formerly 다우데이타 Daou): really withdraws; nightly batch. */
export const DAOU = defineProfile({
  pgProvider: 'DAOU',
  consoleName: '키움페이',
  englishName: 'Kiwoom Pay (formerly Daou)',
  kind: 'GENERAL',
  testMerchantIds: stated({ payment: 'CTS17362' }),
  withdraws: stated(true, '테스트 모드의 경우 실제 출금 되지만 매일 23:00~23:50분 사이 자동 취소'),
  autoRefund: stated(DAILY_BATCH_23),
  methods: assumed(ALL_METHODS, 'no unsupported method documented'),
  hubEasyPay: stated(true, 'listed among the PGs offering 허브형 easy pay'),
  codes: { prefix: 'DA' },
  sources: [
    'SEED',
    'HELP:core-service/channel-setting/daou.md',
    'HELP:faq/payment-faq/vbank-test-guide.md',
  ],
});
