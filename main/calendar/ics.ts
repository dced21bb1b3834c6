// Deadlines as an iCalendar file (RFC 5545) that the user imports into the calendar they already use.
// The UID comes from the record id and SEQUENCE from its revision so that importing a newer export
// updates the entries instead of adding copies. Deadlines are days at the organiser's place: they are
// written as all-day DATE values built from the 'YYYY-MM-DD' digits, never through local Date objects.
//
// The `ics` package writes the file; four things it gets wrong are put right afterwards (fixUp):
// it folds at 75 characters instead of 75 octets (Arabic and Chinese lines come out too long), it
// writes durations with a dangling 'T' ('-P7DT', 'PT' for 0, which RFC 5545 does not allow), it has
// no NAME (RFC 7986), and it escapes neither CATEGORIES nor the calendar name nor alarm texts.
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { isIsoDate } from '../domain/dates';
import { safeFileName } from '../domain/file-name';

export interface CalendarItem {
  /** The deadline's record id: the UID is derived from it and never changes. */
  id: string;
  /** 'YYYY-MM-DD' at the organiser's place. */
  date: string;
  title: string;
  description?: string;
  /** The record's change counter: SEQUENCE, so that a re-import replaces the older entry. */
  revision: number;
  /** ISO timestamp of the last change: DTSTAMP and LAST-MODIFIED. */
  updatedAt: string;
  /**
   * A done deadline stays in the file as STATUS:CANCELLED without an alarm: leaving it out would
   * leave the entry imported earlier, reminder included, in the user's calendar for ever.
   */
  done?: boolean;
  categories?: string[];
}

export interface CalendarOptions {
  /** Already in the user's language. */
  calendarName: string;
  /** Days before the deadline at which the reminder goes off; 0 = on the day. */
  leadDays: number;
  productId?: string;
}

const PRODUCT_ID = '-//Delegation Desk//Deadlines//EN';
const MAX_OCTETS = 75;
const utf8 = new TextEncoder();

export function calendarFile(items: readonly CalendarItem[], options: CalendarOptions): string {
  const { leadDays } = options;
  if (!Number.isInteger(leadDays) || leadDays < 0) throw new RangeError(`Reminder lead time is not a whole number of days: ${leadDays}`);
  const { error, value } = createEvents(
    items.map((item) => toEvent(item, leadDays)),
    { productId: options.productId ?? PRODUCT_ID, method: 'PUBLISH', calName: escapeText(options.calendarName) },
  );
  // ics hands back yup's error copied into a plain object: its message is all that survives.
  if (error || value === null) throw new Error(error?.message ?? 'The calendar could not be written.');
  return fixUp(value, leadDays);
}

/** A file name for the export: never empty, never a path. */
export function icsFileName(base: string): string {
  return safeFileName(base, 'ics', 'deadlines');
}

// `timestamp` (DTSTAMP) is accepted by ics but missing from its types; without it DTSTAMP is the
// export's own clock and two exports of the same record would differ.
function toEvent(item: CalendarItem, leadDays: number): EventAttributes & { timestamp: number } {
  if (!isIsoDate(item.date)) throw new RangeError(`Deadline ${item.id} has no valid date: ${item.date}`);
  const changed = Date.parse(item.updatedAt);
  if (Number.isNaN(changed)) throw new RangeError(`Deadline ${item.id} has no valid change time: ${item.updatedAt}`);
  const start = dayParts(item.date);
  const categories = item.categories?.filter((c) => c.trim() !== '').map(escapeText);
  return {
    uid: `${item.id}@delegation-desk`,
    title: oneKindOfNewline(item.title),
    description: item.description && oneKindOfNewline(item.description),
    start,
    end: nextDay(start),
    sequence: item.revision,
    timestamp: changed,
    lastModified: changed,
    // Explicit CONFIRMED so that reopening a done deadline brings a cancelled entry back on re-import.
    status: item.done ? 'CANCELLED' : 'CONFIRMED',
    // A deadline does not make anyone busy all day.
    transp: 'TRANSPARENT',
    categories: categories?.length ? categories : undefined,
    alarms: item.done ? undefined : [{ action: 'display', description: escapeText(item.title), trigger: { days: leadDays, before: true } }],
  };
}

function dayParts(date: string): DateArray {
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

// UTC arithmetic on the digits: no zone is involved, so 28 February + 1 is 1 March everywhere.
function nextDay([y, m, d]: DateArray): DateArray {
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()];
}

// ics escapes '\n' and '\r\n' but leaves a lone '\r' raw, which would end the line for some readers.
function oneKindOfNewline(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** RFC 5545 TEXT escaping, as ics does it for SUMMARY and DESCRIPTION only. */
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\r\n?|\n/g, '\\n').replace(/;/g, '\\;').replace(/,/g, '\\,');
}

function fixUp(ics: string, leadDays: number): string {
  const trigger = leadDays === 0 ? 'PT0S' : `-P${leadDays}D`;
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .flatMap((line) => {
      if (line.startsWith('TRIGGER:')) return [`TRIGGER:${trigger}`];
      if (line.startsWith('X-WR-CALNAME:')) return [line, `NAME:${line.slice('X-WR-CALNAME:'.length)}`];
      return [line];
    })
    .map(fold)
    .join('\r\n');
}

/** Folds after at most 75 octets, between characters so that no UTF-8 sequence is cut. */
function fold(line: string): string {
  let out = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8.encode(char).length;
    if (octets + size > MAX_OCTETS) {
      out += '\r\n ';
      octets = 1;
    }
    out += char;
    octets += size;
  }
  return out;
}
