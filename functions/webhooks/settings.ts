/**
 * A store's test-mode webhook settings: the URL, up to two signing secrets (rotation) and the
 * chaos modes. Every change is a read-modify-write guarded by the store's version, retried when
 * another request changed the store in between, so two concurrent "add secret" calls can never
 * leave three secrets.
 */
import { randomUUID } from 'node:crypto';
import { RETRY_LIMITS, retryOnConflict } from '../domain/retry.ts';
import { PortOneError, invalidRequest } from '../domain/errors.ts';
import type { StoreRecord } from '../domain/store.ts';
import { LIMITS } from '../domain/limits.ts';
import type { Services } from '../services.ts';
import { loadStore } from '../stores/load-store.ts';
import { normalizeChaos, readChaos, type WebhookChaos } from './chaos.ts';
import { MAX_ACTIVE_SECRETS, generateWebhookSecret, isValidWebhookSecret } from './signing.ts';
import { checkWebhookUrl } from './url-guard.ts';

type WebhookSettings = StoreRecord['webhook'];
type SecretEntry = WebhookSettings['secrets'][number];

export interface WebhookSettingsView {
  /** null: no store URL (payments can still name `noticeUrls`). */
  url: string | null;
  /**
   * Shown in full to the store's own API secret: the merchant needs them to verify deliveries,
   * they sign test-mode traffic only, and whoever holds the API secret could rotate them anyway.
   */
  secrets: SecretEntry[];
  maxSecrets: number;
  chaos: WebhookChaos;
  /** Hosts a browser's `noticeUrls` may point at, besides the URL's own host (docs/sandbox-api.md). */
  noticeUrlHosts: string[];
  /** The confirm process (컨펌 프로세스): browser payments name a `confirmUrl` asked before the PG approves. */
  confirmProcess: boolean;
}

export function presentSettings(store: StoreRecord): WebhookSettingsView {
  return {
    url: store.webhook.url ?? null,
    secrets: store.webhook.secrets.map(({ id, secret, createdAt }) => ({ id, secret, createdAt })),
    maxSecrets: MAX_ACTIVE_SECRETS,
    chaos: normalizeChaos(readChaos(store.webhook.chaos)),
    noticeUrlHosts: store.webhook.noticeUrlHosts ?? [],
    confirmProcess: store.webhook.confirmProcess === true,
  };
}

/**
 * Applies `change` to a fresh copy of the store's webhook settings and saves it if nobody changed
 * the store meanwhile; on a race it re-reads and re-applies (the change may now be refused).
 * `change` returning false means "nothing to do": no write.
 */
export async function updateWebhookSettings(
  services: Services,
  storeId: string,
  change: (webhook: WebhookSettings, store: StoreRecord) => boolean | void,
): Promise<StoreRecord> {
  return retryOnConflict<StoreRecord, StoreRecord>(RETRY_LIMITS.webhookSettings, async ({ current }) => {
    const store = current ?? (await loadStore(services, storeId));
    const next: StoreRecord = structuredClone(store);
    next.webhook.secrets ??= [];
    if (change(next.webhook, next) === false) return store;
    await services.repo.saveStoreWebhook(storeId, next.webhook, store.version);
    next.version = store.version + 1;
    return next;
  });
}

const newSecretEntry = (services: Services, secret = generateWebhookSecret()): SecretEntry => ({
  id: `whsecret-${randomUUID()}`,
  secret,
  createdAt: new Date(services.wallNow()).toISOString(),
});

/** Gives a store its first secret if it has none: a delivery is never sent unsigned. */
function ensureSecret(services: Services, webhook: WebhookSettings): boolean {
  if (webhook.secrets.length > 0) return false;
  webhook.secrets.push(newSecretEntry(services));
  return true;
}

/** The store with at least one secret: a store that never configured one gets it now. */
export async function ensureWebhookSecret(services: Services, store: StoreRecord): Promise<StoreRecord> {
  if (store.webhook.secrets.length > 0) return store;
  return updateWebhookSettings(services, store.storeId, (webhook) => ensureSecret(services, webhook));
}

/** Sets (or with null clears) the store's test-mode webhook URL, refusing URLs the sender must never call. */
export async function setWebhookUrl(services: Services, storeId: string, url: string | null): Promise<WebhookSettingsView> {
  if (url !== null) {
    const check = checkWebhookUrl(url, { allowLoopback: services.allowLoopbackWebhooks });
    if (!check.ok) throw invalidRequest(`url: ${check.message}`);
  }
  const store = await updateWebhookSettings(services, storeId, (webhook) => {
    if (url === null) delete webhook.url;
    else webhook.url = url;
    ensureSecret(services, webhook);
  });
  return presentSettings(store);
}

/** Adds a signing secret (generated, or the caller's own); a third active secret is refused. */
export async function addWebhookSecret(services: Services, storeId: string, secret?: string): Promise<SecretEntry> {
  if (secret !== undefined && !isValidWebhookSecret(secret)) {
    throw invalidRequest('secret: must be base64 (optionally prefixed with whsec_), as the PortOne SDK decodes it');
  }
  const entry = newSecretEntry(services, secret);
  await updateWebhookSettings(services, storeId, (webhook) => {
    if (webhook.secrets.length >= MAX_ACTIVE_SECRETS) {
      throw invalidRequest(
        `a store has at most ${MAX_ACTIVE_SECRETS} active webhook secrets (${webhook.secrets.map((s) => s.id).join(', ')}); ` +
          'delete one with DELETE /sandbox/webhook/secrets/{id} first',
      );
    }
    if (webhook.secrets.some((s) => s.secret === entry.secret)) throw invalidRequest('secret: this secret is already active');
    webhook.secrets.push(entry);
  });
  return entry;
}

/** Retires a secret. The last one stays: deliveries are always signed (add the new one first). */
export async function deleteWebhookSecret(services: Services, storeId: string, secretId: string): Promise<WebhookSettingsView> {
  const store = await updateWebhookSettings(services, storeId, (webhook) => {
    const index = webhook.secrets.findIndex((s) => s.id === secretId);
    if (index < 0) throw new PortOneError('WEBHOOK_SECRET_NOT_FOUND', `webhook secret ${secretId} does not exist in this store`);
    if (webhook.secrets.length === 1) {
      throw invalidRequest('this is the store’s only webhook secret; add its replacement (POST /sandbox/webhook/secrets) before deleting it');
    }
    webhook.secrets.splice(index, 1);
  });
  return presentSettings(store);
}

/** A host name as a URL would carry it (lowercase, IPv6 in brackets), or undefined if `host` is none. */
function normalizeHost(host: string): string | undefined {
  try {
    const parsed = new URL(`http://${host}/`);
    return parsed.hostname === host.toLowerCase() && parsed.port === '' ? parsed.hostname : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Replaces the hosts a browser's `noticeUrls` may point at (the checkout is public: without this
 * list it could make the sandbox a webhook relay). `[]` leaves only the webhook URL's host.
 */
export async function setNoticeUrlHosts(services: Services, storeId: string, hosts: readonly string[]): Promise<WebhookSettingsView> {
  if (hosts.length > LIMITS.noticeUrlHosts) throw invalidRequest(`hosts: at most ${LIMITS.noticeUrlHosts}`);
  const normalized = hosts.map((host, index) => {
    const name = normalizeHost(host);
    if (!name) throw invalidRequest(`hosts[${index}]: not a host name (no scheme, port or path): ${host}`);
    return name;
  });
  const store = await updateWebhookSettings(services, storeId, (webhook) => {
    if (normalized.length === 0) delete webhook.noticeUrlHosts;
    else webhook.noticeUrlHosts = [...new Set(normalized)];
  });
  return presentSettings(store);
}

/** Replaces the store's chaos modes; `{}` turns chaos off. */
export async function setWebhookChaos(services: Services, storeId: string, chaos: WebhookChaos): Promise<WebhookSettingsView> {
  const normalized = normalizeChaos(chaos);
  const store = await updateWebhookSettings(services, storeId, (webhook) => {
    if (Object.keys(normalized).length === 0) delete webhook.chaos;
    else webhook.chaos = { ...normalized };
  });
  return presentSettings(store);
}

/** Switches the confirm process (컨펌 프로세스, domain/confirm-process.ts) on or off for the store. */
export async function setConfirmProcess(services: Services, storeId: string, enabled: boolean): Promise<WebhookSettingsView> {
  const store = await updateWebhookSettings(services, storeId, (webhook) => {
    if (enabled) webhook.confirmProcess = true;
    else delete webhook.confirmProcess;
  });
  return presentSettings(store);
}
