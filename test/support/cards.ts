import { TEST_CARDS, type TestCard } from '../../functions/domain/cards.ts';

/** A test card from the documented table that approves, by issuer code and type. */
export function card(issuer: string, type: 'CREDIT' | 'DEBIT' = 'CREDIT'): TestCard {
  const found = TEST_CARDS.find((c) => c.issuer === issuer && c.type === type && !c.decline && !c.published);
  if (!found) throw new Error(`no test card for ${issuer} ${type}`);
  return found;
}

/** The SDK's card method input for a test card. */
export const cardMethod = (c: TestCard) => ({
  card: { credential: { number: c.number, expiryYear: '30', expiryMonth: '12' } },
});

/** The magic decline card for a reason (INSUFFICIENT_BALANCE, EXPIRED_CARD, LOST_OR_STOLEN_CARD, LIMIT_EXCEEDED). */
export function declineCard(reason: string): TestCard {
  const found = TEST_CARDS.find((c) => c.decline?.reason === reason);
  if (!found) throw new Error(`no decline card for ${reason}`);
  return found;
}
