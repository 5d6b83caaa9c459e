/** Key builders for the single table (layout documented in table.ts). */
export const storePk = (storeId: string) => `STORE#${storeId}`;
export const META = 'META';
export const channelSk = (channelKey: string) => `CHANNEL#${channelKey}`;
export const paymentSk = (paymentId: string) => `PAYMENT#${paymentId}`;
export const timerSk = (timerId: string) => `TIMER#${timerId}`;
/** Outbox entries sort under their payment, so a payment's webhook log is one query. */
export const outboxSk = (paymentId: string, eventId: string) => `OUTBOX#${paymentId}#${eventId}`;
export const secretPk = (hash: string) => `SECRET#${hash}`;
export const tokenPk = (hash: string) => `TOKEN#${hash}`;
