import { TEST_CARDS, type TestCard } from '../../functions/domain/cards.ts';

/** A test card from the documented table, by issuer code and type (and decline reason). */
export function card(issuer: string, type: 'CREDIT' | 'DEBIT' = 'CREDIT', decline?: string): TestCard {
  const found = TEST_CARDS.find((c) => c.issuer === issuer && c.type === type && (decline ? c.decline?.reason === decline : !c.decline) && !c.published);
  if (!found) throw new Error(`no test card for ${issuer} ${type} ${decline ?? ''}`);
  return found;
}

/** The SDK's card method input for a test card. */
export const cardMethod = (c: TestCard) => ({
  card: { credential: { number: c.number, expiryYear: '30', expiryMonth: '12' } },
});
