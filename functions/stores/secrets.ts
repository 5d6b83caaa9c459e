import { createHash, randomBytes } from 'node:crypto';

/** Secrets and tokens are stored and looked up by their SHA-256, never as given. */
export const hashSecret = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

/** A new API secret: 48 random bytes, URL-safe, like PortOne's long opaque secrets. */
export const generateApiSecret = () => randomBytes(48).toString('base64url');
export const generateToken = () => randomBytes(32).toString('base64url');
