import type { FaultSettings } from './faults.ts';
import type { AutoRefundDelayOverride } from './profiles/types.ts';

/** A store (상점): the tenant that owns secrets, channels, payments and its own test clock. */
export interface StoreRecord {
  storeId: string;
  merchantId: string;
  name: string;
  createdAt: string;
  /** Test clock: simulated now = wall clock + offset. Only ever grows. */
  clockOffsetMs: number;
  /** PGs whose 가입신청 (signup) the store has recorded; some PGs require it before a test channel. */
  signups: string[];
  /** Console sessions carry the version they were signed at; sign-out moves it on (absent = 0). */
  consoleSessionVersion?: number;
  webhook: {
    url?: string;
    /** At most two active secrets: during rotation every delivery is signed with both. */
    secrets: { id: string; secret: string; createdAt: string }[];
    chaos?: Record<string, unknown>;
    /** Hosts a browser's `noticeUrls` may point at, besides the webhook URL's host (checkout/notice-urls.ts). */
    noticeUrlHosts?: string[];
    /**
     * The confirm process (컨펌 프로세스, domain/confirm-process.ts), which PortOne switches on per store
     * on request: a browser payment must name a `confirmUrl`, asked before the PG approves. Absent = off.
     */
    confirmProcess?: boolean;
  };
  /** Fault injection rules (domain/faults.ts); absent = none. */
  faults?: FaultSettings;
  version: number;
}

/**
 * How a channel behaves (docs/live-like-channels.md):
 * - `TEST`: the PG's shared *test* channel, with every test-mode rule (batch voids, refused card
 *   companies, virtual accounts that never get paid …). The default.
 * - `LIVE_LIKE`: what the PG's *live* channel would do with the same request: no voids, no test-only
 *   refusals, declines on every PG, deposits that pay. Still a sandbox: no money moves, and PortOne's
 *   `channel.type` stays `TEST` (functions/domain/live-rules.ts says why).
 */
export type ChannelMode = 'TEST' | 'LIVE_LIKE';
export const CHANNEL_MODES: readonly ChannelMode[] = ['TEST', 'LIVE_LIKE'];

/** A channel's mode; records written before modes existed are test channels. */
export const channelModeOf = (channel: { mode?: ChannelMode }): ChannelMode => channel.mode ?? 'TEST';

export interface ChannelRecord {
  storeId: string;
  channelKey: string;
  id: string;
  name: string;
  pgProvider: string;
  pgMerchantId: string;
  type: 'TEST';
  /** Absent on records written before modes existed: `TEST`. */
  mode?: ChannelMode;
  /** Overrides the profile's auto-refund rule (e.g. "after 2 minutes") for fast end-to-end runs. */
  autoRefundOverride?: AutoRefundDelayOverride;
  /**
   * Manual confirm (수동 승인), which PortOne enables per contract on request: a billing key issued in
   * the browser waits for confirmBillingKey / confirmBillingKeyIssueAndPay instead of being issued,
   * and a card or easy-pay payment authenticated in the window waits for confirmPayment
   * (domain/manual-confirm.ts) instead of being charged.
   */
  manualConfirm?: boolean;
  /**
   * Manual capture (수동 매입), which PortOne enables per PG contract: a card approval is 매입 (purchased)
   * only when the merchant calls capturePayment (payments/capture-payment.ts).
   */
  manualCapture?: boolean;
  createdAt: string;
}

export interface SecretRecord {
  storeId: string;
  secretId: string;
  hash: string;
  createdAt: string;
  label?: string;
}

/** An access or refresh token, stored by its SHA-256. */
export interface TokenRecord {
  storeId: string;
  kind: 'access' | 'refresh';
  /** epoch seconds; also the table's TTL attribute, which only garbage-collects. */
  expiresAt: number;
}
