import { randomInt, randomUUID } from 'node:crypto';

/** PortOne's transaction ids are UUIDs; PG transaction ids look like the PG's own (opaque here). */
export const newTransactionId = () => randomUUID();
export const newPgTxId = (pgProvider: string) => `${pgProvider.toLowerCase().replace(/_v2$/, '')}-${randomUUID().replaceAll('-', '').slice(0, 20)}`;
export const newCancellationId = () => randomUUID();
export const newApprovalNumber = () => String(randomInt(0, 100_000_000)).padStart(8, '0');
