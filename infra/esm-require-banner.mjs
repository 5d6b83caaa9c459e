/**
 * `require` for CommonJS code bundled into an ES module (the AWS SDK has dynamic `require`s of
 * node built-ins); without it the first SDK call fails with `Dynamic require of "node:https"`.
 * Used by the Lambda bundles (constructs/sandbox-function.ts), the npm package (scripts/build-package.ts)
 * and npm start's bundle (functions/local/runtime-bundle.mjs, which runs before tsx: hence plain JavaScript).
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __pgSandboxCreateRequire } from 'node:module'; const require = __pgSandboxCreateRequire(import.meta.url);";
