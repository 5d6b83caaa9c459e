/**
 * Standard Webhooks signatures as PortOne sends them: `webhook-id`,
 * `webhook-timestamp` (unix seconds) and `webhook-signature`, one `v1,<sig>`
 * per active secret separated by spaces, so a receiver holding either secret
 * keeps verifying while a store rotates (PortOne allows two at a time).
 *
 * The HMAC itself comes from the `standardwebhooks` reference library rather
 * than our own crypto, so a disagreement with receivers would be a library
 * bug, not ours.
 */
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

export const WEBHOOK_SECRET_PREFIX = 'whsec_';
export const MAX_ACTIVE_SECRETS = 2;
/** The receivers' (SDK and standardwebhooks) clock tolerance; older or newer timestamps are refused. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

/** A type alias, not an interface, so it stays assignable to Record<string, string>. */
export type WebhookHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

export interface SignWebhookInput {
  /** The `webhook-id`: stable across retries of one event so receivers can deduplicate. */
  msgId: string;
  /** Sign time. Standard Webhooks signs the send time, so each retry is signed afresh. */
  timestamp: Date;
  /** The exact bytes that will be sent. */
  body: string;
  /** The store's active secrets (1 or 2), `whsec_`-prefixed or bare base64. */
  secrets: readonly string[];
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** True when `secret` is what PortOne's SDK can verify with: optional `whsec_`, then non-empty padded base64. */
export function isValidWebhookSecret(secret: string): boolean {
  const bare = secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : secret;
  return bare.length > 0 && BASE64.test(bare);
}

/** A new secret: `whsec_` + base64 of 32 random bytes (SHA-256's output size; Standard Webhooks asks for 24–64). */
export function generateWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

function timestampSeconds(timestamp: Date): string {
  const ms = timestamp.getTime();
  if (Number.isNaN(ms)) throw new TypeError('webhook timestamp is an invalid Date');
  return String(Math.floor(ms / 1000));
}

export function signWebhook({ msgId, timestamp, body, secrets }: SignWebhookInput): WebhookHeaders {
  if (secrets.length < 1 || secrets.length > MAX_ACTIVE_SECRETS) {
    throw new RangeError(`a webhook is signed with 1 to ${MAX_ACTIVE_SECRETS} secrets, got ${secrets.length}`);
  }
  // It travels as a header value and is signed verbatim; printable ASCII keeps both unambiguous.
  if (!/^[\x21-\x7e]+$/.test(msgId)) throw new TypeError('webhook msgId must be non-empty printable ASCII without spaces');
  const signatures = secrets.map((secret, index) => {
    // Checked here because the library's base64 decoder error does not say which secret is bad.
    if (!isValidWebhookSecret(secret)) throw new TypeError(`webhook secret #${index + 1} is not valid base64`);
    return new Webhook(secret).sign(msgId, timestamp, body);
  });
  return {
    'webhook-id': msgId,
    'webhook-timestamp': timestampSeconds(timestamp),
    'webhook-signature': signatures.join(' '),
  };
}

// ---- Chaos helpers: deliberately broken deliveries for receiver tests. ----

/**
 * Correctly formed headers signed with a random secret the receiver does not
 * know: a verifier must answer "no matching signature".
 */
export function signWithWrongKey(input: Omit<SignWebhookInput, 'secrets'>): WebhookHeaders {
  return signWebhook({ ...input, secrets: [generateWebhookSecret()] });
}

/**
 * A valid signature over a timestamp `ageSeconds` before `now` (default 10
 * minutes, twice the tolerance): a verifier must refuse it as a possible
 * replay even though the HMAC matches.
 */
export function signWithStaleTimestamp(
  input: Omit<SignWebhookInput, 'timestamp'> & { now?: Date; ageSeconds?: number },
): WebhookHeaders {
  const { now = new Date(), ageSeconds = 2 * SIGNATURE_TOLERANCE_SECONDS, ...rest } = input;
  return signWebhook({ ...rest, timestamp: new Date(now.getTime() - ageSeconds * 1000) });
}
