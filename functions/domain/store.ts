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
  };
  version: number;
}

export interface ChannelRecord {
  storeId: string;
  channelKey: string;
  id: string;
  name: string;
  pgProvider: string;
  pgMerchantId: string;
  type: 'TEST';
  /** Overrides the profile's auto-refund rule (e.g. "after 2 minutes") for fast end-to-end runs. */
  autoRefundOverride?: AutoRefundDelayOverride;
  /**
   * Manual confirm (수동 승인), which PortOne enables per contract on request: a billing key issued in
   * the browser waits for confirmBillingKey / confirmBillingKeyIssueAndPay instead of being issued.
   */
  manualConfirm?: boolean;
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
