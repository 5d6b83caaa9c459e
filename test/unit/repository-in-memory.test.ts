import { billingRepositoryContract } from '../contract/billing-repository.contract.ts';
import { identityVerificationRepositoryContract } from '../contract/identity-verification-repository.contract.ts';
import { promotionRepositoryContract } from '../contract/promotion-repository.contract.ts';
import { checkoutRepositoryContract } from '../contract/checkout-repository.contract.ts';
import { repositoryContract } from '../contract/repository.contract.ts';
import { InMemoryRepository } from '../support/in-memory-repository.ts';

// One double for the whole file, like one table for the DynamoDB run: cases use their own store ids.
const repo = new InMemoryRepository();
repositoryContract('in memory', () => repo);
billingRepositoryContract('in memory', () => repo);
identityVerificationRepositoryContract('in memory', () => repo);
promotionRepositoryContract('in memory', () => repo);
checkoutRepositoryContract('in memory', () => repo);
