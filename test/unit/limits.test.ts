import { describe, expect, it } from 'vitest';
import { DYNAMODB_ITEM_LIMIT_BYTES, LIMITS, PAYMENT_ITEM_WORST_CASE_BYTES, idProblem, tooDeepPath } from '../../functions/domain/limits.ts';
import { PORTONE_BANK_NAMES, PORTONE_BANKS, PORTONE_COUNTRIES, PORTONE_CURRENCIES } from '../../functions/domain/portone-codes.ts';
import { acceptedCurrencies, currencyProblem } from '../../functions/domain/currencies.ts';
import { PROFILES } from '../../functions/domain/profiles/index.ts';
import { readFileSync } from 'node:fs';

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

describe('limits', () => {
  it('keep the largest possible payment item, through its last cancellation, under DynamoDB’s 400 KB', () => {
    expect(PAYMENT_ITEM_WORST_CASE_BYTES).toBeLessThan(DYNAMODB_ITEM_LIMIT_BYTES);
  });

  it('measure ids in UTF-8 bytes', () => {
    expect(idProblem('a'.repeat(LIMITS.idBytes))).toBeUndefined();
    expect(idProblem('a'.repeat(LIMITS.idBytes + 1))).toMatch(/bytes/);
    expect(idProblem('가'.repeat(Math.ceil((LIMITS.idBytes + 1) / 3)))).toMatch(/bytes/);
    expect(idProblem('a\u0000b')).toMatch(/control/);
    expect(idProblem('')).toMatch(/empty/);
  });

  it('find the path where JSON nests too deep, without recursion, however deep', () => {
    expect(tooDeepPath(nested(LIMITS.jsonDepth - 1))).toBeUndefined();
    expect(tooDeepPath({ a: { b: nested(LIMITS.jsonDepth) } })?.slice(0, 3)).toEqual(['a', 'b', 0]);
    expect(tooDeepPath(nested(200_000))).toHaveLength(LIMITS.jsonDepth);
  });
});

describe('PortOne codes and currencies', () => {
  it('are PortOne’s Bank, Currency and Country enums, exactly', () => {
    const oas = JSON.parse(readFileSync(new URL('../fixtures/portone-v2-openapi.json', import.meta.url), 'utf8')) as {
      components: { schemas: Record<string, { enum: string[]; 'x-portone-enum'?: Record<string, { title: string }> }> };
    };
    expect([...PORTONE_BANKS]).toEqual(oas.components.schemas.Bank!.enum);
    // getBankInfos answers these names: PortOne's own Korean title of each code.
    expect(PORTONE_BANK_NAMES).toEqual(Object.fromEntries(Object.entries(oas.components.schemas.Bank!['x-portone-enum']!).map(([code, { title }]) => [code, title])));
    expect([...PORTONE_CURRENCIES]).toEqual(oas.components.schemas.Currency!.enum);
    expect([...PORTONE_COUNTRIES]).toEqual(oas.components.schemas.Country!.enum);
  });

  it('domestic PGs take KRW only; overseas PGs take real currencies but never XXX', () => {
    for (const profile of PROFILES) {
      expect(acceptedCurrencies(profile)).toContain('KRW');
      expect(currencyProblem(profile, 'XXX')).toBeTruthy();
      if (profile.kind === 'GLOBAL') expect(currencyProblem(profile, 'USD')).toBeUndefined();
      else expect(currencyProblem(profile, 'USD')).toMatch(/KRW/);
    }
  });
});
