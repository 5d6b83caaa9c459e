import { succeededCancellations, type PaymentRecord } from '../domain/payment.ts';
import type { TimerRecord } from '../domain/timer.ts';
import type { OutboxEvent } from '../domain/outbox.ts';
import type { FaultLogEntry } from '../domain/faults.ts';
import { differencesOf, type Text } from '../domain/divergence.ts';
import { won } from '../domain/money.ts';

/**
 * The dual ledger over time, as data for the console's picture: two lanes, PortOne's view (what
 * `GET /payments/{id}` says) and the PG's view (what happened to the money), each a run of state
 * segments with event markers, plus the timers still pending. Pure: built from the stored records
 * and the store's clock, so the same payment always draws the same picture.
 */
export type Lane = 'portone' | 'pg';
export type SegmentState =
  | 'ready'
  | 'paid'
  | 'va'
  | 'partial'
  | 'cancelled'
  | 'failed'
  | 'held'
  | 'approved'
  | 'voided'
  | 'refunded'
  | 'awaiting'
  | 'deposit';
export type Tone = 'ok' | 'bad' | 'pg' | 'info' | 'neutral';

export interface TimelineSegment {
  lane: Lane;
  from: string;
  to: string;
  state: SegmentState;
  /** After the store's now: what will hold if nothing else happens (drawn faint). */
  projected?: boolean;
}

export interface TimelineMarker {
  lane: Lane;
  at: string;
  tone: Tone;
  label: Text;
  /** Something that will happen (a pending timer): drawn dashed. */
  pending: boolean;
}

export interface Timeline {
  start: string;
  end: string;
  now: string;
  segments: TimelineSegment[];
  markers: TimelineMarker[];
  /** When PortOne's record and the PG's ledger disagree (e.g. PAID after the PG's batch void). */
  divergence?: { from: string; to: string; reason: Text };
}

export const SEGMENT_TEXT: Record<SegmentState, Text> = {
  ready: { ko: '결제대기', en: 'READY' },
  paid: { ko: '결제완료 PAID', en: 'PAID' },
  va: { ko: '입금대기', en: 'VIRTUAL_ACCOUNT_ISSUED' },
  partial: { ko: '부분취소', en: 'PARTIAL_CANCELLED' },
  cancelled: { ko: '취소', en: 'CANCELLED' },
  failed: { ko: '결제실패', en: 'FAILED' },
  held: { ko: '출금됨 (PG 보유)', en: 'withdrawn, held by PG' },
  approved: { ko: '승인 (출금 없음)', en: 'approved, no money moved' },
  voided: { ko: 'PG 취소됨 (환불)', en: 'voided by PG, refunded' },
  refunded: { ko: '환불됨', en: 'refunded' },
  awaiting: { ko: '입금 없음', en: 'no deposit' },
  deposit: { ko: '실입금 보유', en: 'deposit held' },
};

const shortType = (type: string) => type.replace(/^Transaction\./, '');
const byTime = <T extends { at: string }>(a: T, b: T) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);

function approvalTime(p: PaymentRecord): string | undefined {
  if (!p.pg) return undefined;
  if (p.pg.methodKind === 'VIRTUAL_ACCOUNT') return (p.method?.issuedAt as string | undefined) ?? p.statusChangedAt;
  return p.paidAt;
}

/** Consecutive (time, state) points → segments up to `end`; zero-length steps are dropped. */
function toSegments(lane: Lane, points: { at: string; state: SegmentState }[], end: string): TimelineSegment[] {
  const sorted = [...points].sort(byTime);
  const out: TimelineSegment[] = [];
  sorted.forEach((p, i) => {
    const to = sorted[i + 1]?.at ?? end;
    if (to > p.at || (i === sorted.length - 1 && to >= p.at)) out.push({ lane, from: p.at, to, state: p.state });
  });
  return out;
}

/** The cancellations that gave money back, in the order they did. */
const byCancelTime = (p: PaymentRecord) => succeededCancellations(p).sort((a, b) => (a.cancelledAt! < b.cancelledAt! ? -1 : 1));

function portoneLane(p: PaymentRecord, now: string) {
  const points: { at: string; state: SegmentState }[] = [{ at: p.requestedAt, state: 'ready' }];
  const markers: TimelineMarker[] = [];
  const mark = (at: string | undefined, tone: Tone, ko: string, en: string, pending = false) => {
    if (at) markers.push({ lane: 'portone', at, tone, label: { ko, en }, pending });
  };
  if (p.origin.platformType !== 'API') mark(p.requestedAt, 'neutral', '결제창 열림', 'window opened');
  const call = p.confirmCall;
  if (call) {
    const answer = call.status !== undefined ? `HTTP ${call.status}` : call.outcome === 'CALLING' ? '…' : '응답 없음';
    const answerEn = call.status !== undefined ? `HTTP ${call.status}` : call.outcome === 'CALLING' ? '…' : 'no answer';
    const tone: Tone = call.outcome === 'APPROVED' ? 'ok' : call.outcome === 'CALLING' ? 'info' : 'bad';
    const verdict = { APPROVED: ['승인', 'approved'], REFUSED: ['거절', 'refused'], UNREACHABLE: ['중단', 'stopped'], CALLING: ['확인 중', 'asking'] }[call.outcome];
    mark(call.requestedAt, tone, `컨펌 요청 → ${verdict[0]} (${answer})`, `confirm URL → ${verdict[1]} (${answerEn})`);
  }
  const approvedAt = approvalTime(p);
  if (p.pg?.methodKind === 'VIRTUAL_ACCOUNT' && approvedAt) {
    points.push({ at: approvedAt, state: 'va' });
    mark(approvedAt, 'info', '가상계좌 발급', 'account issued');
    if (p.pg.testDepositNotifiedAt) {
      points.push({ at: p.pg.testDepositNotifiedAt, state: 'paid' });
      mark(p.pg.testDepositNotifiedAt, 'ok', '테스트 입금통지 → PAID', 'test deposit → PAID');
    }
  } else if (p.paidAt) {
    points.push({ at: p.paidAt, state: 'paid' });
    mark(p.paidAt, 'ok', `결제완료 ${won(p.amount.paid)}원`, `PAID ${won(p.amount.paid)} KRW`);
  }
  if (p.failedAt) {
    points.push({ at: p.failedAt, state: 'failed' });
    mark(p.failedAt, 'bad', `결제실패 ${p.failure?.pgCode ?? ''}`.trim(), `FAILED ${p.failure?.pgCode ?? ''}`.trim());
  }
  let cancelled = 0;
  for (const c of byCancelTime(p)) {
    cancelled += c.totalAmount;
    points.push({ at: c.cancelledAt!, state: cancelled >= p.amount.paid ? 'cancelled' : 'partial' });
    mark(c.cancelledAt, 'neutral', `취소 ${won(c.totalAmount)}원`, `cancelled ${won(c.totalAmount)} KRW`);
  }
  // Asynchronous cancels: the request, and how it ended when it did not succeed (docs/async-cancel.md).
  for (const c of p.cancellations) {
    if (c.status === 'SUCCEEDED' && c.cancelledAt === c.requestedAt) continue; // answered at once
    mark(c.requestedAt, 'info', `취소 요청 ${won(c.totalAmount)}원 (비동기)`, `cancel requested ${won(c.totalAmount)} KRW (async)`);
    if (c.status === 'FAILED' && c.failure) {
      if (c.failure.stoppedAt) mark(c.failure.at, 'neutral', '취소 요청 중단 (stop)', 'cancel request stopped');
      else mark(c.failure.at, 'bad', `취소 실패 ${c.failure.pgCode ?? ''}`.trim(), `cancel failed ${c.failure.pgCode ?? ''}`.trim());
    }
  }
  for (const d of p.disputes ?? []) {
    mark(d.createdAt, 'bad', `분쟁 발생 ${d.pgDisputeId}`, `dispute opened ${d.pgDisputeId}`);
    mark(d.resolvedAt, 'info', `분쟁 해소 ${d.pgDisputeId}`, `dispute resolved ${d.pgDisputeId}`);
  }
  if (p.status === 'CANCELLED' && p.cancellations.length === 0 && p.cancelledAt) {
    points.push({ at: p.cancelledAt, state: 'cancelled' });
    mark(p.cancelledAt, 'neutral', '가상계좌 말소', 'account closed');
  }
  return { segments: toSegments('portone', points, now), markers };
}

function pgLane(p: PaymentRecord, now: string) {
  const pg = p.pg;
  const markers: TimelineMarker[] = [];
  const mark = (at: string | undefined, tone: Tone, ko: string, en: string) => {
    if (at) markers.push({ lane: 'pg', at, tone, label: { ko, en }, pending: false });
  };
  if (!pg) {
    const stoppedByMerchant = p.status === 'FAILED' && p.confirmCall && p.confirmCall.outcome !== 'APPROVED' && p.confirmCall.txId === p.transactionId;
    if (stoppedByMerchant) mark(p.failedAt, 'neutral', 'PG에 승인 요청 안 함 (컨펌 거절)', 'PG never asked (confirm refused)');
    else if (p.failedAt) mark(p.failedAt, 'bad', `거절 ${p.failure?.pgMessage ?? ''}`.trim(), `refused: ${p.failure?.pgMessage ?? ''}`.trim());
    return { segments: [] as TimelineSegment[], markers };
  }
  const approvedAt = approvalTime(p);
  if (!approvedAt) return { segments: [] as TimelineSegment[], markers };
  const points: { at: string; state: SegmentState }[] = [];
  if (pg.methodKind === 'VIRTUAL_ACCOUNT') {
    points.push({ at: approvedAt, state: 'awaiting' });
    mark(approvedAt, 'pg', '채번 (돈 이동 없음)', 'number issued, no money');
    if (pg.depositReceived) {
      points.push({ at: pg.depositReceived.at, state: 'deposit' });
      mark(pg.depositReceived.at, 'pg', `실입금 ${won(pg.depositReceived.amount)}원`, `real deposit ${won(pg.depositReceived.amount)} KRW`);
    }
  } else {
    points.push({ at: approvedAt, state: pg.withdrawn ? 'held' : 'approved' });
    mark(
      approvedAt,
      'pg',
      pg.withdrawn ? `승인·출금 ${won(p.amount.paid)}원` : '승인 (출금 없음)',
      pg.withdrawn ? `approved, ${won(p.amount.paid)} KRW withdrawn` : 'approved, nothing withdrawn',
    );
    let refunded = 0;
    for (const c of byCancelTime(p)) {
      refunded += c.totalAmount;
      if (refunded >= p.amount.paid) points.push({ at: c.cancelledAt!, state: 'refunded' });
      mark(c.cancelledAt, 'pg', pg.withdrawn ? `환불 ${won(c.totalAmount)}원` : '취소 승인', pg.withdrawn ? `refunded ${won(c.totalAmount)} KRW` : 'cancel accepted');
    }
    if (pg.voidedAt) {
      points.push({ at: pg.voidedAt, state: 'voided' });
      mark(pg.voidedAt, 'bad', 'PG 일괄취소 (포트원 모름)', 'PG batch void (PortOne not told)');
    }
  }
  return { segments: toSegments('pg', points, now), markers };
}

function webhookMarkers(events: readonly OutboxEvent[]): TimelineMarker[] {
  const out: TimelineMarker[] = [];
  for (const e of events) {
    const type = shortType(e.type);
    if (e.attempts.length === 0) {
      out.push({ lane: 'portone', at: e.createdAt, tone: 'neutral', label: { ko: `웹훅 대기 ${type}`, en: `webhook queued ${type}` }, pending: false });
    }
    for (const a of e.attempts) {
      const why = a.status !== undefined ? String(a.status) : (a.error?.split(':')[0] ?? 'error');
      out.push({
        lane: 'portone',
        at: a.requestedAt,
        tone: a.ok ? 'ok' : 'bad',
        label: a.ok ? { ko: `웹훅 ✓ ${type}`, en: `webhook ✓ ${type}` } : { ko: `웹훅 ✗ ${type} (${why})`, en: `webhook ✗ ${type} (${why})` },
        pending: false,
      });
    }
  }
  return out;
}

const TIMER_TEXT: Record<TimerRecord['kind'], { lane: Lane; ko: string; en: string }> = {
  'pg-void': { lane: 'pg', ko: 'PG 일괄취소 예정', en: 'PG void due' },
  'webhook-delivery': { lane: 'portone', ko: '웹훅 발송 예정', en: 'webhook delivery due' },
  'payment-schedule': { lane: 'portone', ko: '결제 예약 실행 예정', en: 'scheduled charge due' },
  'cancel-completion': { lane: 'pg', ko: 'PG 취소 응답 예정', en: 'PG answers the cancel' },
  'confirm-deadline': { lane: 'portone', ko: '수동 승인 기한', en: 'manual confirm deadline' },
};

/** The first contradiction between the ledgers, from when it began until now. */
function divergenceOf(p: PaymentRecord, now: string): Timeline['divergence'] {
  const d = differencesOf(p).find((x) => x.diverged);
  return d && { from: d.since, to: now, reason: d.label };
}

/** Room drawn after the last pending timer, so what it leads to is visible. */
const PROJECTION_TAIL_MS = 10 * 60 * 1000;

/**
 * The future, if nothing else happens: each lane keeps its state, except that a pending PG void
 * turns the PG lane to "voided" at its due time while PortOne's lane stays as it is. That is the
 * divergence to come, visible before the clock gets there.
 */
function projections(segments: TimelineSegment[], pending: readonly TimerRecord[], now: string, end: string): TimelineSegment[] {
  if (end <= now) return [];
  const out: TimelineSegment[] = [];
  const last = (lane: Lane) => segments.filter((s) => s.lane === lane).at(-1);
  const portone = last('portone');
  if (portone) out.push({ lane: 'portone', from: now, to: end, state: portone.state, projected: true });
  const pg = last('pg');
  const voidAt = pending.find((t) => t.kind === 'pg-void')?.dueAt;
  if (pg && voidAt && pg.state !== 'voided') {
    out.push({ lane: 'pg', from: now, to: voidAt, state: pg.state, projected: true });
    out.push({ lane: 'pg', from: voidAt, to: end, state: 'voided', projected: true });
  } else if (pg) {
    out.push({ lane: 'pg', from: now, to: end, state: pg.state, projected: true });
  }
  return out;
}

export function buildTimeline(input: {
  payment: PaymentRecord;
  outbox: readonly OutboxEvent[];
  timers: readonly TimerRecord[];
  /** Faults injected into this payment's requests (domain/faults.ts). */
  faults?: readonly FaultLogEntry[];
  now: string;
}): Timeline {
  const { payment: p, now } = input;
  const pending = input.timers.filter((t) => t.paymentId === p.paymentId && t.state === 'PENDING');
  const lastDue = pending.map((t) => t.dueAt).reduce((a, b) => (b > a ? b : a), now);
  const end = lastDue > now ? new Date(Date.parse(lastDue) + PROJECTION_TAIL_MS).toISOString() : now;
  const portone = portoneLane(p, now);
  const pg = pgLane(p, now);
  const past = [...portone.segments, ...pg.segments];
  const markers = [
    ...portone.markers,
    ...pg.markers,
    ...webhookMarkers(input.outbox.filter((e) => e.paymentId === p.paymentId)),
    ...(input.faults ?? []).map(
      (f): TimelineMarker => ({
        lane: 'portone',
        at: f.at,
        tone: 'bad',
        label: { ko: `주입된 장애 (${f.operation}): ${f.description}`, en: `injected fault (${f.operation}): ${f.description}` },
        pending: false,
      }),
    ),
    ...pending.map((t): TimelineMarker => {
      const text = TIMER_TEXT[t.kind];
      return { lane: text.lane, at: t.dueAt, tone: 'pg', label: { ko: text.ko, en: text.en }, pending: true };
    }),
  ].sort(byTime);
  const times = [p.requestedAt, ...markers.map((m) => m.at)];
  const start = times.reduce((a, b) => (b < a ? b : a));
  return { start, end, now, segments: [...past, ...projections(past, pending, now, end)], markers, divergence: divergenceOf(p, now) };
}
