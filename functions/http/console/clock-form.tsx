/** @jsxImportSource hono/jsx */
import { translator, type Lang } from '../ui/format.ts';
import { CsrfField } from './layout.tsx';

/** Presets a tester needs: past a webhook retry, past an interval void, past tonight's batch. */
const PRESETS = ['PT10M', 'PT1H', 'PT6H', 'PT12H', 'P1D', 'P3D', 'P7D'] as const;
const NAMES: Record<(typeof PRESETS)[number], [string, string]> = {
  PT10M: ['10분', '10 minutes'],
  PT1H: ['1시간', '1 hour'],
  PT6H: ['6시간', '6 hours'],
  PT12H: ['12시간', '12 hours'],
  P1D: ['1일 (배치 시간 지남)', '1 day (past the batch)'],
  P3D: ['3일', '3 days'],
  P7D: ['7일', '7 days'],
};

/** Moves the store's test clock forward; every timer that falls due runs, in order. */
export function ClockForm(props: { lang: Lang; csrf: string; next: string; idSuffix?: string }) {
  const t = translator(props.lang);
  const id = `clock-by${props.idSuffix ?? ''}`;
  return (
    <form method="post" action="/console/clock" class="stack">
      <CsrfField token={props.csrf} />
      <input type="hidden" name="next" value={props.next} />
      <div>
        <label for={id}>{t('상점 시계 앞으로 이동', 'Advance the store clock')}</label>
        <select id={id} name="by" aria-describedby={`${id}-help`}>
          {PRESETS.map((p) => (
            <option value={p} selected={p === 'P1D'}>
              {`+${NAMES[p][props.lang === 'ko' ? 0 : 1]}`}
            </option>
          ))}
        </select>
        <div id={`${id}-help`} class="muted small">
          {t('그 사이 예정된 타이머(PG 일괄취소, 웹훅 재시도)가 순서대로 실행됩니다. 시계는 뒤로 가지 않습니다.', 'Timers that fall due (PG voids, webhook retries) run in order. The clock never goes back.')}
        </div>
      </div>
      <button type="submit" data-testid="advance-clock">
        {t('시계 이동', 'Advance clock')}
      </button>
    </form>
  );
}
