/** The soak's summary: each check held or not, with its figures; the run fails if any did not hold. */
export interface Check {
  name: string;
  held: boolean;
  detail: string;
}

export class Report {
  readonly checks: Check[] = [];
  readonly notes: string[] = [];

  check(name: string, held: boolean, detail: string, problems: readonly string[] = []): void {
    this.checks.push({ name, held, detail: problems.length > 0 ? `${detail}; e.g. ${problems.slice(0, 3).join(' | ')}` : detail });
  }

  note(line: string): void {
    this.notes.push(line);
  }

  get held(): boolean {
    return this.checks.length > 0 && this.checks.every((c) => c.held);
  }

  toString(): string {
    const width = Math.max(...this.checks.map((c) => c.name.length));
    return [
      ...this.checks.map((c) => `${c.held ? 'held  ' : 'FAILED'}  ${c.name.padEnd(width)}  ${c.detail}`),
      ...this.notes.map((n) => `        ${n}`),
      '',
      this.held ? `soak: all ${this.checks.length} checks held` : `soak: ${this.checks.filter((c) => !c.held).length} of ${this.checks.length} checks FAILED`,
    ].join('\n');
  }
}
