// A passport must outlast the trip: many countries ask for six months of validity after it.
import { addMonths } from './dates';
import { fold } from './text';

export type PassportWarning = 'expiresBeforeEventEnds' | 'expiresWithinSixMonths';

/** What to say about a passport for an event ending on `eventEnd`, or null when it is fine or unknown. */
export function passportWarning(expires: string | undefined, eventEnd: string): PassportWarning | null {
  if (!expires) return null;
  if (expires < eventEnd) return 'expiresBeforeEventEnds';
  if (expires < addMonths(eventEnd, 6)) return 'expiresWithinSixMonths';
  return null;
}

/** A passport number as written in any way ("AB 123-456" = "ab123456"), or null when there is none. */
export function passportKey(number: string | undefined): string | null {
  const key = fold(number ?? '').replace(/[^\p{L}\p{N}]/gu, '');
  return key === '' ? null : key;
}
