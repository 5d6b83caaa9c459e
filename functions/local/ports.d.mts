/** Asks the OS for a free loopback port. */
export function findFreePort(): Promise<number>;
/** True when something already listens on host:port. */
export function isPortBusy(port: number, host?: string): Promise<boolean>;
