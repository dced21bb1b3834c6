// The dashboard of dates: what is overdue, due within a week, within a month, and later.
import { daysBetween } from './dates';

export interface BoardDeadline {
  date: string;
  what: string;
  done: boolean;
  deletedAt?: string;
}

export type BoardItem<T extends BoardDeadline> = T & { daysLeft: number };

export interface Board<T extends BoardDeadline> {
  overdue: BoardItem<T>[];
  /** Today to 7 days from now. */
  week: BoardItem<T>[];
  /** 8 to 30 days from now. */
  month: BoardItem<T>[];
  later: BoardItem<T>[];
}

const collator = new Intl.Collator(undefined, { numeric: true });

/** Open deadlines by how soon they fall, by date then what. `today` is the user's calendar day (todayIso). */
export function boardOf<T extends BoardDeadline>(deadlines: readonly T[], today: string): Board<T> {
  const items: BoardItem<T>[] = [];
  for (const d of deadlines) if (!d.done && !d.deletedAt) items.push({ ...d, daysLeft: daysBetween(today, d.date) });
  // ISO dates sort as strings; the collator is only reached on the same day.
  items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : collator.compare(a.what, b.what)));
  const board: Board<T> = { overdue: [], week: [], month: [], later: [] };
  for (const item of items) {
    const group = item.daysLeft < 0 ? board.overdue : item.daysLeft <= 7 ? board.week : item.daysLeft <= 30 ? board.month : board.later;
    group.push(item);
  }
  return board;
}

/** What a reminder names: the open deadlines due within the lead time, overdue ones included. */
export function dueWithin<T extends BoardDeadline>(deadlines: readonly T[], today: string, leadDays: number): T[] {
  return deadlines.filter((d) => !d.done && !d.deletedAt && daysBetween(today, d.date) <= leadDays);
}
