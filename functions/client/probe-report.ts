/**
 * A webhook probe report (POST /sandbox/webhook/probe) as a terminal table, for `npm run probe`
 * and for test suites that print why a receiver failed.
 */
import type { ProbeReport } from './api-types.ts';

export function formatProbeReport(report: ProbeReport): string {
  const rows = report.checks.map((c) => [c.passed ? 'PASS' : 'FAIL', c.id, c.expect === 'ACCEPT' ? '2xx' : 'non-2xx', c.detail]);
  const widths = [4, Math.max(...rows.map((r) => r[1]!.length), 5), 7];
  const line = (cells: string[]) => cells.map((cell, i) => (i < widths.length ? cell.padEnd(widths[i]!) : cell)).join('  ');
  return [
    `Webhook receiver probe of ${report.url} (timeout ${report.timeoutMs} ms)`,
    `payments used: ${report.payments.paid} (paid), ${report.payments.cancelled} (cancelled)`,
    '',
    line(['', 'check', 'expects', 'what happened']),
    ...rows.map(line),
    '',
    `${report.passed}/${report.total} checks passed; slowest answer ${report.slowestMs} ms. ${report.ok ? 'The receiver is ready for PortOne.' : 'Fix the FAIL lines before going live.'}`,
  ].join('\n');
}
