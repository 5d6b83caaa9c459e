import { assumed, defineProfile, stated } from './common.ts';
import type { ProfileInput } from './common.ts';

/**
 * KG파이낸셜 (KG Financial, formerly KG모빌리언스 Mobilians): really withdraws. The docs say test payments
 * are voided "every 30 min / 1 h, or 23:00–23:50" without saying which applies to this PG; the sandbox
 * picks the hourly interval.
 */
const shared = {
  consoleName: 'KG파이낸셜',
  englishName: 'KG Financial (formerly KG Mobilians)',
  kind: 'GENERAL',
  testMerchantIds: stated({ payment: '170622040674' }),
  withdraws: stated(true, 'listed among the PGs that really charge and void the same day'),
  autoRefund: assumed(
    { kind: 'interval', minutes: 60 },
    'docs give "30분 · 1시간마다 … 또는 23:00~23:50" for the group without saying which is KG파이낸셜\'s; the sandbox picks every hour',
  ),
  methods: stated(['CARD', 'MOBILE'], 'KG파이낸셜은 신용카드와 휴대폰결제만 지원합니다'),
  codes: {
    prefix: 'MP',
    overrides: {
      alreadyVoided: assumed(
        { pgCode: 'MP82', pgMessage: '기 취소 거래' },
        "MP82 is the code KG Mobilians' published response-code table gives for 기 취소 거래",
      ),
    },
  },
  sources: [
    'SEED',
    'HELP:core-service/how-to-use/test-mode-cancel.md',
    'HELP:core-service/channel-setting/mobilians.md',
  ],
} satisfies Omit<ProfileInput, 'pgProvider'>;

/** V1 channel of KG파이낸셜. */
export const MOBILIANS = defineProfile({ ...shared, pgProvider: 'MOBILIANS' });

/** V2 channel of KG파이낸셜: billing keys issued on the test channel cannot pay. */
export const MOBILIANS_V2 = defineProfile({
  ...shared,
  pgProvider: 'MOBILIANS_V2',
  v1PgProvider: 'MOBILIANS',
  billingKeyPayment: stated(false, 'V2 test-channel billing keys cannot pay'),
});
