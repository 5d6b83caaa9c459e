import { describe, expect, it } from 'vitest';
import { ConcurrentModificationError, PortOneError } from '../../functions/domain/errors.ts';
import { retryOnConflict } from '../../functions/domain/retry.ts';

const lost = (current?: unknown) => new ConcurrentModificationError('thing', current);

describe('retryOnConflict', () => {
  it('returns the first round that wins, handing each round what the last one lost to', async () => {
    const seen: unknown[] = [];
    const result = await retryOnConflict<string, { v: number }>(5, async ({ attempt, current }) => {
      seen.push([attempt, current]);
      if (attempt === 1) throw lost({ v: 7 });
      if (attempt === 2) throw lost();
      return 'won';
    });
    expect(result).toBe('won');
    expect(seen).toEqual([
      [1, undefined],
      [2, { v: 7 }],
      [3, undefined],
    ]);
  });

  it('gives up after `limit` lost rounds with the last conflict', async () => {
    let rounds = 0;
    const last = lost('last');
    await expect(
      retryOnConflict(3, async () => {
        rounds++;
        throw rounds === 3 ? last : lost();
      }),
    ).rejects.toBe(last);
    expect(rounds).toBe(3);
  });

  it('or with what onExhausted makes of it', async () => {
    await expect(
      retryOnConflict(2, async () => Promise.reject(lost()), { onExhausted: () => new PortOneError('CONFLICT', 'busy') }),
    ).rejects.toMatchObject({ type: 'CONFLICT', message: 'busy' });
  });

  it('passes any other error on at once', async () => {
    let rounds = 0;
    const boom = new Error('boom');
    await expect(
      retryOnConflict(10, async () => {
        rounds++;
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(rounds).toBe(1);
  });

  it('asks for a back-off after each lost round, not before the first', async () => {
    const asked: number[] = [];
    await retryOnConflict(
      5,
      async ({ attempt }) => {
        if (attempt < 3) throw lost();
        return attempt;
      },
      { backoffMs: (attempt) => (asked.push(attempt), 0) },
    );
    expect(asked).toEqual([1, 2]);
  });
});
