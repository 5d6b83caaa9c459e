/** @jsxImportSource hono/jsx */
import { layoutTimeline, textWidth, type PlacedGroup, type TimelineLayout } from '../../console/timeline-layout.ts';
import { SEGMENT_TEXT, type Timeline, type TimelineMarker } from '../../console/timeline.ts';
import { kst, translator, type Lang } from '../ui/format.ts';

const TONE_CLASS: Record<TimelineMarker['tone'], string> = { ok: 'tl-mk-ok', bad: 'tl-mk-bad', pg: 'tl-mk-pg', info: 'tl-mk-info', neutral: '' };

/** Where a group's label block sits: above PortOne's band, below the PG's. */
function blockOf(l: TimelineLayout, g: PlacedGroup) {
  const lane = l.lanes[g.lane];
  const center = lane.bandY + l.bandH / 2;
  const top = lane.direction < 0 ? lane.bandY - l.labelGap - g.offset - g.height : lane.bandY + l.bandH + l.labelGap + g.offset;
  return { center, top, leaderTo: lane.direction < 0 ? top + g.height : top };
}

/**
 * The dual ledger as a picture: PortOne's lane above, the PG's below, on one (log-scaled) time
 * axis; state bands, event markers, pending timers dashed, the store clock's "now", and the
 * divergence hatched between the lanes. Pure SVG with classes (the CSP forbids inline styles).
 */
export function TimelineFigure(props: { timeline: Timeline; lang: Lang }) {
  const { timeline: tl, lang } = props;
  const t = translator(lang);
  const l = layoutTimeline(tl, lang);
  const bandP = l.lanes.portone.bandY;
  const bandG = l.lanes.pg.bandY;
  const nowX = l.x(tl.now);
  const laneBox = (lane: 'portone' | 'pg') => {
    const g = l.lanes[lane];
    const span = g.labelSpace + l.labelGap + 6;
    return g.direction < 0 ? { y: g.bandY - span, h: span + l.bandH + 8 } : { y: g.bandY - 8, h: span + l.bandH + 8 };
  };
  const boxP = laneBox('portone');
  const boxG = laneBox('pg');
  // A segment's label gives way to event dots drawn over it.
  const covered = (lane: 'portone' | 'pg', center: number, width: number) =>
    l.groups.some((g) => g.lane === lane && g.dots.some((d) => Math.abs(d.x - center) < width / 2 + 8));
  const divergence = tl.divergence && {
    x0: l.x(tl.divergence.from),
    x1: l.x(tl.divergence.to),
    text: tl.divergence.reason[lang],
  };
  // The divergence's label goes inside its hatched area when it fits, else just left of it.
  const divergenceLabel = divergence && (divergence.x1 - divergence.x0 > textWidth(divergence.text) + 16
    ? { x: (divergence.x0 + divergence.x1) / 2, anchor: 'middle' }
    : { x: divergence.x0 - 6, anchor: 'end' });
  const summary = tl.divergence ? tl.divergence.reason[lang] : t('두 원장이 일치합니다.', 'Both ledgers agree.');

  return (
    <figure class="stack">
      <div class="timeline">
        <svg viewBox={`0 0 ${l.width} ${l.height}`} role="img" aria-labelledby="tl-title tl-desc" data-testid="timeline">
          <title id="tl-title">{t('포트원 원장과 PG 원장의 시간순 비교', 'PortOne ledger and PG ledger over time')}</title>
          <desc id="tl-desc">{summary}</desc>
          <defs>
            <pattern id="tl-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <line x1="0" y1="0" x2="0" y2="8" class="tl-hatch-line" />
            </pattern>
          </defs>

          <rect x="6" y={boxP.y} width={l.width - 12} height={boxP.h} rx="8" class="tl-lane" />
          <rect x="6" y={boxG.y} width={l.width - 12} height={boxG.h} rx="8" class="tl-lane" />
          <text x="16" y={bandP + 8} class="tl-lane-title">PortOne</text>
          <text x="16" y={bandP + 22} class="tl-lane-sub">{t('포트원이 보는 상태', "PortOne's view")}</text>
          <text x="16" y={bandG + 8} class="tl-lane-title">PG</text>
          <text x="16" y={bandG + 22} class="tl-lane-sub">{t('PG사 원장 (실제 돈)', "PG's ledger (money)")}</text>

          {divergence && divergenceLabel && (
            <g data-testid="divergence">
              <rect x={divergence.x0} y={bandP + l.bandH + 4} width={Math.max(4, divergence.x1 - divergence.x0)} height={bandG - bandP - l.bandH - 8} class="tl-diverge" />
              <text x={divergenceLabel.x} y={(bandP + l.bandH + bandG) / 2 + 4} text-anchor={divergenceLabel.anchor} class="tl-diverge-label">
                {divergence.text}
              </text>
            </g>
          )}

          {tl.segments.map((s) => {
            const x0 = l.x(s.from);
            const w = Math.max(3, l.x(s.to) - x0);
            const y = s.lane === 'portone' ? bandP : bandG;
            const label = SEGMENT_TEXT[s.state][lang];
            return (
              <g data-segment={s.state} data-projected={s.projected ? 'true' : undefined}>
                <rect x={x0} y={y} width={w} height={l.bandH} rx="3" class={`tl-seg tl-seg-${s.state}${s.projected ? ' tl-seg-projected' : ''}`} />
                {w > textWidth(label) + 12 && !covered(s.lane, x0 + w / 2, textWidth(label)) && (
                  <text x={x0 + w / 2} y={y + 14} text-anchor="middle" class={s.projected ? 'tl-seg-label tl-seg-label-projected' : 'tl-seg-label'}>
                    {label}
                  </text>
                )}
              </g>
            );
          })}

          {l.groups
            .filter((g) => g.pending)
            .map((g) => (
              <line x1={g.x} x2={g.x} y1={16} y2={l.axisY} class="tl-pending-line" />
            ))}

          <line x1={nowX} x2={nowX} y1={14} y2={l.axisY} class="tl-now" />
          <text x={nowX} y={11} text-anchor={nowX > l.right - 120 ? 'end' : nowX < l.left + 80 ? 'start' : 'middle'} class="tl-now-label">
            {t(`지금 (상점 시계) ${kst(tl.now).slice(5, 16)}`, `now (store clock) ${kst(tl.now).slice(5, 16)}`)}
          </text>

          {l.groups.map((g) => {
            const b = blockOf(l, g);
            return (
              <g data-kind={g.pending ? 'pending' : 'event'}>
                <line x1={g.x} x2={g.x} y1={b.center} y2={b.leaderTo} class="tl-leader" />
                {g.dots.map((d) => (
                  <circle cx={d.x} cy={b.center} r="6" class={`tl-mk ${g.pending ? 'tl-mk-pending' : TONE_CLASS[d.marker.tone]}`} />
                ))}
                {g.lines.map((line, i) => (
                  <text x={g.x} y={b.top + 11 + i * l.lineH} text-anchor={g.anchor} class={g.pending ? 'tl-pending-label' : 'tl-label'}>
                    {line}
                  </text>
                ))}
                <text x={g.x} y={b.top + 11 + g.lines.length * l.lineH} text-anchor={g.anchor} class="tl-label-time">
                  {g.time}
                </text>
              </g>
            );
          })}

          <line x1={l.left} x2={l.right} y1={l.axisY} y2={l.axisY} class="tl-axis" />
          {l.ticks.map((tick) => (
            <g>
              <line x1={tick.x} x2={tick.x} y1={l.axisY - 4} y2={l.axisY + 4} class="tl-axis" />
              <text x={tick.x} y={l.axisY + 17} text-anchor="middle" class="tl-tick-label">
                {tick.label}
              </text>
            </g>
          ))}
          {l.breaks.map((b) => (
            <g>
              <path d={`M${b.x - 7} ${l.axisY + 6} l5 -12 M${b.x + 1} ${l.axisY + 6} l5 -12`} class="tl-break" />
              <text x={b.x} y={l.axisY + 33} text-anchor="middle" class="tl-tick-label">
                {b.text}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <figcaption>
        <ul class="tl-legend">
          <li>
            <span class="sw sw-paid"></span>
            {t('결제완료', 'PAID')}
          </li>
          <li>
            <span class="sw sw-held"></span>
            {t('PG가 돈을 보유 (실제 출금)', 'money held by the PG')}
          </li>
          <li>
            <span class="sw sw-approved"></span>
            {t('승인, 출금 없음', 'approved, nothing withdrawn')}
          </li>
          <li>
            <span class="sw sw-voided"></span>
            {t('PG가 취소·환불', 'voided by the PG')}
          </li>
          <li>
            <span class="sw sw-va"></span>
            {t('가상계좌 입금대기', 'virtual account waiting')}
          </li>
          <li>
            <span class="sw sw-pending"></span>
            {t('예정된 타이머 (점선)', 'pending timer (dashed)')}
          </li>
          <li>{t('눈금은 로그 간격: 긴 공백은 ≈ 표시와 실제 길이', 'log-spaced axis: long gaps show ≈ and their length')}</li>
        </ul>
        <details>
          <summary>{t('시간순 이벤트 목록 (텍스트)', 'Events in order (text)')}</summary>
          <ol class="events small">
            {tl.markers.map((m) => (
              <li>
                {kst(m.at)} KST · {m.lane === 'portone' ? 'PortOne' : 'PG'} · {m.label[lang]}
                {m.pending ? t(' (예정)', ' (pending)') : ''}
              </li>
            ))}
          </ol>
        </details>
      </figcaption>
    </figure>
  );
}
