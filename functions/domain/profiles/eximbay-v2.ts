import { NO_AUTO_REFUND, assumed, defineProfile, stated } from './common.ts';

/** 엑심베이 (Eximbay): no real withdrawal in test; only Eximbay's own published test cards work. */
export const EXIMBAY_V2 = defineProfile({
  pgProvider: 'EXIMBAY_V2',
  consoleName: '엑심베이',
  englishName: 'Eximbay',
  kind: 'GLOBAL',
  v1PgProvider: 'EXIMBAY',
  testMerchantIds: stated({ payment: 'CF3309AD19', billing: '32AAE5BE9B' }, 'domestic 일반결제: 35D49A8CAA'),
  withdraws: stated(false),
  autoRefund: stated(NO_AUTO_REFUND),
  methods: assumed(['CARD'], 'only card testing is documented (plus Japanese convenience-store payments, out of scope)'),
  onlyPublishedTestCards: stated(true, '테스트 결제는 엑심베이에서 제공하는 테스트 카드 정보로만 진행 가능합니다'),
  codes: {
    prefix: 'EXB',
    overrides: {
      cardNotAccepted: assumed(
        { pgCode: 'EXB052', pgMessage: '테스트 결제는 엑심베이에서 제공하는 테스트 카드로만 가능합니다' },
        'the rule is documented; code and wording are the sandbox\'s',
      ),
    },
  },
  quirks: [
    'Eximbay policy: a recurring (정기결제) billing key must be issued together with a first payment (cancellable afterwards).',
    'The published Discover card cannot be represented: PortOne\'s CardBrand has no DISCOVER.',
  ],
  sources: [
    'SEED',
    'HELP:core-service/how-to-use/test-mode-cancel.md',
    'HELP:core-service/channel-setting/eximbay.md',
    'DEV:opi/ko/integration/pg/v2/eximbay-v2.mdx',
  ],
});
