/** @jsxImportSource hono/jsx */
import type { BillingKeyRecord } from '../../domain/billing-key.ts';
import type { PaymentScheduleRecord } from '../../domain/payment-schedule.ts';
import { formatAmount, kst, translator } from '../ui/format.ts';
import { ConsoleLayout, CsrfField, type ConsoleChrome } from './layout.tsx';

const NEXT = '/console/billing';

function Button(props: { action: string; csrf: string; label: string }) {
  return (
    <form method="post" action={props.action}>
      <CsrfField token={props.csrf} />
      <input type="hidden" name="next" value={NEXT} />
      <button type="submit" class="secondary">
        {props.label}
      </button>
    </form>
  );
}

/** The store's billing keys (issued / deleted) and payment schedules, with delete, revoke and "run now". */
export function BillingPage(props: ConsoleChrome & { keys: BillingKeyRecord[]; schedules: PaymentScheduleRecord[]; now: string }) {
  const { lang } = props;
  const t = translator(lang);
  return (
    <ConsoleLayout {...props} title={t('빌링키·결제 예약', 'Billing keys & schedules')} nav="billing">
      <h1>{t('빌링키', 'Billing keys')}</h1>
      <div class="scroll">
        <table data-testid="billing-keys-table">
          <caption>{t(`빌링키 ${props.keys.length}개`, `${props.keys.length} billing keys`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('빌링키', 'Billing key')}</th>
              <th scope="col">{t('상태', 'Status')}</th>
              <th scope="col">{t('채널 · 카드', 'Channel · card')}</th>
              <th scope="col">{t('PG 측', 'PG side')}</th>
              <th scope="col">{t('동작', 'Action')}</th>
            </tr>
          </thead>
          <tbody>
            {props.keys.map((k) => {
              const charge = k.pgIssuanceCharge;
              return (
                <tr>
                  <th scope="row" class="mono small">
                    {k.billingKey}
                    <div class="muted">{kst(k.issuedAt)}</div>
                  </th>
                  <td>{k.status === 'ISSUED' ? t('발급됨', 'Issued') : `${t('삭제됨', 'Deleted')} ${kst(k.deletedAt)}`}</td>
                  <td class="small">
                    {k.channel.pgProvider} · MID {k.channel.pgMerchantId}
                    <div class="muted">{String((k.card as { number?: string }).number ?? t('간편결제', 'easy pay'))}</div>
                  </td>
                  <td class="small">
                    {charge
                      ? props.now >= charge.voidsAt
                        ? t(`발급 시 ${charge.amount}원 출금, ${kst(charge.voidsAt)} 자동취소됨`, `${charge.amount} KRW charged on issuance, voided ${kst(charge.voidsAt)}`)
                        : t(`발급 시 ${charge.amount}원 출금, ${kst(charge.voidsAt)} 자동취소 예정`, `${charge.amount} KRW charged on issuance, voided at ${kst(charge.voidsAt)}`)
                      : '—'}
                  </td>
                  <td>{k.status === 'ISSUED' ? <Button action={`/console/billing-keys/${encodeURIComponent(k.billingKey)}/delete`} csrf={props.csrf} label={t('삭제', 'Delete')} /> : null}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h2>{t('결제 예약', 'Payment schedules')}</h2>
      <div class="scroll">
        <table data-testid="schedules-table">
          <caption>{t(`결제 예약 ${props.schedules.length}건`, `${props.schedules.length} schedules`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('결제 예정 시각', 'Time to pay')}</th>
              <th scope="col">{t('상태', 'Status')}</th>
              <th scope="col">{t('결제 건', 'Payment')}</th>
              <th scope="col">{t('금액 · 빌링키', 'Amount · billing key')}</th>
              <th scope="col">{t('동작', 'Action')}</th>
            </tr>
          </thead>
          <tbody>
            {props.schedules.map((s) => (
              <tr>
                <th scope="row">{kst(s.timeToPay)}</th>
                <td>
                  {s.status}
                  {s.failure ? <div class="muted small">{`${s.failure.type}: ${s.failure.message}`}</div> : null}
                </td>
                <td class="mono small">
                  {s.status === 'SUCCEEDED' || s.status === 'FAILED' ? <a href={`/console/payments/${encodeURIComponent(s.paymentId)}`}>{s.paymentId}</a> : s.paymentId}
                </td>
                <td class="small">
                  {formatAmount(s.totalAmount, s.currency, lang)}
                  <div class="muted mono">{s.billingKey}</div>
                </td>
                <td>
                  {s.status === 'SCHEDULED' ? (
                    <div class="stack">
                      <Button action={`/console/timers/${encodeURIComponent(s.timerId)}/fire`} csrf={props.csrf} label={t('지금 실행', 'Run now')} />
                      <Button action={`/console/schedules/${encodeURIComponent(s.scheduleId)}/revoke`} csrf={props.csrf} label={t('예약 취소', 'Revoke')} />
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ConsoleLayout>
  );
}
