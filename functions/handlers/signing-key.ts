import { isSigningKey } from '../config.ts';
import { PortOneError } from '../domain/errors.ts';
import { logger } from '../logger.ts';

export interface SigningKeyOnFirstUse {
  /** Resolves once the key is read; a request that signs (checkout, console) awaits it first. */
  ready(): Promise<void>;
  /** The key, once read. Before that, reading it is a bug: the request did not await `ready()`. */
  current(): string;
}

/**
 * The api function's session signing key, read from its secret on the first request that signs
 * rather than at cold start: `GET /payments/{id}` and every PortOne API call never need it, so
 * their cold start makes no Secrets Manager call and loads no Secrets Manager client.
 * Reads share one promise; a failed read answers 503 and the next request that signs tries again.
 */
export function signingKeyOnFirstUse(secretArn: string, read = async (arn: string) => (await import('./read-secret.ts')).readSecret(arn)): SigningKeyOnFirstUse {
  let key: string | undefined;
  let reading: Promise<string> | undefined;
  return {
    async ready() {
      if (key !== undefined) return;
      const attempt = (reading ??= read(secretArn).then((value) => {
        if (!isSigningKey(value)) throw new Error('pg-sandbox: the session signing key secret is too short to sign with');
        return value;
      }));
      try {
        key = await attempt;
      } catch (error) {
        // Never remembered: concurrent requests share this failure, the next one reads again.
        if (reading === attempt) reading = undefined;
        logger.error('session signing key not read; the next request that signs tries again', { error: error as Error });
        throw new PortOneError('UNAVAILABLE', 'pg-sandbox could not read its session signing key; retry the request.');
      }
    },
    current() {
      if (key === undefined) throw new Error('pg-sandbox: the session signing key was used before it was read (await ready() first)');
      return key;
    },
  };
}
