/**
 * The typed client's types (functions/client/api-types.ts) are generated from the sandbox API's
 * OpenAPI document; a change to the document without regenerating them fails here.
 * Fix: node --import tsx scripts/generate-client-types.ts
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CLIENT_TYPES_FILE, generateClientTypes } from '../../scripts/generate-client-types.ts';

it('functions/client/api-types.ts is what the OpenAPI document generates', () => {
  expect(readFileSync(CLIENT_TYPES_FILE, 'utf8')).toBe(generateClientTypes());
});
