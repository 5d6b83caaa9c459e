import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOC_FILES, REPO_ROOT } from '../../scripts/generate-docs.ts';

// The docs are generated from the domain data; a failure here means someone changed the data (or the
// generator) without regenerating: run `npm run docs` and commit the result.
describe('generated docs are fresh', () => {
  for (const [relative, render] of Object.entries(DOC_FILES)) {
    it(`${relative} equals the generator's output`, () => {
      const committed = readFileSync(resolve(REPO_ROOT, relative), 'utf8');
      expect(committed).toBe(render());
    });
  }
});
