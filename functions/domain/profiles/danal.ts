import { DAILY_BATCH_23, assumed, defineProfile, stated } from './common.ts';

/** 다날 (Danal): really withdraws; voided before midnight. No transfer or virtual account in test. */
export const DANAL = defineProfile({
  pgProvider: 'DANAL',
  consoleName: '다날',
  englishName: 'Danal',
  kind: 'GENERAL',
  testMerchantIds: stated({ payment: '9810030929' }),
  withdraws: stated(true, 'listed among the PGs that really charge and void the same day'),
  autoRefund: assumed(
    DAILY_BATCH_23,
    'documented as "PG사에서 일괄적으로 매일 자정 이전 자동 취소" and, in the group list, 23:00~23:50; the exact window for Danal is the sandbox\'s pick',
  ),
  methods: assumed(
    ['CARD', 'MOBILE', 'GIFT_CERTIFICATE'],
    '다날 정책상 계좌이체/가상계좌는 테스트 결제가 제공되지 않습니다 (stated); 휴대폰결제 and 상품권 are Danal\'s own products, offered in test by the sandbox\'s choice; easy pay is not documented and Danal is not a listed 허브형 PG',
  ),
  partialCancel: stated('REFUSED', '테스트 모드에서 부분 취소 테스트는 불가합니다'),
  codes: { prefix: 'DN' },
  quirks: [
    'V1 only: issuing a billing key with amount 0 charges 10원, auto-cancelled about 30 minutes later (DEV:opi/ko/integration/pg/v1/danal.mdx).',
  ],
  sources: [
    'SEED',
    'HELP:core-service/how-to-use/test-mode-cancel.md',
    'HELP:core-service/channel-setting/danal.md',
    'DEV:opi/ko/integration/pg/v1/danal.mdx',
  ],
});
