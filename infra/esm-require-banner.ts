/**
 * `require` for CommonJS code bundled into an ES module (the AWS SDK has dynamic `require`s of
 * node built-ins); without it the first SDK call fails with `Dynamic require of "node:https"`.
 * Used by the Lambda bundles (constructs/sandbox-function.ts) and the npm package (scripts/build-package.ts).
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __pgSandboxCreateRequire } from 'node:module'; const require = __pgSandboxCreateRequire(import.meta.url);";
