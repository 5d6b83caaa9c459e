/**
 * A typed client for the sandbox API (`/sandbox/...`, docs/sandbox-api.md): what PortOne does not
 * have but a test suite needs: stores, the test clock, timers, the dual ledger, webhook settings,
 * checkout without a browser. PortOne's own API stays with the official `@portone/server-sdk`.
 * Shipped as `pg-sandbox/client` (and inside `pg-sandbox/testing`); runs wherever `fetch` does.
 */
import type * as Api from './api-types.ts';

export type * from './api-types.ts';

export interface SandboxClientOptions {
  /** The sandbox's address, e.g. `http://127.0.0.1:8787` (no trailing `/sandbox`). */
  baseUrl: string;
  /** A store's API secret: every call acts on that store. */
  apiSecret: string;
  /** Another fetch (a proxy, a recorder); default the global one. */
  fetch?: typeof fetch;
}

/** A sandbox answer that was not 2xx, with PortOne's error shape `{type, message}`. */
export class SandboxApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly body: unknown,
  ) {
    super(`${status} ${type}: ${message}`);
    this.name = 'SandboxApiError';
  }
}

type Query = Record<string, string | number | undefined>;

export interface SandboxClient {
  readonly baseUrl: string;
  /** The same client acting on another store (e.g. one made by `stores.create()`). */
  forStore(apiSecret: string): SandboxClient;
  stores: {
    /** A new, isolated store (own data, own clock) with one test channel per PG that needs no signup. */
    create(body?: Api.CreateStoreRequest): Promise<Api.CreatedStore>;
  };
  store: {
    get(): Promise<Api.StoreView>;
  };
  apiSecrets: {
    create(): Promise<Api.CreatedApiSecret>;
    list(): Promise<Api.ApiSecretList>;
    revoke(secretId: string): Promise<void>;
  };
  channels: {
    list(): Promise<Api.ChannelList>;
    create(body: Api.CreateChannelRequest): Promise<Api.Channel>;
    /** Switches a channel between TEST and LIVE_LIKE; payments made before keep their mode. */
    setMode(channelKey: string, mode: Api.ChannelMode): Promise<Api.Channel>;
  };
  signups: {
    record(pgProvider: string): Promise<Api.SignupsView>;
  };
  profiles(): Promise<Api.ProfileList>;
  testCards(): Promise<Api.TestCardTable>;
  payments: {
    /** Both sides of the ledger: PortOne's view, the PG's, their differences and the timers. */
    get(paymentId: string): Promise<Api.DualView>;
    /** Completes a checkout as if the customer paid in the PG's window (no browser). */
    checkout(paymentId: string, body: Api.SimulateCheckoutRequest): Promise<Api.SimulatedCheckout>;
    /** A real deposit into a test virtual account: the PG has the money, PortOne never learns of it. */
    deposit(paymentId: string, body?: Api.DepositRequest): Promise<Api.DualView>;
    /** The console's 테스트 입금웹훅통지 (test deposit notification): PortOne says PAID, the PG holds nothing. */
    testDepositNotification(paymentId: string): Promise<Api.DualView>;
  };
  disputes: {
    /** The PG reports a dispute (분쟁, chargeback) on a PAID payment: Transaction.DisputeCreated (docs/disputes.md). */
    open(paymentId: string, body?: Api.OpenDisputeRequest): Promise<Api.Dispute>;
    /** The PG reports it resolved: Transaction.DisputeResolved. */
    resolve(paymentId: string, pgDisputeId: string): Promise<Api.Dispute>;
  };
  escrow: {
    /** The buyer's decision on a registered escrow shipment, in the PG's window: 구매 확정 (CONFIRM) or 구매 거절 (REJECT). */
    buyerDecision(paymentId: string, decision: Api.BuyerDecisionRequest['decision']): Promise<Api.PaymentEscrow>;
    /** 구매 거절 확정: the merchant accepts the buyer's rejection at the PG (REJECTED → REJECT_CONFIRMED). */
    confirmRejection(paymentId: string): Promise<Api.PaymentEscrow>;
  };
  promotions: {
    /** A card promotion (프로모션) as PortOne's console creates one; payments name it with `promotionId` (docs/promotions.md). */
    create(body: Api.CreatePromotionRequest): Promise<Api.Promotion>;
    list(): Promise<Api.PromotionList>;
    /** The console's 일시중지 / 재시작 / 종료 (final). */
    pause(promotionId: string): Promise<Api.Promotion>;
    resume(promotionId: string): Promise<Api.Promotion>;
    terminate(promotionId: string): Promise<Api.Promotion>;
  };
  checkoutProfiles: {
    /** A checkout profile (체크아웃 프로필) for payment sessions, as PortOne's console defines one (docs/payment-sessions.md). */
    create(body: Api.CreateCheckoutProfileRequest): Promise<Api.CheckoutProfile>;
    list(): Promise<Api.CheckoutProfileList>;
    delete(profileKey: string): Promise<void>;
  };
  clock: {
    get(): Promise<Api.ClockView>;
    /**
     * Moves the store's clock forward (`{by: 'P1D'}` or `{to: iso}`) and runs every timer that
     * became due; continues (`by: PT0S`) until the sandbox says `complete`, so the answer lists
     * every timer fired.
     */
    advance(body: Api.AdvanceClockRequest): Promise<Api.AdvanceResult>;
  };
  timers: {
    list(query?: Api.TimersQuery): Promise<Api.TimerList>;
    fire(timerId: string): Promise<Api.TimerOutcome>;
  };
  webhook: {
    get(): Promise<Api.WebhookSettings>;
    /** The store's webhook URL (null removes it); creates a signing secret if there is none. */
    setUrl(url: string | null): Promise<Api.WebhookSettings>;
    addSecret(secret?: string): Promise<Api.WebhookSecret>;
    deleteSecret(secretId: string): Promise<Api.WebhookSettings>;
    setNoticeUrlHosts(hosts: string[]): Promise<Api.WebhookSettings>;
    setChaos(chaos: Api.WebhookChaos): Promise<Api.WebhookSettings>;
    /** The confirm process (컨펌 프로세스): browser payments must name a confirmUrl, asked before the PG approves. */
    setConfirmProcess(enabled: boolean): Promise<Api.WebhookSettings>;
    deliveries(query?: Api.DeliveriesQuery): Promise<Api.DeliveryList>;
    /**
     * Scores a webhook receiver: the sandbox sends it a battery of PortOne webhooks (valid,
     * duplicated, retried, reordered, unknown, forged, tampered, stale, unsigned) and judges each
     * answer; `ok` is true when every check passed (docs/webhooks.md, "Probe your receiver").
     */
    probe(body: Api.ProbeRequest): Promise<Api.ProbeReport>;
  };
  faults: {
    get(): Promise<Api.FaultSettings>;
    /** Replaces the store's fault injection rules; `{rules: []}` turns injection off (docs/faults.md). */
    set(settings: Api.FaultSettings): Promise<Api.FaultSettings>;
    /** Injected faults, newest first: the store's, or one payment's. */
    log(query?: Api.FaultLogQuery): Promise<Api.FaultLog>;
  };
}

export function createSandboxClient(options: SandboxClientOptions): SandboxClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

  async function call<T>(method: string, route: string, body?: unknown, query?: Query): Promise<T> {
    const url = new URL(`${baseUrl}/sandbox/${route}`);
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    const res = await doFetch(url, {
      method,
      headers: { authorization: `PortOne ${options.apiSecret}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    const json: unknown = text ? JSON.parse(text) : undefined;
    if (!res.ok) {
      const error = (json ?? {}) as { type?: string; message?: string };
      throw new SandboxApiError(res.status, error.type ?? 'UNKNOWN', error.message ?? text, json);
    }
    return json as T;
  }

  return {
    baseUrl,
    forStore: (apiSecret) => createSandboxClient({ ...options, apiSecret }),
    stores: { create: (body = {}) => call('POST', 'stores', body) },
    store: { get: () => call('GET', 'store') },
    apiSecrets: {
      create: () => call('POST', 'store/api-secrets'),
      list: () => call('GET', 'store/api-secrets'),
      revoke: (secretId) => call('DELETE', `store/api-secrets/${path(secretId)}`),
    },
    channels: {
      list: () => call('GET', 'channels'),
      create: (body) => call('POST', 'channels', body),
      setMode: (channelKey, mode) => call('PATCH', `channels/${path(channelKey)}`, { mode }),
    },
    signups: { record: (pgProvider) => call('POST', 'signups', { pgProvider }) },
    profiles: () => call('GET', 'profiles'),
    testCards: () => call('GET', 'test-cards'),
    payments: {
      get: (paymentId) => call('GET', `payments/${path(paymentId)}`),
      checkout: (paymentId, body) => call('POST', `payments/${path(paymentId)}/checkout`, body),
      deposit: (paymentId, body = {}) => call('POST', `payments/${path(paymentId)}/virtual-account/deposit`, body),
      testDepositNotification: (paymentId) => call('POST', `payments/${path(paymentId)}/virtual-account/test-deposit-notification`),
    },
    disputes: {
      open: (paymentId, body = {}) => call('POST', `payments/${path(paymentId)}/disputes`, body),
      resolve: (paymentId, pgDisputeId) => call('POST', `payments/${path(paymentId)}/disputes/${path(pgDisputeId)}/resolve`),
    },
    escrow: {
      buyerDecision: (paymentId, decision) => call('POST', `payments/${path(paymentId)}/escrow/buyer-decision`, { decision }),
      confirmRejection: (paymentId) => call('POST', `payments/${path(paymentId)}/escrow/rejection/confirm`),
    },
    promotions: {
      create: (body) => call('POST', 'promotions', body),
      list: () => call('GET', 'promotions'),
      pause: (promotionId) => call('POST', `promotions/${path(promotionId)}/pause`),
      resume: (promotionId) => call('POST', `promotions/${path(promotionId)}/resume`),
      terminate: (promotionId) => call('POST', `promotions/${path(promotionId)}/terminate`),
    },
    checkoutProfiles: {
      create: (body) => call('POST', 'checkout-profiles', body),
      list: () => call('GET', 'checkout-profiles'),
      delete: (profileKey) => call('DELETE', `checkout-profiles/${path(profileKey)}`),
    },
    clock: {
      get: () => call('GET', 'clock'),
      advance: async (body) => {
        let result = await call<Api.AdvanceResult>('POST', 'clock', body);
        const fired = [...result.fired];
        while (!result.complete) {
          result = await call<Api.AdvanceResult>('POST', 'clock', { by: 'PT0S' });
          fired.push(...result.fired);
        }
        return { ...result, fired };
      },
    },
    timers: {
      list: (query = {}) => call('GET', 'timers', undefined, { ...query }),
      fire: (timerId) => call('POST', `timers/${path(timerId)}/fire`),
    },
    webhook: {
      get: () => call('GET', 'webhook'),
      setUrl: (url) => call('PUT', 'webhook', { url }),
      addSecret: (secret) => call('POST', 'webhook/secrets', secret === undefined ? {} : { secret }),
      deleteSecret: (secretId) => call('DELETE', `webhook/secrets/${path(secretId)}`),
      setNoticeUrlHosts: (hosts) => call('PUT', 'webhook/notice-url-hosts', { hosts }),
      setChaos: (chaos) => call('PUT', 'webhook/chaos', chaos),
      setConfirmProcess: (enabled) => call('PUT', 'webhook/confirm-process', { enabled }),
      deliveries: (query = {}) => call('GET', 'webhook/deliveries', undefined, { ...query }),
      probe: (body) => call('POST', 'webhook/probe', body),
    },
    faults: {
      get: () => call('GET', 'faults'),
      set: (settings) => call('PUT', 'faults', settings),
      log: (query = {}) => call('GET', 'faults/log', undefined, { ...query }),
    },
  };
}
