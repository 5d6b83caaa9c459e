/**
 * Parses EventBridge Scheduler schedule expressions. Only at() yields a firing time;
 * rate() and cron() are checked for shape so that code valid on AWS is accepted locally.
 */

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export type ScheduleExpression =
  | { kind: 'at'; at: LocalDateTime }
  | { kind: 'rate'; value: number; unit: 'minute' | 'hour' | 'day' }
  | { kind: 'cron'; fields: readonly string[] };

// AWS takes wall-clock time only: a zone suffix or fractional seconds are rejected, since the zone
// comes from ScheduleExpressionTimezone.
const AT = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/;
const RATE = /^rate\(([1-9]\d*) (minutes?|hours?|days?)\)$/;
// Six space-separated fields (minutes hours day-of-month month day-of-week year); the field grammar
// itself is not checked because cron schedules never fire locally.
const CRON = /^cron\((\S+(?: \S+){5})\)$/;

export function parseScheduleExpression(text: string): ScheduleExpression | undefined {
  const at = AT.exec(text);
  if (at) {
    const [year, month, day, hour, minute, second] = at.slice(1).map(Number) as [
      number, number, number, number, number, number,
    ];
    const valid =
      month >= 1 && month <= 12 &&
      day >= 1 && day <= daysInMonth(year, month) &&
      hour <= 23 && minute <= 59 && second <= 59;
    return valid ? { kind: 'at', at: { year, month, day, hour, minute, second } } : undefined;
  }
  const rate = RATE.exec(text);
  if (rate) {
    const unit = (rate[2] ?? '').replace(/s$/, '') as 'minute' | 'hour' | 'day';
    return { kind: 'rate', value: Number(rate[1]), unit };
  }
  const cron = CRON.exec(text);
  if (cron) return { kind: 'cron', fields: (cron[1] ?? '').split(' ') };
  return undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
