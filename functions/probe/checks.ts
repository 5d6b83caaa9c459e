/**
 * The webhook receiver probe's battery: what each check sends and what a receiver that is safe
 * to put in production must answer. Pure: run-probe.ts sends the deliveries and hands the answers
 * back here to be judged, so the rules live in one place (docs/webhooks.md, "Probe your receiver").
 */

export type ProbeCheckId =
  | 'valid'
  | 'duplicate'
  | 'retry'
  | 'out-of-order'
  | 'unknown-type'
  | 'unknown-fields'
  | 'forged-signature'
  | 'tampered-body'
  | 'stale-timestamp'
  | 'missing-signature';

/** ACCEPT: every delivery answered 2xx in time. REJECT: every delivery answered, and not with 2xx. */
export type ProbeExpectation = 'ACCEPT' | 'REJECT';

export interface ProbeCheckSpec {
  id: ProbeCheckId;
  expect: ProbeExpectation;
  title: { ko: string; en: string };
}

/** In the order they run and are reported. */
export const PROBE_CHECKS: readonly ProbeCheckSpec[] = [
  { id: 'valid', expect: 'ACCEPT', title: { ko: '올바른 웹훅 수신 (2xx, 제한 시간 안)', en: 'accepts a valid event (2xx within the timeout)' } },
  {
    id: 'duplicate',
    expect: 'ACCEPT',
    title: { ko: '같은 webhook-id 중복 수신: 2xx, 다시 처리하지 않음', en: 'a duplicate webhook-id: 2xx, not processed twice' },
  },
  {
    id: 'retry',
    expect: 'ACCEPT',
    title: { ko: '재시도(같은 webhook-id, 새 서명) 수신', en: 'a retry (same webhook-id, fresh signature) is accepted' },
  },
  {
    id: 'out-of-order',
    expect: 'ACCEPT',
    title: { ko: '순서가 바뀐 웹훅(Cancelled 다음 Paid) 수신', en: 'out-of-order events (Cancelled before Paid) are accepted' },
  },
  { id: 'unknown-type', expect: 'ACCEPT', title: { ko: '모르는 이벤트 타입은 무시하고 2xx', en: 'an unknown event type is ignored with 2xx' } },
  { id: 'unknown-fields', expect: 'ACCEPT', title: { ko: '모르는 필드가 있어도 수신', en: 'unknown fields are tolerated' } },
  { id: 'forged-signature', expect: 'REJECT', title: { ko: '위조 서명 거부 (2xx 아님)', en: 'a forged signature is refused (non-2xx)' } },
  { id: 'tampered-body', expect: 'REJECT', title: { ko: '서명 후 바뀐 본문 거부', en: 'a body changed after signing is refused' } },
  {
    id: 'stale-timestamp',
    expect: 'REJECT',
    title: { ko: '오래된 타임스탬프(재전송 공격) 거부', en: 'a stale timestamp (replay) is refused' },
  },
  { id: 'missing-signature', expect: 'REJECT', title: { ko: '서명 헤더 없는 요청 거부', en: 'a request without signature headers is refused' } },
];

/** One request the probe sent and what came back. */
export interface ProbeDelivery {
  webhookId: string | null;
  type: string;
  status?: number;
  /** TIMEOUT, NETWORK or BLOCKED_URL when no HTTP answer came. */
  error?: string;
  errorMessage?: string;
  durationMs: number;
}

/**
 * Whether the receiver processed a repeated delivery again, seen through the sandbox API: a
 * receiver that calls getPayment for an event it processes reads the payment once per processing.
 */
export interface ReprocessingEvidence {
  /** getPayment calls for the event's payment after the first delivery (0: the receiver does not consult the API). */
  readsAfterFirst: number;
  /** Further getPayment calls after the repeated delivery. */
  readsAfterRepeat: number;
}

export interface ProbeCheckResult {
  id: ProbeCheckId;
  expect: ProbeExpectation;
  title: { ko: string; en: string };
  passed: boolean;
  /** Why it passed or failed, in one English sentence. */
  detail: string;
  deliveries: ProbeDelivery[];
}

const answered = (d: ProbeDelivery): d is ProbeDelivery & { status: number } => d.status !== undefined;
const is2xx = (d: ProbeDelivery) => answered(d) && d.status >= 200 && d.status < 300;

function describe(d: ProbeDelivery): string {
  if (!answered(d)) return `${d.type}: no answer (${d.error ?? 'error'}${d.errorMessage ? `: ${d.errorMessage}` : ''})`;
  return `${d.type}: HTTP ${d.status} in ${d.durationMs} ms`;
}

/** Judges one check from what its deliveries got back (and, for repeats, what the API saw). */
export function judgeCheck(spec: ProbeCheckSpec, deliveries: ProbeDelivery[], evidence?: ReprocessingEvidence): ProbeCheckResult {
  const result = (passed: boolean, detail: string): ProbeCheckResult => ({ ...spec, passed, detail, deliveries });
  const summary = deliveries.map(describe).join('; ');
  if (spec.expect === 'REJECT') {
    const silent = deliveries.find((d) => !answered(d));
    if (silent) return result(false, `must answer with a non-2xx status, got ${describe(silent)}`);
    const accepted = deliveries.find(is2xx);
    if (accepted) return result(false, `accepted what it must refuse: ${describe(accepted)}`);
    return result(true, summary);
  }
  const refused = deliveries.find((d) => !is2xx(d));
  if (refused) return result(false, `must answer 2xx in time, got ${describe(refused)}`);
  if (evidence && evidence.readsAfterFirst > 0 && evidence.readsAfterRepeat > 0) {
    return result(
      false,
      `processed the repeated webhook-id again: getPayment was called ${evidence.readsAfterRepeat} more time(s) after it (${evidence.readsAfterFirst} after the first delivery)`,
    );
  }
  if (evidence && evidence.readsAfterFirst === 0) {
    return result(true, `${summary} (whether it was processed twice is not visible: the receiver did not call getPayment for the first delivery)`);
  }
  if (evidence) return result(true, `${summary}; not processed again (getPayment: ${evidence.readsAfterFirst} call(s) after the first delivery, none after this one)`);
  return result(true, summary);
}
