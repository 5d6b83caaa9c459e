import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The import-boundary rule of eslint.config.js fires on deliberate violations (docs/architecture.md,
 * "Layers"): each case lints one import line as if it stood in the named file.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function boundaryMessages(file: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import '${specifier}';\n`, { filePath: `${root}/${file}` });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['functions/domain/money.ts', '../http/auth.ts', 'domain may not import http'],
    ['functions/domain/profiles/kpn.ts', '../../ports/repository.ts', 'domain may not import ports'],
    ['functions/domain/money.ts', 'zod', 'domain/ imports nothing outside domain/'],
    ['functions/stores/tokens.ts', '../http/auth.ts', 'stores may not import http'],
    ['functions/console/payment-list.ts', '../http/portone/schemas.ts', 'console may not import http'],
    ['functions/services.ts', './webhooks/dispatch.ts', 'ports may not import webhooks'],
    ['functions/timers/run-timer.ts', '../payments/pg-batch-void.ts', 'timers may not import payments'],
    ['functions/timers/run-timer.ts', '../webhooks/dispatch.ts', 'timers may not import webhooks'],
    ['functions/webhooks/resend.ts', '../payments/get-payment.ts', 'webhooks may not import payments'],
    ['functions/payments/approve.ts', '../adapters/dynamodb/repository.ts', 'Only handlers/, local/ and wiring.ts may import an adapter'],
    ['functions/http/app.ts', '../adapters/dynamodb/client.ts', 'Only handlers/, local/ and wiring.ts may import an adapter'],
    ['functions/http/app.ts', '../wiring.ts', 'http may not import the outer ring'],
    ['functions/adapters/dynamodb/repository.ts', '../../payments/commit.ts', 'adapters/ implement ports'],
    ['functions/adapters/dynamodb/repository.ts', '../../services.ts', 'adapters/ implement ports'],
  ])(
    '%s importing %s is refused',
    async (file, specifier, expected) => {
      const messages = await boundaryMessages(file, specifier);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain(expected);
    },
    // ESLint's first run loads typescript-eslint: seconds on a quiet machine, over 20 s on a loaded one.
    60_000,
  );

  it.each([
    ['functions/domain/profiles/kpn.ts', '../errors.ts'],
    ['functions/domain/cards.ts', 'node:crypto'],
    ['functions/payments/approve.ts', '../webhooks/outbox.ts'],
    ['functions/timers/run-timer.ts', '../stores/clock.ts'],
    ['functions/http/auth.ts', '../stores/secrets.ts'],
    ['functions/adapters/dynamodb/repository.ts', '../../ports/repository.ts'],
    ['functions/wiring.ts', './adapters/dynamodb/repository.ts'],
    ['functions/handlers/api.ts', '../adapters/dynamodb/client.ts'],
    ['functions/local/runtime.ts', '../http/app.ts'],
  ])('%s importing %s is allowed', async (file, specifier) => {
    expect(await boundaryMessages(file, specifier)).toEqual([]);
  });
});
