/**
 * What a client saw for one call through the official SDK, in the few kinds the soak's checks
 * count. The SDK throws `<Operation>Error` carrying PortOne's `{type, message}` body for any
 * non-2xx answer, a SyntaxError if that body was not JSON, and fetch's TypeError when no answer
 * came at all.
 */
export type Outcome<T> =
  | { kind: 'ok'; value: T }
  /** A PortOne-shaped refusal (`type` names it; UNAVAILABLE is the 503 of a dependency failure). */
  | { kind: 'refused'; type: string; message: string }
  /** An answer that is not PortOne's JSON error shape. */
  | { kind: 'garbled'; detail: string }
  /** No answer: the connection was refused or broken (`sent` says whether the request may have arrived). */
  | { kind: 'connection'; code: string; sent: boolean }
  /** No answer within the hang limit. */
  | { kind: 'hang' };

export type OutcomeKind = Outcome<unknown>['kind'];

/** Refused before a byte was sent: the request cannot have had an effect. */
const NOT_SENT = new Set(['ECONNREFUSED']);

function errorCode(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err as Error).message;
}

/** Runs `call` and says what the client saw, giving up after `hangMs`. */
export async function observe<T>(call: () => Promise<T>, hangMs: number): Promise<Outcome<T>> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<Outcome<T>>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'hang' }), hangMs);
  });
  const answered = call().then(
    (value): Outcome<T> => ({ kind: 'ok', value }),
    (err: unknown): Outcome<T> => {
      const data = (err as { data?: { type?: unknown; message?: unknown } }).data;
      if (data !== undefined) {
        return typeof data.type === 'string' && typeof data.message === 'string'
          ? { kind: 'refused', type: data.type, message: data.message }
          : { kind: 'garbled', detail: JSON.stringify(data).slice(0, 200) };
      }
      if (err instanceof SyntaxError) return { kind: 'garbled', detail: `not JSON: ${err.message}` };
      if (err instanceof TypeError) {
        const code = errorCode(err);
        return { kind: 'connection', code, sent: !NOT_SENT.has(code) };
      }
      return { kind: 'garbled', detail: String(err).slice(0, 200) };
    },
  );
  try {
    return await Promise.race([answered, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** Counts of outcome kinds (and refusal types), for the summary. */
export class OutcomeTally {
  readonly kinds = new Map<string, number>();
  readonly examples: string[] = [];

  add(outcome: Outcome<unknown>): void {
    const key = outcome.kind === 'refused' ? `refused ${outcome.type}` : outcome.kind === 'connection' ? `connection ${outcome.code}` : outcome.kind;
    this.kinds.set(key, (this.kinds.get(key) ?? 0) + 1);
    if ((outcome.kind === 'garbled' || outcome.kind === 'hang') && this.examples.length < 5) this.examples.push(JSON.stringify(outcome));
  }

  count(prefix: string): number {
    let n = 0;
    for (const [key, value] of this.kinds) if (key === prefix || key.startsWith(`${prefix} `)) n += value;
    return n;
  }

  toString(): string {
    return [...this.kinds].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
  }
}
