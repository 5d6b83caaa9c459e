import { describe, expect, it } from 'vitest';
import { kstDateTime, kstMidnight, kstMinuteOfDay, kstWallClock, parseHhmm, toKst } from '../../functions/domain/kst.ts';

describe('Korean time', () => {
  it('writes an instant on the KST wall clock, crossing the date line at 15:00Z', () => {
    expect(toKst('2025-03-10T14:59:59.999Z')).toBe('2025-03-10T23:59:59+09:00');
    expect(toKst('2025-03-10T15:00:00Z')).toBe('2025-03-11T00:00:00+09:00');
    expect(toKst(Date.parse('2025-12-31T15:00:00Z'))).toBe('2026-01-01T00:00:00+09:00');
    expect(toKst(new Date('2025-06-01T00:00:00Z'))).toBe('2025-06-01T09:00:00+09:00');
  });

  it('the written form is the same instant', () => {
    const at = '2025-07-01T03:04:05Z';
    expect(Date.parse(toKst(at))).toBe(Date.parse(at));
  });

  it('has a form for people, without the offset', () => {
    expect(kstDateTime('2025-11-26T05:03:12.345Z')).toBe('2025-11-26 14:03:12');
  });

  it('reads the wall clock fields in UTC getters', () => {
    const wall = kstWallClock(new Date('2025-01-31T16:00:00Z'));
    expect([wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate(), wall.getUTCHours()]).toEqual([2025, 2, 1, 1]);
  });

  it('counts minutes from KST midnight', () => {
    expect(kstMinuteOfDay(new Date('2025-03-10T15:00:00Z'))).toBe(0);
    expect(kstMinuteOfDay(new Date('2025-03-10T14:59:00Z'))).toBe(23 * 60 + 59);
    expect(kstMinuteOfDay(new Date('2025-03-10T21:00:00Z'))).toBe(6 * 60);
  });

  it('finds KST midnight of the KST day, before 1970 too', () => {
    expect(new Date(kstMidnight(new Date('2025-03-10T14:59:59Z'))).toISOString()).toBe('2025-03-09T15:00:00.000Z');
    expect(new Date(kstMidnight(new Date('1969-12-31T20:00:00Z'))).toISOString()).toBe('1969-12-31T15:00:00.000Z');
  });

  it('parses HH:MM strictly', () => {
    expect(parseHhmm('00:00')).toBe(0);
    expect(parseHhmm('06:00')).toBe(360);
    expect(parseHhmm('23:59')).toBe(1439);
    for (const bad of ['24:00', '6:00', '06:60', '06:00:00', '', 'ab:cd']) expect(() => parseHhmm(bad)).toThrow(/HH:MM/);
  });
});
