/**
 * In-memory schedule storage: one record per (group, name), listing in a stable order, and the
 * queries the firing engine needs. A store may hold a schedule per payment (100,000s in a load
 * test), so create, delete and "what is due next" cost O(log n): a due-time heap beside the map.
 */
import { DueHeap } from './due-heap.ts';
import type { ScheduleKey } from './validation.ts';
import type { ScheduleRecord, ScheduleState } from './types.ts';

/** The live record; `seq` breaks ties between schedules due at the same instant (creation order). */
export interface StoredSchedule extends ScheduleRecord {
  readonly seq: number;
}

export interface ListFilter {
  groupName?: string;
  namePrefix?: string;
  state?: ScheduleState;
  /** Resume strictly after this schedule in listing order. */
  after?: ScheduleKey;
  limit: number;
}

export class ScheduleStore {
  private readonly schedules = new Map<string, StoredSchedule>();
  /** Every (attempt time, schedule) ever armed; entries that no longer hold are skipped lazily. */
  private readonly due = new DueHeap<StoredSchedule>((entry) => this.isCurrent(entry.item) && fireableAt(entry.item) === entry.at);
  private nextSeq = 1;

  /** Called after a schedule is added or removed, so the engine can re-arm its timer. */
  constructor(private readonly onChange: () => void = () => {}) {}

  get(key: ScheduleKey): StoredSchedule | undefined {
    return this.schedules.get(mapKey(key));
  }

  /** Adds a schedule; the caller has already checked that the key is free. */
  add(record: ScheduleRecord): StoredSchedule {
    const stored: StoredSchedule = { ...record, seq: this.nextSeq++ };
    this.schedules.set(mapKey(record), stored);
    this.arm(stored);
    this.onChange();
    return stored;
  }

  /** Sets when `stored` is next attempted (undefined: not now, e.g. while an attempt runs). */
  setNextAttempt(stored: StoredSchedule, at: number | undefined): void {
    stored.nextAttemptAt = at;
    this.arm(stored);
  }

  /** The occurrence is over and the schedule is kept (ActionAfterCompletion NONE). */
  markCompleted(stored: StoredSchedule, at: number): void {
    stored.completedAt = at;
  }

  private arm(stored: StoredSchedule): void {
    const at = fireableAt(stored);
    if (at !== undefined) this.due.push(at, stored.seq, stored);
    // Deleted schedules leave entries behind; rebuild before they outnumber the live ones.
    if (this.due.size > 2 * this.schedules.size + 1024) {
      this.due.rebuild([...this.schedules.values()].flatMap((s) => {
        const sAt = fireableAt(s);
        return sAt === undefined ? [] : [{ at: sAt, seq: s.seq, item: s }];
      }));
    }
  }

  delete(key: ScheduleKey): boolean {
    const removed = this.schedules.delete(mapKey(key));
    if (removed) this.onChange();
    return removed;
  }

  /**
   * Whether `stored` is still the schedule under its key: false once it was deleted, or deleted and
   * re-created under the same name while one of its attempts was running.
   */
  isCurrent(stored: StoredSchedule): boolean {
    return this.schedules.get(mapKey(stored)) === stored;
  }

  /** Removes `stored` only if it is still current, never a newer schedule with the same name. */
  remove(stored: StoredSchedule): boolean {
    return this.isCurrent(stored) && this.delete(stored);
  }

  list(filter: ListFilter): { items: StoredSchedule[]; more: boolean } {
    const matching = [...this.schedules.values()]
      .filter((s) => filter.groupName === undefined || s.groupName === filter.groupName)
      .filter((s) => filter.namePrefix === undefined || s.name.startsWith(filter.namePrefix))
      .filter((s) => filter.state === undefined || s.state === filter.state)
      .filter((s) => filter.after === undefined || compareKeys(s, filter.after) > 0)
      .sort(compareKeys);
    return { items: matching.slice(0, filter.limit), more: matching.length > filter.limit };
  }

  /** The schedule whose next attempt is earliest among those due at `now`, if any. */
  nextDue(now: number): StoredSchedule | undefined {
    const first = this.due.peek();
    return first !== undefined && first.at <= now ? first.item : undefined;
  }

  /** The earliest instant at which any schedule will want an attempt. */
  earliestPending(): number | undefined {
    return this.due.peek()?.at;
  }

  /** Copies, so callers can neither see later changes nor corrupt engine state. */
  snapshot(): ScheduleRecord[] {
    return [...this.schedules.values()].sort(compareKeys).map(toRecord);
  }
}

export function toRecord(stored: StoredSchedule): ScheduleRecord {
  const { seq: _seq, ...record } = structuredClone(stored);
  return record;
}

function fireableAt(s: StoredSchedule): number | undefined {
  return s.state === 'ENABLED' && s.completedAt === undefined ? s.nextAttemptAt : undefined;
}

// "/" cannot occur in a group or schedule name, so the joined key is unambiguous.
function mapKey(key: ScheduleKey): string {
  return `${key.groupName}/${key.name}`;
}

function compareKeys(a: ScheduleKey, b: ScheduleKey): number {
  return compare(a.groupName, b.groupName) || compare(a.name, b.name);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
