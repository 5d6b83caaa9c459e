import { toKst } from '../domain/kst.ts';
import type { Lane, Timeline, TimelineMarker } from './timeline.ts';

/**
 * Geometry of the timeline picture. The time axis is not linear: a payment's story is a second of
 * approval and webhooks, then hours until the PG's batch void, so each gap between two moments
 * gets a width that grows with the logarithm of its length, and long gaps get an axis break with
 * their real length written on it. Events of the same second on one lane form one group (dots side
 * by side, one label block); label blocks that would overlap are moved away from the band.
 */
export type Lang = 'ko' | 'en';

export const WIDTH = 1000;
const LEFT = 128;
const RIGHT = WIDTH - 24;
const BAND_H = 20;
const GAP_BETWEEN_LANES = 46;
const LINE_H = 14;
const DOT_SPACING = 13;
const LABEL_GAP = 10;

export interface PlacedGroup {
  lane: Lane;
  pending: boolean;
  /** The group's moment on the axis. */
  x: number;
  /** Each event's dot. */
  dots: { x: number; marker: TimelineMarker }[];
  lines: string[];
  time: string;
  anchor: 'start' | 'middle' | 'end';
  /** Distance of the label block from its band (px). */
  offset: number;
  height: number;
}

export interface LaneGeometry {
  bandY: number;
  /** Height of the label area beside the band. */
  labelSpace: number;
  /** -1: labels above the band (PortOne); 1: below (PG), leaving the space between bands to the divergence. */
  direction: -1 | 1;
}

export interface TimelineLayout {
  width: number;
  height: number;
  left: number;
  right: number;
  bandH: number;
  lineH: number;
  labelGap: number;
  lanes: Record<Lane, LaneGeometry>;
  axisY: number;
  x: (iso: string) => number;
  groups: PlacedGroup[];
  ticks: { x: number; label: string }[];
  breaks: { x: number; text: string }[];
}

/** Rough rendered width of an 11px label: CJK and symbols are about twice as wide as Latin. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u0020-\u007e]/.test(ch) ? 6.2 : 11;
  return w;
}

function durationText(ms: number, lang: Lang): string {
  const minutes = Math.round(ms / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts = lang === 'ko' ? [d && `${d}일`, h && `${h}시간`, !d && m && `${m}분`] : [d && `${d} d`, h && `${h} h`, !d && m && `${m} min`];
  return `+${parts.filter(Boolean).join(' ') || (lang === 'ko' ? '1분 미만' : '<1 min')}`;
}

/** Moments closer than a second are one moment on the axis. */
const second = (iso: string) => Math.floor(Date.parse(iso) / 1000) * 1000;

/** x for every moment: log-width gaps between the distinct seconds, linear inside a gap. */
export function timeScale(times: readonly string[], x0: number, x1: number) {
  const stops = [...new Set(times.map(second))].sort((a, b) => a - b);
  if (stops.length === 1) return { x: () => (x0 + x1) / 2, stops: [{ ms: stops[0]!, x: (x0 + x1) / 2 }] };
  const weights = stops.slice(1).map((t, i) => 1.6 + Math.log10(1 + (t - stops[i]!) / 1000));
  const total = weights.reduce((a, b) => a + b, 0);
  const placed = [{ ms: stops[0]!, x: x0 }];
  let acc = 0;
  weights.forEach((w, i) => {
    acc += w;
    placed.push({ ms: stops[i + 1]!, x: x0 + ((x1 - x0) * acc) / total });
  });
  const x = (iso: string) => {
    const t = second(iso);
    if (t <= placed[0]!.ms) return placed[0]!.x;
    for (let i = 1; i < placed.length; i++) {
      const a = placed[i - 1]!;
      const b = placed[i]!;
      if (t <= b.ms) return a.x + ((b.x - a.x) * (t - a.ms)) / (b.ms - a.ms);
    }
    return placed.at(-1)!.x;
  };
  return { x, stops: placed };
}

function groupMarkers(markers: readonly TimelineMarker[], x: (iso: string) => number, lang: Lang): PlacedGroup[] {
  const groups = new Map<string, TimelineMarker[]>();
  for (const m of markers) {
    const key = `${m.lane}|${second(m.at)}|${m.pending}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.values()].map((members) => {
    const first = members[0]!;
    const gx = x(first.at);
    const hhmmss = toKst(first.at).slice(11, 19);
    return {
      lane: first.lane,
      pending: first.pending,
      x: gx,
      dots: members.map((marker, i) => ({ x: gx + (i - (members.length - 1) / 2) * DOT_SPACING, marker })),
      lines: members.map((m) => m.label[lang]),
      time: hhmmss,
      anchor: 'middle',
      offset: 0,
      height: members.length * LINE_H + LINE_H,
    };
  });
}

/** Puts each label block as close to its band as it can go without overlapping another block. */
function place(groups: PlacedGroup[], left: number, right: number): number {
  const boxes: { x0: number; x1: number; y0: number; y1: number }[] = [];
  for (const g of [...groups].sort((a, b) => a.x - b.x)) {
    const w = Math.max(...g.lines.map(textWidth), textWidth(g.time)) + 8;
    let x0 = g.x - w / 2;
    g.anchor = 'middle';
    if (x0 < left - 40) {
      x0 = g.x - 6;
      g.anchor = 'start';
    } else if (g.x + w / 2 > right + 16) {
      x0 = g.x + 6 - w;
      g.anchor = 'end';
    }
    const x1 = x0 + w;
    const overlapping = boxes.filter((b) => b.x0 < x1 && x0 < b.x1);
    const candidates = [0, ...overlapping.map((b) => b.y1 + 4)].sort((a, b) => a - b);
    const y0 = candidates.find((y) => overlapping.every((b) => y + g.height <= b.y0 || y >= b.y1)) ?? 0;
    g.offset = y0;
    boxes.push({ x0, x1, y0, y1: y0 + g.height });
  }
  return Math.max(LINE_H * 2, ...boxes.map((b) => b.y1));
}

export function layoutTimeline(tl: Timeline, lang: Lang): TimelineLayout {
  const times = [tl.start, tl.now, tl.end, ...tl.markers.map((m) => m.at), ...tl.segments.flatMap((s) => [s.from, s.to])];
  const scale = timeScale(times, LEFT + 30, RIGHT - 30);
  const groups = groupMarkers(tl.markers, scale.x, lang);
  const spaceP = place(groups.filter((g) => g.lane === 'portone'), LEFT, RIGHT);
  const spaceG = place(groups.filter((g) => g.lane === 'pg'), LEFT, RIGHT);
  const top = 26; // room for the "now" label
  const bandP = top + spaceP + LABEL_GAP + 8;
  const bandG = bandP + BAND_H + GAP_BETWEEN_LANES;
  const axisY = bandG + BAND_H + LABEL_GAP + spaceG + 18;

  const ticks: { x: number; label: string }[] = [];
  let lastX = -Infinity;
  let lastDay = '';
  let lastMinute = '';
  for (const s of scale.stops) {
    const k = toKst(s.ms);
    const day = k.slice(5, 10);
    const minute = k.slice(11, 16);
    const label = day !== lastDay ? `${day} ${minute}` : minute;
    if (label === lastMinute || s.x - lastX < (label.length > 5 ? 76 : 44)) continue;
    ticks.push({ x: s.x, label });
    lastX = s.x;
    lastDay = day;
    lastMinute = minute;
  }
  const breaks: { x: number; text: string }[] = [];
  for (let i = 1; i < scale.stops.length; i++) {
    const a = scale.stops[i - 1]!;
    const b = scale.stops[i]!;
    if (b.ms - a.ms >= 60 * 60 * 1000) breaks.push({ x: (a.x + b.x) / 2, text: durationText(b.ms - a.ms, lang) });
  }
  return {
    width: WIDTH,
    height: axisY + 44,
    left: LEFT,
    right: RIGHT,
    bandH: BAND_H,
    lineH: LINE_H,
    labelGap: LABEL_GAP,
    lanes: {
      portone: { bandY: bandP, labelSpace: spaceP, direction: -1 },
      pg: { bandY: bandG, labelSpace: spaceG, direction: 1 },
    },
    axisY,
    x: scale.x,
    groups,
    ticks,
    breaks,
  };
}
