/**
 * The four Scheduler API operations we emulate, as plain functions over the store: validation,
 * AWS's defaults, conflict/not-found rules and idempotency. No HTTP here.
 */
import { conflictError, notFoundError } from './errors.ts';
import { decodeNextToken, encodeNextToken } from './next-token.ts';
import type { ScheduleStore, StoredSchedule } from './store.ts';
import { zonedTimeToInstant } from './time-zone.ts';
import {
  validateCreateSchedule,
  validateListSchedules,
  validateScheduleKey,
} from './validation.ts';

export interface OperationsDeps {
  store: ScheduleStore;
  now: () => number;
  region: string;
  accountId: string;
}

export interface ListSchedulesResult {
  items: StoredSchedule[];
  nextToken?: string;
}

export interface SchedulerOperations {
  create(name: string, body: unknown): { arn: string };
  get(name: string, groupName: string | undefined): StoredSchedule;
  delete(name: string, groupName: string | undefined, clientToken: string | undefined): void;
  list(query: Record<string, string | undefined>): ListSchedulesResult;
}

export function createOperations({ store, now, region, accountId }: OperationsDeps): SchedulerOperations {
  const arnOf = (groupName: string, name: string) =>
    `arn:aws:scheduler:${region}:${accountId}:schedule/${groupName}/${name}`;

  return {
    create(name, body) {
      const { expression, ...definition } = validateCreateSchedule(name, body);
      const existing = store.get(definition);
      if (existing) {
        // The SDK re-sends the same ClientToken when it retries a request whose answer it lost.
        if (definition.clientToken !== undefined && existing.clientToken === definition.clientToken) {
          return { arn: existing.arn };
        }
        throw conflictError(`Schedule ${definition.name} already exists.`);
      }
      const createdAt = now();
      const dueAt = expression.kind === 'at'
        ? zonedTimeToInstant(expression.at, definition.scheduleExpressionTimezone)
        : undefined;
      const stored = store.add({
        ...definition,
        arn: arnOf(definition.groupName, definition.name),
        creationDate: createdAt,
        lastModificationDate: createdAt,
        dueAt,
        nextAttemptAt: dueAt,
        attempts: 0,
        completedAt: undefined,
      });
      return { arn: stored.arn };
    },

    get(name, groupName) {
      const key = validateScheduleKey(name, groupName);
      const stored = store.get(key);
      if (!stored) throw notFoundError(`Schedule ${key.name} does not exist.`);
      return stored;
    },

    delete(name, groupName, clientToken) {
      const key = validateScheduleKey(name, groupName, clientToken);
      if (!store.delete(key)) throw notFoundError(`Schedule ${key.name} does not exist.`);
    },

    list(query) {
      const request = validateListSchedules(query);
      const { items, more } = store.list({
        limit: request.maxResults,
        ...(request.groupName !== undefined && { groupName: request.groupName }),
        ...(request.namePrefix !== undefined && { namePrefix: request.namePrefix }),
        ...(request.state !== undefined && { state: request.state }),
        ...(request.nextToken !== undefined && { after: decodeNextToken(request.nextToken) }),
      });
      const last = items.at(-1);
      return { items, ...(more && last && { nextToken: encodeNextToken(last) }) };
    },
  };
}
