import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { PORTONE_BANKS, PORTONE_BANK_NAMES } from '../../domain/portone-codes.ts';

/** PortOne's bank list: the same for everyone, so built once per process. */
const BANK_INFOS = { items: PORTONE_BANKS.map((bank) => ({ bank, name: { ko: PORTONE_BANK_NAMES[bank]! } })) };

/**
 * getBankInfos: every `Bank` code with its Korean name. PortOne's OAS declares no `security` for
 * this operation (a public reference list), so the sandbox answers it without credentials too.
 */
export function bankRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/banks', (c) => c.json(BANK_INFOS));
  return app;
}
