/** @jsxImportSource hono/jsx */
import { differencesOf } from '../../domain/divergence.ts';
import { awaitsBuyer } from '../../domain/escrow.ts';
import { presentEscrow } from '../../payments/escrow.ts';
import type { PaymentDetail } from '../../console/payment-detail.ts';
import { formatAmount, kst, translator, type Lang } from '../ui/format.ts';
import { ClockForm } from './clock-form.tsx';
import { Badge, ConsoleLayout, CsrfField, type ConsoleChrome } from './layout.tsx';
import { methodSummary, paymentStatusLabel, pgStatusLabel } from './labels.ts';
import { TimelineFigure } from './timeline-svg.tsx';

const TIMER_KIND: Record<string, [string, string]> = {
  'pg-void': ['PG 자동 취소 (일괄취소)', 'PG auto-void (batch)'],
  'webhook-delivery': ['웹훅 발송 (재시도·보류·재전송)', 'Webhook delivery (retry, hold, redrive)'],
  'payment-schedule': ['결제 예약 실행', 'Scheduled charge'],
  'cancel-completion': ['PG의 비동기 취소 응답', "PG's answer to an asynchronous cancel"],
};
const TIMER_STATE: Record<string, [string, string, string]> = {
  pending: ['대기 중', 'pending', 'warn'],
  fired: ['실행됨', 'fired', 'ok'],
  cancelled: ['취소됨', 'cancelled', ''],
};

function Row(props: { label: string; children?: unknown }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.children as never}</dd>
    </>
  );
}

/**
 * One payment: the timeline picture, PortOne's view and the PG's view side by side, what differs,
 * PortOne console's test buttons (cancel, 테스트 입금웹훅통지, resend webhook) and the sandbox's own
 * powers (move the store clock, fire a timer now).
 */
export function PaymentPage(props: ConsoleChrome & { detail: PaymentDetail }) {
  const { lang, detail } = props;
  const t = translator(lang);
  const p = detail.payment;
  const pg = detail.dual.pg;
  const here = `/console/payments/${encodeURIComponent(p.paymentId)}`;
  const status = paymentStatusLabel(p.status, lang);
  const pgLabel = pgStatusLabel(pg.status, lang);
  const differences = differencesOf(p);
  const pending = detail.dual.timers.filter((tm) => tm.state === 'pending');
  const cancellable = p.status === 'PAID' || p.status === 'PARTIAL_CANCELLED';
  const remaining = p.amount.paid - p.amount.cancelled;
  const L = (l: Lang) => (l === 'ko' ? 0 : 1);

  return (
    <ConsoleLayout {...props} title={`${t('결제', 'Payment')} ${p.paymentId}`} nav="payments">
      <nav aria-label={t('이동 경로', 'Breadcrumb')} class="small">
        <a href="/console/payments">{t('결제 내역', 'Payments')}</a> › <span class="mono">{p.paymentId}</span>
      </nav>
      <h1>
        {p.orderName || t('(주문명 없음)', '(no order name)')} <span class="muted">· {formatAmount(p.amount.total, p.currency, lang)}</span>
      </h1>
      <div class="row" aria-label={t('요약', 'Summary')}>
        <span class="small muted">PortOne</span>
        <Badge text={status.text} tone={status.tone} testid="portone-status" />
        <span class="small muted">PG</span>
        <Badge text={pgLabel.text} tone={pgLabel.tone} testid="pg-status" />
        {detail.dual.inSync ? (
          <Badge text={t('원장 일치', 'ledgers agree')} tone="ok" testid="sync" />
        ) : (
          <Badge text={t('⚠ 원장 불일치', '⚠ ledgers diverged')} tone="bad" testid="sync" />
        )}
      </div>

      <section aria-labelledby="tl-h">
        <h2 id="tl-h">{t('타임라인: 포트원 원장과 PG 원장', 'Timeline: PortOne ledger and PG ledger')}</h2>
        <TimelineFigure timeline={detail.timeline} lang={lang} />
      </section>

      {differences.length > 0 && (
        <section aria-labelledby="diff-h" class={`notice ${detail.dual.inSync ? 'warn' : 'bad'}`} data-testid="differences">
          <h2 id="diff-h" class="small">
            {t('포트원과 PG의 차이', 'What differs between PortOne and the PG')}
          </h2>
          <ul class="notes">
            {differences.map((d) => (
              <li>{d.text[lang]}</li>
            ))}
          </ul>
        </section>
      )}

      <div class="views">
        <section class="card view-portone" aria-labelledby="portone-h">
          <h2 id="portone-h">{t('포트원 원장 (GET /payments 응답)', 'PortOne view (what GET /payments says)')}</h2>
          <dl class="kv">
            <Row label={t('상태', 'Status')}>
              <Badge text={`${status.text} · ${p.status}`} tone={status.tone} />
            </Row>
            <Row label={t('결제 ID', 'Payment id')}>
              <span class="mono">{p.paymentId}</span>
            </Row>
            <Row label={t('거래 ID (txId)', 'Transaction id')}>
              <span class="mono">{p.transactionId}</span>
            </Row>
            <Row label={t('금액', 'Amount')}>
              {formatAmount(p.amount.total, p.currency, lang)} ({t('결제', 'paid')} {formatAmount(p.amount.paid, p.currency, lang)}, {t('취소', 'cancelled')}{' '}
              {formatAmount(p.amount.cancelled, p.currency, lang)})
            </Row>
            <Row label={t('결제수단', 'Method')}>{methodSummary(p.method, lang)}</Row>
            <Row label={t('채널', 'Channel')}>
              {p.channel ? `${p.channel.name} (${p.channel.pgProvider}, MID ${p.channel.pgMerchantId})` : '—'}
            </Row>
            {p.billingKey && (
              <Row label={t('빌링키 결제', 'Billing-key payment')}>
                <span class="mono small">{p.billingKey}</span>
                {p.scheduleId && <div class="small">{t(`결제 예약 ${p.scheduleId}에서 실행됨`, `made by payment schedule ${p.scheduleId}`)}</div>}
              </Row>
            )}
            <Row label={t('요청 시각', 'Requested')}>{kst(p.requestedAt)} KST</Row>
            {p.paidAt && <Row label={t('결제 시각', 'Paid at')}>{kst(p.paidAt)} KST</Row>}
            {p.isEscrow && (
              <Row label={t('에스크로', 'Escrow')}>
                <span data-testid="escrow-status">{(presentEscrow(p)?.status as string | undefined) ?? '—'}</span>
              </Row>
            )}
            {p.failedAt && (
              <Row label={t('실패', 'Failure')}>
                {kst(p.failedAt)} KST · {p.failure?.pgCode} {p.failure?.pgMessage}
              </Row>
            )}
            {p.cancellations.map((c) => (
              <Row label={t('취소', 'Cancellation')}>
                <span data-testid="cancellation">
                  {c.status} · {kst(c.cancelledAt ?? c.requestedAt)} KST · {formatAmount(c.totalAmount, p.currency, lang)} · {c.reason} ({c.trigger})
                </span>
                {c.pending && (
                  <form method="post" action={`${here}/cancellations/${encodeURIComponent(c.id)}/stop`} class="small">
                    <CsrfField token={props.csrf} />
                    {t(`PG가 ${kst(c.pending.dueAt)} KST에 ${c.pending.outcome}로 응답합니다. `, `The PG answers ${c.pending.outcome} at ${kst(c.pending.dueAt)} KST. `)}
                    <button type="submit">{t('취소 요청 중단 (stop)', 'Stop this cancel request')}</button>
                  </form>
                )}
                {c.failure && (
                  <div class="small">
                    {c.failure.stoppedAt ? t('가맹점이 중단함', 'stopped by the merchant') : `${c.failure.pgCode ?? ''} ${c.failure.pgMessage ?? ''}`} · {kst(c.failure.at)} KST
                  </div>
                )}
              </Row>
            ))}
            {(p.disputes ?? []).map((d) => (
              <Row label={t('분쟁', 'Dispute')}>
                <span data-testid="dispute">
                  {d.status} · {kst(d.createdAt)} KST · {d.reason} · <span class="mono small">{d.pgDisputeId}</span>
                  {d.resolvedAt && ` · ${t('해소', 'resolved')} ${kst(d.resolvedAt)} KST`}
                </span>
                {d.status === 'UNRESOLVED' && (
                  <form method="post" action={`${here}/disputes/${encodeURIComponent(d.pgDisputeId)}/resolve`}>
                    <CsrfField token={props.csrf} />
                    <button type="submit" class="secondary" data-testid="resolve-dispute">
                      {t('분쟁 해소', 'Resolve dispute')}
                    </button>
                  </form>
                )}
              </Row>
            ))}
            {p.pgTxId && (
              <Row label="pgTxId">
                <span class="mono">{p.pgTxId}</span>
              </Row>
            )}
          </dl>
        </section>
        <section class="card view-pg" aria-labelledby="pg-h">
          <h2 id="pg-h">{t('PG 원장 (실제 돈의 움직임)', "PG view (what happened to the money)")}</h2>
          <dl class="kv">
            <Row label={t('PG 상태', 'PG status')}>
              <Badge text={`${pgLabel.text} · ${pg.status}`} tone={pgLabel.tone} />
            </Row>
            <Row label={t('실제 출금', 'Money withdrawn')}>{pg.withdrawn ? t('예', 'yes') : t('아니오 (승인 응답만)', 'no (success answer only)')}</Row>
            <Row label={t('PG 보유 금액', 'Held by the PG')}>{formatAmount(pg.heldAmount, p.currency, lang)}</Row>
            <Row label={t('환불된 금액', 'Refunded')}>{formatAmount(pg.refundedAmount, p.currency, lang)}</Row>
            <Row label={t('채널 모드', 'Channel mode')}>
              <span data-testid="channel-mode">
                {pg.channelMode === 'LIVE_LIKE' ? t('라이브형 (LIVE_LIKE)', 'live-like (LIVE_LIKE)') : t('테스트 (TEST)', 'test (TEST)')}
              </span>
            </Row>
            {pg.rule && <Row label={t('이 결제의 규칙', 'Rule for this payment')}>{pg.rule}</Row>}
            {pg.voidedAt && <Row label={t('PG 일괄취소', 'Voided by PG')}>{kst(pg.voidedAt)} KST</Row>}
            {pg.depositReceived && (
              <Row label={t('실입금', 'Real deposit')}>
                {kst(pg.depositReceived.at)} KST · {formatAmount(pg.depositReceived.amount, p.currency, lang)}
              </Row>
            )}
            {pg.testDepositNotifiedAt && <Row label={t('테스트 입금통지', 'Test deposit notified')}>{kst(pg.testDepositNotifiedAt)} KST</Row>}
            {(pg.accountRefunds ?? []).map((r) => (
              <Row label={t('계좌 환불', 'Refund to account')}>
                {kst(r.at)} KST · {formatAmount(r.amount, p.currency, lang)} → {r.refundAccount.bank} {r.refundAccount.number} ({r.refundAccount.holderName})
              </Row>
            ))}
            {pg.paymentwallDelivery && (
              <Row label={t('배송 정보 (페이먼트월)', 'Delivery (Paymentwall)')}>
                <span data-testid="paymentwall-delivery">
                  {pg.paymentwallDelivery.deliveryType} · {pg.paymentwallDelivery.deliveryStatus} · {kst(pg.paymentwallDelivery.registeredAt)} KST
                  {pg.paymentwallDelivery.carrierTrackingId && ` · ${pg.paymentwallDelivery.carrierType ?? ''} ${pg.paymentwallDelivery.carrierTrackingId}`}
                </span>
                <div class="small muted">{t(`등록 ${pg.paymentwallDelivery.registrations}회 (confirmPaymentwallDelivery)`, `${pg.paymentwallDelivery.registrations} registration(s) (confirmPaymentwallDelivery)`)}</div>
              </Row>
            )}
            {pending.map((tm) => (
              <Row label={t('예정', 'Pending')}>
                {TIMER_KIND[tm.kind]?.[L(lang)] ?? tm.kind} · {kst(tm.dueAt)} KST
              </Row>
            ))}
          </dl>
        </section>
      </div>

      <section aria-labelledby="actions-h">
        <h2 id="actions-h">{t('작업', 'Actions')}</h2>
        <div class="actions-grid">
          <div class="card stack">
            <h3>{t('포트원 콘솔 기능 (테스트)', "PortOne console's test actions")}</h3>
            {cancellable && (
              <form method="post" action={`${here}/cancel`} class="stack">
                <CsrfField token={props.csrf} />
                <div>
                  <label for="cancel-amount">{t('취소 금액 (비우면 전액)', 'Amount (empty = all)')}</label>
                  <input id="cancel-amount" name="amount" type="number" min="1" max={String(remaining)} step="1" inputmode="numeric" />
                </div>
                <div>
                  <label for="cancel-reason">{t('취소 사유', 'Reason')}</label>
                  <input id="cancel-reason" name="reason" required value={t('콘솔 테스트 취소', 'console test cancel')} />
                </div>
                <button type="submit" data-testid="cancel-payment">
                  {t('결제 취소', 'Cancel payment')}
                </button>
              </form>
            )}
            {p.status === 'VIRTUAL_ACCOUNT_ISSUED' && pg.channelMode !== 'LIVE_LIKE' && (
              <form method="post" action={`${here}/test-deposit`}>
                <CsrfField token={props.csrf} />
                <button type="submit" data-testid="test-deposit">
                  {t('테스트 입금웹훅통지', 'Test deposit notification')}
                </button>
                <p class="muted small">
                  {t('포트원은 결제완료로 바꾸고 Transaction.Paid를 보내지만 PG에는 돈이 없습니다.', 'PortOne marks it PAID and sends Transaction.Paid; the PG holds no money.')}
                </p>
              </form>
            )}
            {detail.deliveries.length > 0 ? (
              <form method="post" action={`${here}/resend-webhook`} class="stack">
                <CsrfField token={props.csrf} />
                <div>
                  <label for="webhookId">{t('웹훅 재발송', 'Resend a webhook')}</label>
                  <select id="webhookId" name="webhookId">
                    {detail.deliveries.map((d) => (
                      <option value={d.id}>{`${d.type} · ${kst(d.createdAt).slice(5)} · ${d.status}`}</option>
                    ))}
                  </select>
                </div>
                <button type="submit" class="secondary">
                  {t('재발송', 'Resend')}
                </button>
              </form>
            ) : (
              <p class="muted small">{t('웹훅 발송 내역이 없습니다 (웹훅 URL 미설정).', 'No webhooks were sent (no webhook URL set).')}</p>
            )}
            {p.status === 'PAID' && (
              <form method="post" action={`${here}/disputes`} class="stack">
                <CsrfField token={props.csrf} />
                <div>
                  <label for="dispute-reason">{t('분쟁 사유', 'Dispute reason')}</label>
                  <input id="dispute-reason" name="reason" maxlength={200} value={t('고객 이의 제기 (chargeback)', 'customer chargeback')} />
                </div>
                <button type="submit" class="secondary" data-testid="open-dispute">
                  {t('분쟁 발생 (chargeback)', 'Open a dispute (chargeback)')}
                </button>
                <p class="muted small">
                  {t('PG가 분쟁을 알린 것처럼: 결제의 disputes와 Transaction.DisputeCreated 웹훅.', 'As if the PG reported one: the payment\'s disputes and a Transaction.DisputeCreated webhook.')}
                </p>
              </form>
            )}
            {cancellable && awaitsBuyer(p.escrow) && (
              <form method="post" action={`${here}/escrow/buyer-decision`} class="stack">
                <CsrfField token={props.csrf} />
                <div class="row">
                  <button type="submit" name="decision" value="CONFIRM" class="secondary" data-testid="escrow-buyer-confirm">
                    {t('구매자: 구매 확정', 'Buyer: confirm purchase')}
                  </button>
                  <button type="submit" name="decision" value="REJECT" class="secondary" data-testid="escrow-buyer-reject">
                    {t('구매자: 구매 거절', 'Buyer: reject purchase')}
                  </button>
                </div>
                <p class="muted small">{t('구매자가 PG의 에스크로 창에서 결정한 것처럼 (웹훅 없음).', "As if the buyer decided in the PG's escrow window (no webhook).")}</p>
              </form>
            )}
            {cancellable && p.escrow?.status === 'REJECTED' && (
              <form method="post" action={`${here}/escrow/rejection/confirm`}>
                <CsrfField token={props.csrf} />
                <button type="submit" class="secondary" data-testid="escrow-confirm-rejection">
                  {t('구매 거절 확정 (PG 관리자)', "Accept the rejection (PG's admin)")}
                </button>
              </form>
            )}
            {!cancellable && p.status !== 'VIRTUAL_ACCOUNT_ISSUED' && <p class="muted small">{t('이 상태에서는 취소할 수 없습니다.', 'Nothing to cancel in this state.')}</p>}
          </div>
          <div class="card stack">
            <h3>{t('샌드박스 기능: 시간', 'Sandbox: time')}</h3>
            <ClockForm lang={lang} csrf={props.csrf} next={here} />
            {pending.map((tm) => (
              <div class="stack">
                <p class="small">
                  <strong>{TIMER_KIND[tm.kind]?.[L(lang)] ?? tm.kind}</strong> · {t('예정', 'due')} {kst(tm.dueAt)} KST
                </p>
                <div class="row">
                  <form method="post" action="/console/clock">
                    <CsrfField token={props.csrf} />
                    <input type="hidden" name="to" value={tm.dueAt} />
                    <input type="hidden" name="next" value={here} />
                    <button type="submit" class="secondary">
                      {t('시계를 이 시각으로', 'Move clock to it')}
                    </button>
                  </form>
                  <form method="post" action={`/console/timers/${encodeURIComponent(tm.timerId)}/fire`}>
                    <CsrfField token={props.csrf} />
                    <input type="hidden" name="next" value={here} />
                    <button type="submit" class="secondary" data-testid="fire-timer">
                      {t('지금 실행', 'Fire now')}
                    </button>
                  </form>
                </div>
              </div>
            ))}
          </div>
          <div class="card stack">
            <h3>{t('무엇을 해볼까요', 'Things to try')}</h3>
            <ul class="notes small">
              <li>{t('시계를 하루 앞으로 옮기면 배치 PG는 결제를 취소합니다. 포트원은 모릅니다.', "Move the clock a day ahead: a batch PG voids the payment, PortOne doesn't know.")}</li>
              <li>{t('그 다음 취소하면 PG_PROVIDER "기 취소 거래"가 납니다.', 'Then cancel: PG_PROVIDER "기 취소 거래".')}</li>
              <li>{t('가상계좌는 테스트 입금웹훅통지로만 결제완료가 됩니다.', 'A virtual account becomes PAID only by the test deposit notification.')}</li>
            </ul>
          </div>
        </div>
      </section>

      <section aria-labelledby="timers-h">
        <h2 id="timers-h">{t('타이머', 'Timers')}</h2>
        {detail.dual.timers.length === 0 ? (
          <p class="muted">{t('이 결제에는 타이머가 없습니다 (자동 취소 없음).', 'No timers for this payment (nothing happens by itself).')}</p>
        ) : (
          <div class="scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('종류', 'Kind')}</th>
                  <th scope="col">{t('상태', 'State')}</th>
                  <th scope="col">{t('예정 시각 (KST)', 'Due (KST)')}</th>
                  <th scope="col">{t('이유', 'Why')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.dual.timers.map((tm) => {
                  const st = TIMER_STATE[tm.state] ?? [tm.state, tm.state, ''];
                  return (
                    <tr>
                      <td>{TIMER_KIND[tm.kind]?.[L(lang)] ?? tm.kind}</td>
                      <td>
                        <Badge text={st[L(lang)]} tone={st[2]} />
                      </td>
                      <td>{kst(tm.dueAt)}</td>
                      <td class="small">{tm.reason}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="wh-h">
        <h2 id="wh-h">{t('웹훅 발송 내역', 'Webhook deliveries')}</h2>
        {detail.deliveries.length === 0 ? (
          <p class="muted">
            {t('없음. ', 'None. ')}
            <a href="/console/webhooks">{t('웹훅 URL 설정', 'Set a webhook URL')}</a>
          </p>
        ) : (
          <div class="scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('생성 (KST)', 'Created (KST)')}</th>
                  <th scope="col">{t('이벤트', 'Event')}</th>
                  <th scope="col">URL</th>
                  <th scope="col">{t('상태', 'Status')}</th>
                  <th scope="col">{t('시도', 'Attempts')}</th>
                  <th scope="col">{t('마지막 응답', 'Last answer')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.deliveries.map((d) => {
                  const last = d.attempts.at(-1);
                  const tone = d.status === 'DELIVERED' ? 'ok' : d.status === 'FAILED' ? 'bad' : 'warn';
                  return (
                    <tr>
                      <td class="small">{kst(d.createdAt)}</td>
                      <td>
                        {d.type}
                        {d.trigger ? <span class="muted small"> ({d.trigger})</span> : null}
                      </td>
                      <td class="mono small">{d.url}</td>
                      <td>
                        <Badge text={d.status} tone={tone} />
                        {d.nextAttemptAt && (
                          <div class="small muted">
                            {t('다음 시도', 'next')} {kst(d.nextAttemptAt)}
                          </div>
                        )}
                      </td>
                      <td class="num">
                        {d.executionCount} / {d.maxExecutionCount}
                      </td>
                      <td class="small">{last ? (last.status !== undefined ? `HTTP ${last.status}` : last.error ?? '') : '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </ConsoleLayout>
  );
}
