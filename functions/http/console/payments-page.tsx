/** @jsxImportSource hono/jsx */
import type { ConsoleListQuery, ConsoleListRow } from '../../console/payment-list.ts';
import { METHODS, PAGE_SIZE, STATUSES } from '../../console/payment-list.ts';
import { formatAmount, kst, translator } from '../ui/format.ts';
import { Badge, ConsoleLayout, type ConsoleChrome } from './layout.tsx';
import { METHOD_LABEL, methodSummary, paymentStatusLabel, pgStatusLabel } from './labels.ts';

/** Payments with PortOne's filters (status, method, PG) and a search over ids and order names. */
export function PaymentsPage(props: ConsoleChrome & { query: ConsoleListQuery; rows: ConsoleListRow[]; total: number; pgProviders: string[] }) {
  const { lang, query } = props;
  const t = translator(lang);
  const page = query.page ?? 0;
  const pageHref = (n: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, page: n })) if (v !== undefined && v !== '' && !(k === 'page' && v === 0)) params.set(k, String(v));
    const qs = params.toString();
    return `/console/payments${qs ? `?${qs}` : ''}`;
  };
  const lastPage = Math.max(0, Math.ceil(props.total / PAGE_SIZE) - 1);
  return (
    <ConsoleLayout {...props} title={t('결제 내역', 'Payments')} nav="payments">
      <h1>{t('결제 내역', 'Payments')}</h1>
      <form method="get" action="/console/payments" class="card filters" role="search" aria-label={t('결제 검색', 'Search payments')}>
        <div>
          <label for="q">{t('검색 (결제 ID, 주문명, 거래 ID)', 'Search (payment id, order name, tx id)')}</label>
          <input id="q" name="q" type="search" value={query.q ?? ''} />
        </div>
        <div>
          <label for="status">{t('상태', 'Status')}</label>
          <select id="status" name="status">
            <option value="">{t('전체', 'All')}</option>
            {STATUSES.map((s) => (
              <option value={s} selected={query.status === s}>
                {paymentStatusLabel(s, lang).text}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="method">{t('결제수단', 'Method')}</label>
          <select id="method" name="method">
            <option value="">{t('전체', 'All')}</option>
            {METHODS.map((m) => (
              <option value={m} selected={query.method === m}>
                {METHOD_LABEL[m]?.[lang === 'ko' ? 0 : 1] ?? m}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="pg">PG</label>
          <select id="pg" name="pg">
            <option value="">{t('전체', 'All')}</option>
            {props.pgProviders.map((p) => (
              <option value={p} selected={query.pg === p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit">{t('조회', 'Filter')}</button>
        </div>
      </form>
      <div class="scroll">
        <table data-testid="payments-table">
          <caption>
            {t(`결제 ${props.total}건`, `${props.total} payments`)}
            {props.rows.some((r) => r.diverged) && <span class="muted small"> · {t('⚠ 표시: 포트원과 PG 원장이 다름', '⚠: PortOne and the PG disagree')}</span>}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('요청 시각 (KST)', 'Requested (KST)')}</th>
              <th scope="col">{t('결제 ID', 'Payment id')}</th>
              <th scope="col">{t('주문명', 'Order')}</th>
              <th scope="col" class="num">{t('금액', 'Amount')}</th>
              <th scope="col">{t('포트원 상태', 'PortOne status')}</th>
              <th scope="col">{t('PG 원장', 'PG ledger')}</th>
              <th scope="col">PG · {t('결제수단', 'method')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.length === 0 && (
              <tr>
                <td colspan={7} class="muted">
                  {t('결제가 없습니다. 데모 상점에서 결제해 보세요.', 'No payments yet. Try the demo shop.')} <a href={`/demo?storeId=${encodeURIComponent(props.storeId)}`}>/demo</a>
                </td>
              </tr>
            )}
            {props.rows.map((r) => {
              const s = paymentStatusLabel(r.payment.status, lang);
              const pg = pgStatusLabel(r.pgStatus, lang);
              return (
                <tr data-payment-id={r.payment.paymentId}>
                  <td class="small">{kst(r.payment.requestedAt)}</td>
                  <td class="mono">
                    <a href={`/console/payments/${encodeURIComponent(r.payment.paymentId)}`}>{r.payment.paymentId}</a>
                  </td>
                  <td>{r.payment.orderName}</td>
                  <td class="num">{formatAmount(r.payment.amount.total, r.payment.currency, lang)}</td>
                  <td>
                    <Badge text={s.text} tone={s.tone} />
                  </td>
                  <td>
                    <Badge text={pg.text} tone={pg.tone} />
                    {r.diverged && <Badge text={t('⚠ 불일치', '⚠ diverged')} tone="bad" />}
                  </td>
                  <td class="small">
                    {r.payment.channel?.pgProvider ?? '—'}
                    <br />
                    {methodSummary(r.payment.method, lang)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <nav class="pager" aria-label={t('페이지', 'Pages')}>
        {page > 0 ? <a href={pageHref(page - 1)}>{t('← 이전', '← Previous')}</a> : <span />}
        <span class="muted small">
          {t(`${page + 1} / ${lastPage + 1} 페이지`, `Page ${page + 1} of ${lastPage + 1}`)}
        </span>
        {page < lastPage ? <a href={pageHref(page + 1)}>{t('다음 →', 'Next →')}</a> : <span />}
      </nav>
    </ConsoleLayout>
  );
}
