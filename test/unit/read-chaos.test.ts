import { describe, expect, it } from 'vitest';
import { MAX_CHAOS_DELAY_MS, readChaos } from '../../functions/webhooks/chaos.ts';

describe('readChaos (stored chaos settings, read by the sender)', () => {
  it('keeps valid settings as they are', () => {
    const all = { duplicate: true, delayMs: MAX_CHAOS_DELAY_MS, invalidSignature: false, staleTimestamp: true, outOfOrder: true };
    expect(readChaos(all)).toEqual(all);
    expect(readChaos({ delayMs: 0 })).toEqual({ delayMs: 0 });
    expect(readChaos(undefined)).toEqual({});
    expect(readChaos({})).toEqual({});
  });

  it('counts anything the API would refuse as chaos off, never as a crash', () => {
    for (const raw of [
      null,
      'duplicate',
      [true],
      { duplicate: 'yes' },
      { duplicate: null },
      { delayMs: -1 },
      { delayMs: 1.5 },
      { delayMs: MAX_CHAOS_DELAY_MS + 1 },
      { delayMs: '100' },
      { duplicate: true, unknownMode: true },
    ]) {
      expect(readChaos(raw), JSON.stringify(raw)).toEqual({});
    }
  });
});
