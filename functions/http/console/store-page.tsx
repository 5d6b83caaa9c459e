/** @jsxImportSource hono/jsx */
import type { FaultLogEntry } from '../../domain/faults.ts';
import { FaultsSection } from './faults-section.tsx';
import type { StoreRecord } from '../../domain/store.ts';
import type { TimerRecord } from '../../domain/timer.ts';
import { kst, translator } from '../ui/format.ts';
import { ClockForm } from './clock-form.tsx';
import { ConsoleLayout, CsrfField, type ConsoleChrome } from './layout.tsx';

/** The store, its test clock with every pending timer, and the reset. */
export function StorePage(props: ConsoleChrome & { store: StoreRecord; pending: TimerRecord[]; morePending?: boolean; faultLog: FaultLogEntry[] }) {
  const { lang, store } = props;
  const t = translator(lang);
  const offsetHours = (store.clockOffsetMs / 3_600_000).toFixed(1);
  return (
    <ConsoleLayout {...props} title={t('상점·시계', 'Store & clock')} nav="store">
      <h1>{t('상점과 테스트 시계', 'Store and test clock')}</h1>
      <div class="grid2">
        <section class="card" aria-labelledby="store-h">
          <h2 id="store-h">{t('상점', 'Store')}</h2>
          <dl class="kv">
            <dt>storeId</dt>
            <dd class="mono">{store.storeId}</dd>
            <dt>merchantId</dt>
            <dd class="mono">{store.merchantId}</dd>
            <dt>{t('이름', 'Name')}</dt>
            <dd>{store.name}</dd>
            <dt>{t('상점 시계', 'Store clock')}</dt>
            <dd>
              {kst(props.now)} KST ({t(`실제 시각 +${offsetHours}시간`, `wall clock +${offsetHours} h`)})
            </dd>
          </dl>
        </section>
        <section class="card stack" aria-labelledby="clock-h">
          <h2 id="clock-h">{t('시계', 'Clock')}</h2>
          <ClockForm lang={lang} csrf={props.csrf} next="/console/store" />
        </section>
      </div>
      <section aria-labelledby="pending-h">
        <h2 id="pending-h">{t('예정된 타이머', 'Pending timers')}</h2>
        {props.pending.length === 0 ? (
          <p class="muted">{t('없음', 'None')}</p>
        ) : (
          <div class="scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('예정 (KST)', 'Due (KST)')}</th>
                  <th scope="col">{t('결제', 'Payment')}</th>
                  <th scope="col">{t('종류 · 이유', 'Kind · why')}</th>
                  <th scope="col">{t('작업', 'Action')}</th>
                </tr>
              </thead>
              <tbody>
                {props.pending.map((tm) => (
                  <tr>
                    <td>{kst(tm.dueAt)}</td>
                    <td class="mono small">
                      <a href={`/console/payments/${encodeURIComponent(tm.paymentId)}`}>{tm.paymentId}</a>
                    </td>
                    <td class="small">
                      {tm.kind} · {tm.reason}
                    </td>
                    <td>
                      <form method="post" action={`/console/timers/${encodeURIComponent(tm.timerId)}/fire`}>
                        <CsrfField token={props.csrf} />
                        <input type="hidden" name="next" value="/console/store" />
                        <button type="submit" class="secondary">
                          {t('지금 실행', 'Fire now')}
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {props.morePending ? <p class="muted small">{t('가장 이른 타이머만 표시합니다. 나머지는 시계를 옮기면 실행됩니다.', 'Only the earliest timers are shown; moving the clock runs the rest.')}</p> : null}
          </div>
        )}
      </section>
      <section aria-labelledby="reset-h" class="card stack">
        <h2 id="reset-h">{t('상점 데이터 초기화', "Reset the store's data")}</h2>
        <p>
          {t(
            '결제, 타이머, 웹훅 발송 내역을 모두 지웁니다. API Secret, 채널, 웹훅 설정은 그대로입니다.',
            'Deletes every payment, timer and webhook delivery. API secrets, channels and webhook settings stay.',
          )}
        </p>
        <form method="post" action="/console/store/reset" class="stack">
          <CsrfField token={props.csrf} />
          <label class="choice">
            <input type="checkbox" name="confirm" value="yes" required /> {t('모든 결제 데이터를 지우는 것을 이해했습니다', 'I understand every payment will be deleted')}
          </label>
          <label class="choice">
            <input type="checkbox" name="resetClock" value="yes" /> {t('시계도 실제 시각으로 되돌리기', 'Also put the clock back on the wall clock')}
          </label>
          <button type="submit" class="danger" data-testid="reset-store">
            {t('초기화', 'Reset')}
          </button>
        </form>
      </section>
      <FaultsSection {...props} faults={store.faults ?? { rules: [] }} log={props.faultLog} />
    </ConsoleLayout>
  );
}
