/**
 * The sandbox API (`/sandbox/...`, docs/sandbox-api.md) as an OpenAPI 3.1 document, served at
 * `GET /sandbox/openapi.json`. It is the contract of what PortOne does not have: the typed client
 * (`pg-sandbox/client`) is generated from it (scripts/generate-client-types.ts), and
 * test/api/sandbox-openapi.test.ts calls every route and validates the real answers against it,
 * so neither the client nor this document can drift from the routes.
 */
type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str: Schema = { type: 'string' };
const dateTime: Schema = { type: 'string', format: 'date-time' };
const int: Schema = { type: 'integer' };
const bool: Schema = { type: 'boolean' };
const strings: Schema = { type: 'array', items: str };
/** An object whose listed properties are all required except those in `optional`. */
const object = (properties: Record<string, Schema>, optional: string[] = [], extra: Schema = {}): Schema => ({
  type: 'object',
  properties,
  required: Object.keys(properties).filter((p) => !optional.includes(p)),
  ...extra,
});
const list = (item: Schema): Schema => object({ items: { type: 'array', items: item } });
/** Any JSON object (shapes documented elsewhere: PortOne's OAS, docs/profiles.md). */
const anyObject: Schema = { type: 'object', additionalProperties: true };

const TIMER_OUTCOME: Record<string, Schema> = { timerId: str, kind: str, paymentId: str, result: { enum: ['fired', 'skipped', 'missing'] }, detail: str };

const schemas: Record<string, Schema> = {
  OpenApiDocument: { ...anyObject, description: 'An OpenAPI 3.1 document (this one).' },
  ErrorBody: object({ type: str, message: str }),
  Channel: object(
    {
      storeId: str,
      channelKey: str,
      id: str,
      name: str,
      pgProvider: str,
      pgMerchantId: str,
      type: { const: 'TEST', description: "PortOne's SelectedChannel.type: always TEST, also for LIVE_LIKE channels (no money ever moves)." },
      mode: ref('ChannelMode'),
      autoRefundOverride: ref('AutoRefundOverride'),
      manualConfirm: { type: 'boolean', description: 'Manual confirm (수동 승인) in the browser: billing keys wait for confirmBillingKey, card and easy-pay payments for confirmPayment (docs/payment-operations.md).' },
      manualCapture: { type: 'boolean', description: 'Manual capture (수동 매입): card approvals wait for capturePayment to be purchased (docs/payment-operations.md).' },
      createdAt: dateTime,
    },
    ['autoRefundOverride', 'manualConfirm', 'manualCapture'],
  ),
  ChannelMode: {
    enum: ['TEST', 'LIVE_LIKE'],
    description: "TEST: the PG's test channel (batch voids, test-only refusals). LIVE_LIKE: what the PG's live channel would do (docs/live-like-channels.md).",
  },
  ChannelSettingsRequest: object({ mode: ref('ChannelMode') }),
  AutoRefundOverride: object({ kind: { const: 'delay' }, seconds: int }),
  ChannelList: list(ref('Channel')),
  CreateChannelRequest: object(
    { pgProvider: str, name: str, channelKey: str, pgMerchantId: str, mode: ref('ChannelMode'), autoRefundOverride: ref('AutoRefundOverride'), manualConfirm: { type: 'boolean' }, manualCapture: { type: 'boolean' } },
    ['name', 'channelKey', 'pgMerchantId', 'mode', 'autoRefundOverride', 'manualConfirm', 'manualCapture'],
  ),
  CreateStoreRequest: object({ name: str }, ['name']),
  CreatedStore: object({ storeId: str, apiSecret: str, channels: { type: 'array', items: ref('Channel') } }),
  StoreView: object({ storeId: str, merchantId: str, name: str, createdAt: dateTime, signups: strings, clockOffsetMs: int }),
  CreatedApiSecret: object({ apiSecret: str, secretId: str, createdAt: dateTime }),
  ApiSecret: object({ secretId: str, createdAt: dateTime, label: str }, ['label']),
  ApiSecretList: list(ref('ApiSecret')),
  SignupRequest: object({ pgProvider: str }),
  SignupsView: object({ signups: strings }),
  ProfileList: list({ type: 'object', properties: { pgProvider: str }, required: ['pgProvider'], additionalProperties: true }),
  TestCardTable: object({ items: { type: 'array', items: anyObject }, declines: { type: 'array', items: anyObject }, defaultIssuer: str }),
  PgStatus: {
    enum: ['APPROVED', 'PARTIALLY_CANCELLED', 'CANCELLED', 'VOIDED_BY_BATCH', 'AWAITING_DEPOSIT', 'DEPOSIT_RECEIVED', 'DECLINED', 'NOT_APPROVED'],
  },
  DualView: object({
    paymentId: str,
    portone: { ...anyObject, description: 'Exactly what PortOne\'s GET /payments/{paymentId} returns (PortOne\'s OAS: Payment).' },
    pg: object(
      {
        status: ref('PgStatus'),
        pgProvider: str,
        withdrawn: bool,
        heldAmount: int,
        refundedAmount: int,
        voidedAt: dateTime,
        depositReceived: anyObject,
        testDepositNotifiedAt: dateTime,
        autoRefund: anyObject,
        rule: str,
        channelMode: ref('ChannelMode'),
        accountRefunds: { type: 'array', items: anyObject, description: 'Virtual-account refunds paid to the cancel request\'s refundAccount (LIVE_LIKE).' },
        pendingCancellation: object(
          { cancellationId: str, amount: int, requestedAt: dateTime, answersAt: dateTime, outcome: { enum: ['SUCCEEDED', 'FAILED'] } },
          [],
          { description: 'An asynchronous cancel the PG has not answered yet (docs/async-cancel.md): what it will answer, and when.' },
        ),
        paymentwallDelivery: {
          ...anyObject,
          description: 'Paymentwall payments: the latest confirmPaymentwallDelivery body as Paymentwall holds it, with registeredAt (store time) and registrations (how many so far).',
        },
      },
      ['pgProvider', 'voidedAt', 'depositReceived', 'testDepositNotifiedAt', 'autoRefund', 'rule', 'accountRefunds', 'pendingCancellation', 'paymentwallDelivery'],
    ),
    inSync: bool,
    differences: strings,
    timers: {
      type: 'array',
      items: object(
        {
          timerId: str,
          kind: ref('TimerKind'),
          state: { enum: ['pending', 'fired', 'cancelled'] },
          dueAt: dateTime,
          dueAtKst: str,
          reason: str,
          scheduleName: str,
          firedAt: dateTime,
          cancelledAt: dateTime,
        },
        ['firedAt', 'cancelledAt'],
      ),
    },
  }),
  SimulateCheckoutRequest: object(
    {
      channelKey: str,
      orderName: str,
      totalAmount: int,
      taxFreeAmount: int,
      currency: str,
      payMethod: { enum: ['CARD', 'VIRTUAL_ACCOUNT', 'EASY_PAY'] },
      card: object({ number: str, expiryYear: str, expiryMonth: str }, ['expiryYear', 'expiryMonth']),
      easyPayProvider: str,
      bank: str,
      validHours: int,
      noticeUrls: strings,
      customData: str,
      customer: anyObject,
    },
    ['taxFreeAmount', 'currency', 'card', 'easyPayProvider', 'bank', 'validHours', 'noticeUrls', 'customData', 'customer'],
  ),
  SimulatedCheckout: object(
    { transactionType: { const: 'PAYMENT' }, paymentId: str, txId: str, code: str, message: str, pgCode: str, pgMessage: str },
    ['txId', 'code', 'message', 'pgCode', 'pgMessage'],
    { description: 'Like the browser SDK: `code`/`pgCode`/`pgMessage` are present when the PG refused the payment.' },
  ),
  DepositRequest: object({ amount: int, depositorName: str }, ['amount', 'depositorName']),
  PromotionDiscountScheme: {
    oneOf: [object({ type: { const: 'PERCENT' }, percent: int }), object({ type: { const: 'AMOUNT' }, amount: int })],
    description: 'PERCENT: percent of the order (rounded down to the won); AMOUNT: a fixed discount.',
  },
  PromotionRecoverOption: {
    oneOf: [object({ type: { const: 'RECOVER' } }), object({ type: { const: 'NO_RECOVER' }, spareBudget: anyObject }, ['spareBudget'])],
    description: 'RECOVER (default): a cancel gives its released discount back to the budget. NO_RECOVER: it does not (예산 미복구).',
  },
  CreatePromotionRequest: object(
    {
      id: { ...str, description: 'Default: promotion-<uuid>.' },
      name: str,
      cardCompany: { enum: ['WOORI_CARD', 'BC_CARD', 'SAMSUNG_CARD', 'SHINHAN_CARD', 'HYUNDAI_CARD', 'LOTTE_CARD', 'NH_CARD', 'HANA_CARD', 'KOOKMIN_CARD'] },
      discountPolicy: object({
        partitions: {
          type: 'array',
          items: object({ amountFrom: int, scheme: ref('PromotionDiscountScheme') }),
          description: '1–5 conditions, minimum amounts rising, each one\'s discount rate above the one before (PortOne console rules).',
        },
      }),
      totalBudget: int,
      maxDiscountAmount: int,
      startAt: { ...dateTime, description: 'Default: now on the store clock.' },
      endAt: dateTime,
      recoverOption: ref('PromotionRecoverOption'),
    },
    ['id', 'maxDiscountAmount', 'startAt', 'recoverOption'],
  ),
  Promotion: {
    ...anyObject,
    description: "PortOne's CardPromotion (PortOne's OAS), exactly as GET /promotions/{promotionId} returns it; `status` at the store clock.",
  },
  PromotionList: list(ref('Promotion')),
  CheckoutProfileEntry: object(
    {
      paymentMethod: { ...str, description: "PortOne's CheckoutPaymentMethod; the sandbox pays CARD_KR, CARD_INTERNATIONAL, N_PAY, KAKAO_PAY, TOSS_PAY, PAY_PAL, ALIPAY_CN, the Alipay+ wallets and CONVENIENCE_STORE_JP." },
      channelKey: { ...str, description: "A channel of the store whose PG offers the method." },
      countries: { ...strings, description: 'Only for these countries (absent: any).' },
      currencies: { ...strings, description: "Only for these currencies (absent: any the channel's PG takes)." },
      minAmount: { ...int, description: 'Only from this amount (inclusive).' },
      maxAmount: { ...int, description: 'Only up to this amount (inclusive).' },
    },
    ['countries', 'currencies', 'minAmount', 'maxAmount'],
  ),
  CreateCheckoutProfileRequest: object(
    {
      profileKey: { ...str, description: 'Default: checkout-profile-<uuid>. Unique across stores: evaluateCheckoutProfile names only the key.' },
      name: str,
      methods: { type: 'array', items: ref('CheckoutProfileEntry'), description: 'In priority order: the first entry of a method that applies names its channel.' },
    },
    ['profileKey'],
  ),
  CheckoutProfile: object({ profileKey: str, storeId: str, name: str, methods: { type: 'array', items: ref('CheckoutProfileEntry') }, createdAt: dateTime }),
  CheckoutProfileList: list(ref('CheckoutProfile')),
  OpenDisputeRequest: object({ reason: str, pgDisputeId: str }, ['reason', 'pgDisputeId']),
  Dispute: object(
    { status: { enum: ['UNRESOLVED', 'RESOLVED'] }, pgDisputeId: str, reason: str, createdAt: dateTime, resolvedAt: dateTime },
    ['resolvedAt'],
    { description: "PortOne's Dispute (분쟁), as getPayment shows it on a PAID payment (docs/disputes.md)." },
  ),
  BuyerDecisionRequest: object({ decision: { enum: ['CONFIRM', 'REJECT'], description: 'CONFIRM: 구매 확정; REJECT: 구매 거절' } }),
  PaymentEscrow: object(
    {
      status: { enum: ['CONFIRMED', 'REJECTED', 'REJECT_CONFIRMED'] },
      company: str,
      invoiceNumber: str,
      sentAt: dateTime,
      appliedAt: dateTime,
      isAutomaticallyConfirmed: bool,
    },
    ['sentAt', 'appliedAt', 'isAutomaticallyConfirmed'],
    { description: "PortOne's PaymentEscrow after the buyer's decision, as getPayment shows it." },
  ),
  ClockView: object({ storeId: str, now: dateTime, nowKst: str, offsetMs: int, pendingTimers: int }),
  AdvanceClockRequest: object({ by: { ...str, description: 'ISO-8601 duration: P1D, PT9H30M, P1W' }, to: dateTime }, ['by', 'to']),
  TimerOutcome: object(TIMER_OUTCOME, ['kind', 'paymentId', 'detail']),
  FiredTimer: object({ ...TIMER_OUTCOME, dueAt: dateTime }, ['kind', 'paymentId', 'detail']),
  AdvanceResult: object({
    storeId: str,
    now: dateTime,
    nowKst: str,
    offsetMs: int,
    pendingTimers: int,
    fired: { type: 'array', items: ref('FiredTimer') },
    complete: bool,
  }),
  TimerKind: { enum: ['pg-void', 'webhook-delivery', 'payment-schedule', 'cancel-completion'] },
  Timer: object(
    {
      storeId: str,
      timerId: str,
      kind: ref('TimerKind'),
      paymentId: str,
      dueAt: dateTime,
      dueAtKst: str,
      state: { enum: ['PENDING', 'FIRED', 'CANCELLED'] },
      reason: str,
      scheduleName: str,
      createdAt: dateTime,
      firedAt: dateTime,
      cancelledAt: dateTime,
      payload: anyObject,
    },
    ['firedAt', 'cancelledAt', 'payload'],
  ),
  TimerList: object({ items: { type: 'array', items: ref('Timer') }, cursor: str }, ['cursor']),
  WebhookSecret: object({ id: str, secret: str, createdAt: dateTime }),
  WebhookChaos: object({ duplicate: bool, delayMs: int, invalidSignature: bool, staleTimestamp: bool, outOfOrder: bool }, [
    'duplicate',
    'delayMs',
    'invalidSignature',
    'staleTimestamp',
    'outOfOrder',
  ]),
  WebhookSettings: object({
    url: { type: ['string', 'null'] },
    secrets: { type: 'array', items: ref('WebhookSecret') },
    maxSecrets: int,
    chaos: ref('WebhookChaos'),
    noticeUrlHosts: strings,
    confirmProcess: bool,
  }),
  WebhookUrlRequest: object({ url: { type: ['string', 'null'] } }),
  WebhookSecretRequest: object({ secret: str }, ['secret']),
  NoticeUrlHostsRequest: object({ hosts: strings }),
  ConfirmProcessRequest: object({ enabled: bool }),
  DeliveryAttempt: object(
    {
      attempt: int,
      url: str,
      requestedAt: dateTime,
      respondedAt: dateTime,
      requestHeaders: { type: 'object', additionalProperties: str },
      status: int,
      error: str,
      responseBody: str,
      responseHeaders: { type: 'object', additionalProperties: str },
      durationMs: { type: 'number' },
    },
    ['respondedAt', 'requestHeaders', 'status', 'error', 'responseBody', 'responseHeaders', 'durationMs'],
  ),
  Delivery: object(
    {
      id: str,
      webhookId: str,
      paymentId: str,
      type: str,
      timestamp: dateTime,
      url: str,
      status: { enum: ['PENDING', 'DELIVERED', 'RETRYING', 'FAILED'] },
      trigger: str,
      resendOf: str,
      heldAt: dateTime,
      nextAttemptAt: dateTime,
      executionCount: int,
      maxExecutionCount: int,
      createdAt: dateTime,
      body: str,
      attempts: { type: 'array', items: ref('DeliveryAttempt') },
    },
    ['trigger', 'resendOf', 'heldAt', 'nextAttemptAt'],
  ),
  DeliveryList: list(ref('Delivery')),
  FaultEffect: {
    oneOf: [
      object({ kind: { const: 'latency' }, ms: int, minMs: int, maxMs: int }, ['ms', 'minMs', 'maxMs']),
      object({ kind: { const: 'rate-limit' }, retryAfterSeconds: int }),
      object({ kind: { const: 'error' }, status: { enum: [500, 502, 503, 504] } }),
      object({ kind: { const: 'drop' } }),
      object({ kind: { const: 'timeout' }, holdMs: int }),
      object({ kind: { const: 'ambiguous' }, then: { enum: ['error', 'drop', 'timeout'] }, holdMs: int }, ['holdMs']),
      object({ kind: { const: 'async-cancel' }, delaySeconds: int, outcome: { enum: ['SUCCEEDED', 'FAILED'] } }),
    ],
  },
  FaultRule: object(
    {
      id: str,
      operation: { enum: ['pay', 'cancel', 'get', 'list', 'billing', 'schedule', 'other', '*'] },
      channelKey: str,
      pgProvider: str,
      paymentIdPrefix: str,
      amount: int,
      rate: { type: 'number' },
      times: int,
      effect: ref('FaultEffect'),
    },
    ['channelKey', 'pgProvider', 'paymentIdPrefix', 'amount', 'rate', 'times'],
  ),
  FaultSettings: object({ rules: { type: 'array', items: ref('FaultRule') }, seed: int, setAt: dateTime }, ['seed', 'setAt']),
  FaultLogEntry: object(
    {
      storeId: str,
      faultId: str,
      at: dateTime,
      operation: str,
      method: str,
      path: str,
      paymentId: str,
      ruleId: str,
      hitKey: str,
      effect: str,
      description: str,
    },
    ['paymentId'],
  ),
  FaultLog: list(ref('FaultLogEntry')),
  ProbeRequest: object({ url: str, secret: str, timeoutMs: int, settleMs: int }, ['secret', 'timeoutMs', 'settleMs'], { additionalProperties: false }),
  ProbeDelivery: object(
    { webhookId: { type: ['string', 'null'] }, type: str, status: int, error: str, errorMessage: str, durationMs: { type: 'number' } },
    ['status', 'error', 'errorMessage'],
  ),
  ProbeCheck: object({
    id: str,
    expect: { enum: ['ACCEPT', 'REJECT'] },
    title: object({ ko: str, en: str }),
    passed: bool,
    detail: str,
    deliveries: { type: 'array', items: ref('ProbeDelivery') },
  }),
  ProbeReport: object({
    url: str,
    timeoutMs: int,
    startedAt: dateTime,
    finishedAt: dateTime,
    passed: int,
    total: int,
    ok: bool,
    slowestMs: { type: 'number' },
    payments: object({ paid: str, cancelled: str }),
    checks: { type: 'array', items: ref('ProbeCheck') },
  }),
};

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  /** Component name of the JSON body, if any. */
  body?: string;
  /** Status → component name (null: no body). */
  responses: Record<number, string | null>;
  query?: Record<string, Schema>;
  public?: boolean;
}

const id = (name: string) => ({ name, in: 'path', required: true, schema: str });

const OPERATIONS: Operation[] = [
  { method: 'get', path: '/sandbox/openapi.json', summary: 'This document.', responses: { 200: 'OpenApiDocument' }, public: true },
  { method: 'get', path: '/sandbox/profiles', summary: 'Every PG profile (docs/profiles.md as JSON).', responses: { 200: 'ProfileList' }, public: true },
  { method: 'get', path: '/sandbox/test-cards', summary: 'The test-card table (docs/test-cards.md as JSON).', responses: { 200: 'TestCardTable' }, public: true },
  { method: 'post', path: '/sandbox/stores', summary: 'A new, isolated store (own data, own clock).', body: 'CreateStoreRequest', responses: { 201: 'CreatedStore' } },
  { method: 'get', path: '/sandbox/store', summary: 'The caller\'s store.', responses: { 200: 'StoreView' } },
  { method: 'post', path: '/sandbox/store/api-secrets', summary: 'Another API secret for the store (shown once).', responses: { 201: 'CreatedApiSecret' } },
  { method: 'get', path: '/sandbox/store/api-secrets', summary: 'The store\'s API secrets (ids, never the secrets).', responses: { 200: 'ApiSecretList' } },
  { method: 'delete', path: '/sandbox/store/api-secrets/{secretId}', summary: 'Revokes an API secret.', responses: { 204: null, 404: 'ErrorBody', 409: 'ErrorBody' } },
  { method: 'get', path: '/sandbox/channels', summary: 'The store\'s channels.', responses: { 200: 'ChannelList' } },
  { method: 'post', path: '/sandbox/channels', summary: 'A channel with the PG\'s shared test MID, TEST or LIVE_LIKE.', body: 'CreateChannelRequest', responses: { 201: 'Channel', 409: 'ErrorBody' } },
  {
    method: 'patch',
    path: '/sandbox/channels/{channelKey}',
    summary: 'Switches a channel between TEST and LIVE_LIKE (new payments only).',
    body: 'ChannelSettingsRequest',
    responses: { 200: 'Channel', 404: 'ErrorBody' },
  },
  { method: 'post', path: '/sandbox/signups', summary: 'Records the PG\'s 가입신청 (signup).', body: 'SignupRequest', responses: { 200: 'SignupsView' } },
  { method: 'get', path: '/sandbox/payments/{paymentId}', summary: 'Both sides of the ledger.', responses: { 200: 'DualView', 404: 'ErrorBody' } },
  { method: 'post', path: '/sandbox/payments/{paymentId}/checkout', summary: 'Completes a checkout without a browser.', body: 'SimulateCheckoutRequest', responses: { 200: 'SimulatedCheckout' } },
  { method: 'post', path: '/sandbox/payments/{paymentId}/virtual-account/deposit', summary: 'A real deposit: PortOne never learns of it (TEST), or it pays the payment (LIVE_LIKE).', body: 'DepositRequest', responses: { 200: 'DualView' } },
  { method: 'post', path: '/sandbox/payments/{paymentId}/virtual-account/test-deposit-notification', summary: 'The console\'s 테스트 입금웹훅통지.', responses: { 200: 'DualView' } },
  { method: 'post', path: '/sandbox/payments/{paymentId}/disputes', summary: 'The PG reports a dispute (분쟁) on a PAID payment: Transaction.DisputeCreated.', body: 'OpenDisputeRequest', responses: { 201: 'Dispute', 404: 'ErrorBody', 409: 'ErrorBody' } },
  { method: 'post', path: '/sandbox/payments/{paymentId}/disputes/{pgDisputeId}/resolve', summary: 'The PG reports the dispute resolved: Transaction.DisputeResolved.', responses: { 200: 'Dispute', 404: 'ErrorBody', 409: 'ErrorBody' } },
  {
    method: 'post',
    path: '/sandbox/payments/{paymentId}/escrow/buyer-decision',
    summary: "The buyer's decision in the PG's escrow window on a registered shipment: 구매 확정 (CONFIRMED) or 구매 거절 (REJECTED).",
    body: 'BuyerDecisionRequest',
    responses: { 200: 'PaymentEscrow', 400: 'ErrorBody', 404: 'ErrorBody', 409: 'ErrorBody', 502: 'ErrorBody' },
  },
  {
    method: 'post',
    path: '/sandbox/payments/{paymentId}/escrow/rejection/confirm',
    summary: "구매 거절 확정: the merchant accepts the buyer's rejection at the PG (REJECTED → REJECT_CONFIRMED).",
    responses: { 200: 'PaymentEscrow', 400: 'ErrorBody', 404: 'ErrorBody', 409: 'ErrorBody', 502: 'ErrorBody' },
  },
  { method: 'post', path: '/sandbox/promotions', summary: 'A card promotion (프로모션), as PortOne\'s console creates one.', body: 'CreatePromotionRequest', responses: { 201: 'Promotion', 400: 'ErrorBody', 409: 'ErrorBody' } },
  { method: 'get', path: '/sandbox/promotions', summary: 'The store\'s promotions, newest first.', responses: { 200: 'PromotionList' } },
  { method: 'post', path: '/sandbox/promotions/{promotionId}/pause', summary: 'The console\'s 일시중지: no discounts until resumed.', responses: { 200: 'Promotion', 404: 'ErrorBody', 409: 'ErrorBody' } },
  { method: 'post', path: '/sandbox/promotions/{promotionId}/resume', summary: 'The console\'s 재시작.', responses: { 200: 'Promotion', 404: 'ErrorBody', 409: 'ErrorBody' } },
  { method: 'post', path: '/sandbox/promotions/{promotionId}/terminate', summary: 'The console\'s 종료 (final).', responses: { 200: 'Promotion', 404: 'ErrorBody', 409: 'ErrorBody' } },
  {
    method: 'post',
    path: '/sandbox/checkout-profiles',
    summary: "A checkout profile (체크아웃 프로필) for hosted checkout's payment sessions, as PortOne's console defines one.",
    body: 'CreateCheckoutProfileRequest',
    responses: { 201: 'CheckoutProfile', 400: 'ErrorBody', 409: 'ErrorBody' },
  },
  { method: 'get', path: '/sandbox/checkout-profiles', summary: "The store's checkout profiles, newest first.", responses: { 200: 'CheckoutProfileList' } },
  { method: 'delete', path: '/sandbox/checkout-profiles/{profileKey}', summary: 'Deletes a checkout profile (sessions made with it then offer no method).', responses: { 204: null, 404: 'ErrorBody' } },
  { method: 'get', path: '/sandbox/clock', summary: 'The store\'s test clock.', responses: { 200: 'ClockView' } },
  { method: 'post', path: '/sandbox/clock', summary: 'Moves the clock forward and runs every timer that became due.', body: 'AdvanceClockRequest', responses: { 200: 'AdvanceResult', 400: 'ErrorBody' } },
  {
    method: 'get',
    path: '/sandbox/timers',
    summary: 'One payment\'s timers, or the store\'s pending timers a page at a time.',
    query: { paymentId: str, state: { enum: ['PENDING', 'FIRED', 'CANCELLED', 'pending', 'fired', 'cancelled'] }, limit: int, cursor: str },
    responses: { 200: 'TimerList' },
  },
  { method: 'post', path: '/sandbox/timers/{timerId}/fire', summary: 'Runs one pending timer now.', responses: { 200: 'TimerOutcome', 404: 'ErrorBody' } },
  { method: 'get', path: '/sandbox/webhook', summary: 'Webhook settings: URL, signing secrets, chaos, notice-URL hosts.', responses: { 200: 'WebhookSettings' } },
  { method: 'put', path: '/sandbox/webhook', summary: 'Sets (or with null removes) the webhook URL.', body: 'WebhookUrlRequest', responses: { 200: 'WebhookSettings' } },
  { method: 'post', path: '/sandbox/webhook/secrets', summary: 'Adds a signing secret (rotation).', body: 'WebhookSecretRequest', responses: { 201: 'WebhookSecret' } },
  { method: 'delete', path: '/sandbox/webhook/secrets/{secretId}', summary: 'Deletes a signing secret.', responses: { 200: 'WebhookSettings' } },
  { method: 'put', path: '/sandbox/webhook/notice-url-hosts', summary: 'Hosts a browser\'s noticeUrls may point at.', body: 'NoticeUrlHostsRequest', responses: { 200: 'WebhookSettings' } },
  { method: 'put', path: '/sandbox/webhook/confirm-process', summary: 'Switches the confirm process (컨펌 프로세스) on or off: browser payments must name a confirmUrl, asked before the PG approves.', body: 'ConfirmProcessRequest', responses: { 200: 'WebhookSettings' } },
  { method: 'put', path: '/sandbox/webhook/chaos', summary: 'Chaos modes for receiver tests.', body: 'WebhookChaos', responses: { 200: 'WebhookSettings' } },
  { method: 'get', path: '/sandbox/faults', summary: 'The store\'s fault injection rules (docs/faults.md).', responses: { 200: 'FaultSettings' } },
  {
    method: 'put',
    path: '/sandbox/faults',
    summary: 'Replaces the fault injection rules ({rules: []} turns it off).',
    body: 'FaultSettings',
    responses: { 200: 'FaultSettings', 400: 'ErrorBody' },
  },
  {
    method: 'get',
    path: '/sandbox/faults/log',
    summary: 'Injected faults, newest first: the store\'s or one payment\'s.',
    query: { paymentId: str, limit: int },
    responses: { 200: 'FaultLog' },
  },
  {
    method: 'post',
    path: '/sandbox/webhook/probe',
    summary: 'Scores a webhook receiver: sends it a battery of PortOne webhooks (valid, repeated, reordered, forged …) and judges its answers.',
    body: 'ProbeRequest',
    responses: { 200: 'ProbeReport', 400: 'ErrorBody' },
  },
  {
    method: 'get',
    path: '/sandbox/webhook/deliveries',
    summary: 'The delivery log, every attempt.',
    query: { paymentId: str, limit: int },
    responses: { 200: 'DeliveryList' },
  },
];

function operationObject(op: Operation): Schema {
  const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => id(m[1]!));
  const queryParams = Object.entries(op.query ?? {}).map(([name, schema]) => ({ name, in: 'query', required: false, schema }));
  const responses = Object.fromEntries(
    Object.entries(op.responses).map(([status, name]) => [
      status,
      name === null
        ? { description: status === '204' ? 'No content' : 'OK' }
        : { description: name, content: { 'application/json': { schema: ref(name) } } },
    ]),
  );
  return {
    summary: op.summary,
    ...(op.public ? { security: [] } : {}),
    ...(pathParams.length + queryParams.length ? { parameters: [...pathParams, ...queryParams] } : {}),
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(op.body) } } } } : {}),
    responses: { ...responses, ...(op.public ? {} : { 401: { description: 'No or unknown API secret', content: { 'application/json': { schema: ref('ErrorBody') } } } }) },
  };
}

const paths: Record<string, Record<string, Schema>> = {};
for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op);

export const SANDBOX_OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'pg-sandbox sandbox API',
    version: '1',
    description:
      'What PortOne does not have but a test suite needs: stores, channels, the test clock, timers, the dual ledger, ' +
      'webhook settings and checkout without a browser. PortOne\'s own API is described by PortOne\'s OpenAPI document.',
  },
  components: {
    schemas,
    securitySchemes: { portone: { type: 'apiKey', in: 'header', name: 'Authorization', description: '`PortOne <API secret>`' } },
  },
  security: [{ portone: [] }],
  paths,
} as const;

/** Each operation as `METHOD /path` (tests check every one is exercised). */
export const SANDBOX_OPERATIONS: readonly string[] = OPERATIONS.map((op) => `${op.method.toUpperCase()} ${op.path}`);
