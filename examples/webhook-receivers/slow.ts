/**
 * A correct receiver that does its work before answering and takes `delayMs` to do it: PortOne
 * gives up on an answer after its timeout and retries, so `npm run probe` fails it on time.
 */
import { setTimeout as wait } from 'node:timers/promises';
import { Webhook } from '@portone/server-sdk';
import type { ReceiverOptions } from './correct.ts';
import { serveReceiver, type RunningReceiver } from './serve.ts';

export function slowReceiver(opts: Pick<ReceiverOptions, 'secret' | 'port'> & { delayMs: number }): Promise<RunningReceiver> {
  return serveReceiver(async (body, headers) => {
    await wait(opts.delayMs);
    try {
      await Webhook.verify(opts.secret, body, headers);
    } catch (err) {
      if (err instanceof Webhook.WebhookVerificationError) return 400;
      throw err;
    }
    return 200;
  }, opts.port);
}
