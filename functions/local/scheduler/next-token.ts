/**
 * ListSchedules pagination tokens. A token names the last schedule returned rather than an
 * offset, so deleting schedules between pages neither skips nor repeats the rest.
 */
import { validationError } from './errors.ts';
import type { ScheduleKey } from './validation.ts';

export function encodeNextToken(key: ScheduleKey): string {
  return Buffer.from(JSON.stringify([key.groupName, key.name])).toString('base64url');
}

export function decodeNextToken(token: string): ScheduleKey {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded.length === 2 && decoded.every((part) => typeof part === 'string')) {
      const [groupName, name] = decoded as [string, string];
      return { groupName, name };
    }
  } catch {
    // Falls through to the same error as a well-formed but foreign token.
  }
  throw validationError('The NextToken is not valid.');
}
