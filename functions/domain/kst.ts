/**
 * Korean time, the clock every PG rule is written in. Korea Standard Time is UTC+9 all year: Korea
 * has had no daylight saving since 1988, so a constant offset is exact and needs no time-zone
 * database (the local Scheduler, which must honour any IANA zone, uses Intl instead).
 */

/** The IANA name of that clock, where a service wants a zone (EventBridge Scheduler). */
export const KST_TIME_ZONE = 'Asia/Seoul';
export const KST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const millis = (at: string | number | Date) => (typeof at === 'string' ? Date.parse(at) : typeof at === 'number' ? at : at.getTime());

/** The KST wall clock of an instant, as a Date whose UTC fields read as Korean time. */
export const kstWallClock = (at: string | number | Date): Date => new Date(millis(at) + KST_OFFSET_MS);

/** `2025-11-26T14:03:12+09:00`: the same instant, written in Korean time (milliseconds dropped). */
export const toKst = (at: string | number | Date): string => `${kstWallClock(at).toISOString().slice(0, 19)}+09:00`;

/** `2025-11-26 14:03:12`, Korean time, for people (the console, the checkout window). */
export const kstDateTime = (at: string | number | Date): string => toKst(at).slice(0, 19).replace('T', ' ');

/** Minutes after KST midnight (0–1439). */
export function kstMinuteOfDay(at: Date): number {
  const wall = kstWallClock(at);
  return wall.getUTCHours() * 60 + wall.getUTCMinutes();
}

/** UTC instant (ms) of KST midnight of the KST calendar day containing `at`. */
export function kstMidnight(at: Date): number {
  const shifted = at.getTime() + KST_OFFSET_MS;
  return shifted - (((shifted % DAY_MS) + DAY_MS) % DAY_MS) - KST_OFFSET_MS;
}

/** Minutes after midnight of "HH:MM" (00:00–23:59); throws on anything else. */
export function parseHhmm(value: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!m) throw new Error(`invalid time of day "${value}", expected HH:MM`);
  return Number(m[1]) * 60 + Number(m[2]);
}
