import { defineConfig } from 'vitest/config';

// Quiet, offline AWS SDK and CDK in every test process.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.CDK_DISABLE_VERSION_CHECK = '1';
process.env.CDK_DISABLE_CLI_TELEMETRY = '1';
process.env.LOG_LEVEL ??= 'SILENT';

/**
 * One project per kind of test. Only the projects that need DynamoDB Local start it (once per run,
 * in globalSetup), so unit and infra tests stay fast.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 20_000 } },
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000 } },
      // The npm package as a user gets it: packed once (globalSetup). Installing it into temporary
      // projects (npm registry, minutes on 2 cores) runs in `npm run test:package`, which CI runs too.
      {
        test: {
          name: 'package',
          include: process.env.PG_SANDBOX_INSTALL_TESTS ? ['test/package/**/*.test.ts'] : ['test/package/pack.test.ts'],
          globalSetup: ['test/package/global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'api',
          include: ['test/api/**/*.test.ts', 'test/conformance/**/*.test.ts', 'test/lambda/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
