import { ALL_METHODS, NO_AUTO_REFUND, assumed, defineProfile, stated } from './common.ts';

/**
 * NHN KCP: no real withdrawal in test (it only answers success), so nothing to refund and no failure
 * case can happen. Exception: KakaoPay through KCP is a real charge that is never auto-cancelled.
 */
export const KCP_V2 = defineProfile({
  pgProvider: 'KCP_V2',
  consoleName: 'NHN KCP',
  englishName: 'NHN KCP',
  kind: 'GENERAL',
  v1PgProvider: 'KCP',
  testMerchantIds: stated(
    { payment: 'AO09C', billing: 'A52LD' },
    'the facts file lists AO09C / A52LD; the V2 section of the channel page lists T0000 / A52Q7 (PAYCO 허브형: AO0Q9)',
  ),
  withdraws: stated(false, '결제 시 실제 출금이 이루어지지 않습니다'),
  autoRefund: stated(NO_AUTO_REFUND),
  methods: assumed(ALL_METHODS, 'no unsupported method documented'),
  hubEasyPay: stated(
    true,
    'KCP 제휴 카카오페이의 경우 실 결제로 진행되며, 자동 취소 대상이 아님. Docs conflict: the KCP channel page says its 허브형 KakaoPay/NaverPay do not support test mode; the sandbox follows test-mode-cancel',
  ),
  cardPromotions: assumed(
    [
      { promotionId: 'KCP-TEST-HYUNDAI-1000', cardCompany: 'HYUNDAI_CARD', discountAmount: 1_000, minimumPaymentAmount: 10_000 },
      { promotionId: 'KCP-TEST-SHINHAN-3000', cardCompany: 'SHINHAN_CARD', discountAmount: 3_000, minimumPaymentAmount: 50_000 },
      { promotionId: 'KCP-TEST-SAMSUNG-2000', cardCompany: 'SAMSUNG_CARD', discountAmount: 2_000, minimumPaymentAmount: 30_000 },
    ],
    'the OAS says getPgCardPromotions works for KCP_V2 only; which promotions KCP reports for its test MID is not published, so the sandbox offers three sample ones',
  ),
  codes: { prefix: 'KCP' },
  sources: [
    'SEED',
    'HELP:core-service/how-to-use/test-mode-cancel.md',
    'HELP:core-service/channel-setting/kcp_channel.md',
    'HELP:faq/payment-faq/vbank-test-guide.md',
  ],
});
