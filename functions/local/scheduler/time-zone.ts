/**
 * Turns a wall-clock time in an IANA zone into an instant, using only Intl so that every
 * zone and DST rule known to the runtime's ICU data is handled.
 */
import type { LocalDateTime } from './expression.ts';

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** AWS wants an IANA name; Intl also accepts offsets such as "+09:00", which AWS does not. */
export function isValidTimeZone(zone: string): boolean {
  if (!/^[A-Za-z]/.test(zone)) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant at which clocks in `zone` show `local`. Ambiguities are resolved like Temporal's
 * "compatible" disambiguation: in a fall-back overlap the earlier instant wins, and a time skipped
 * by a spring-forward gap is moved forward by the gap's length.
 */
export function zonedTimeToInstant(local: LocalDateTime, zone: string): number {
  const wall = utcMillis(local);
  const offsetBefore = offsetAt(wall - DAY_MS, zone);
  const offsetAfter = offsetAt(wall + DAY_MS, zone);
  const matches = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => wall - offset)
    .filter((instant) => instant + offsetAt(instant, zone) === wall);
  if (matches.length > 0) return Math.min(...matches);
  return wall - offsetBefore;
}

/** Milliseconds to add to an instant to get the zone's wall-clock time, read as if it were UTC. */
export function offsetAt(instant: number, zone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  const parts = formatterFor(zone).formatToParts(new Date(whole));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  const wall = utcMillis({
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  });
  return wall - whole;
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

// Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
function utcMillis(t: LocalDateTime): number {
  const date = new Date(0);
  date.setUTCFullYear(t.year, t.month - 1, t.day);
  date.setUTCHours(t.hour, t.minute, t.second, 0);
  return date.getTime();
}
