/**
 * The `billingIssueToken` of a manually confirmed issuance (수동 승인): what the browser hands the
 * merchant instead of the key, and what confirmBillingKey takes. It names the pending key; the
 * confirm call is authenticated with the store's secret and finds only that store's keys.
 */
const PREFIX = 'billing-issue-token.';

export const issueTokenOf = (billingKey: string) => `${PREFIX}${billingKey}`;

/** The pending key a token names, or undefined when it is not one of ours. */
export const billingKeyOfIssueToken = (token: string): string | undefined =>
  token.startsWith(PREFIX) && token.length > PREFIX.length ? token.slice(PREFIX.length) : undefined;
