import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESM_REQUIRE_BANNER, SandboxFunction } from '../../infra/constructs/sandbox-function.ts';

/**
 * Really bundles one function with the construct's esbuild settings (local esbuild, no Docker) and
 * runs the bundle: an ES module with the AWS SDK inside that can make its first SDK call.
 * Uses a fixture handler so the test does not depend on the state of functions/.
 */
describe('SandboxFunction bundling', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'pg-sandbox-bundle-'));
  let bundle = '';

  beforeAll(() => {
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'BundleTest');
    new SandboxFunction(stack, 'Fixture', {
      entry: fileURLToPath(new URL('./fixtures/sdk-handler.ts', import.meta.url)),
      description: 'bundling fixture',
      timeout: Duration.seconds(5),
    });
    const assembly = app.synth();
    const assets = readdirSync(assembly.directory).filter((d) => d.startsWith('asset.'));
    expect(assets).toHaveLength(1);
    bundle = join(assembly.directory, assets[0]!, 'index.mjs');
  });

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('writes one ES module and its source map', () => {
    expect(existsSync(bundle)).toBe(true);
    expect(existsSync(`${bundle}.map`)).toBe(true);
    expect(readFileSync(bundle, 'utf8')).toMatch(/\/\/# sourceMappingURL=index\.mjs\.map\s*$/);
  });

  it('starts with the createRequire banner and keeps no import of the AWS SDK (it is bundled)', () => {
    const code = readFileSync(bundle, 'utf8');
    expect(code.startsWith(ESM_REQUIRE_BANNER)).toBe(true);
    expect(code).not.toMatch(/from\s*["']@aws-sdk\//);
    expect(code).toMatch(/DescribeTable/);
  });

  it('loads and makes its first SDK call without "Dynamic require" errors', async () => {
    const script = `import(${JSON.stringify(bundle)}).then((m) => m.handler()).then(
      () => { console.log('RESULT resolved'); },
      (e) => { console.log('RESULT ' + e.name + ': ' + e.message); })`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--enable-source-maps', '-e', script], {
      env: {
        PATH: process.env.PATH,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'AKIDTEST',
        AWS_SECRET_ACCESS_KEY: 'test',
        // Nothing listens on port 9: the call fails fast at the network, after the SDK has loaded.
        AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:9',
        AWS_MAX_ATTEMPTS: '1',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      timeout: 20_000,
    });
    const result = stdout.split('\n').find((l) => l.startsWith('RESULT ')) ?? stdout;
    expect(result).not.toMatch(/Dynamic require|require is not defined/);
    expect(result).toMatch(/ECONNREFUSED/);
  });
});

