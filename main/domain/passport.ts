// A passport must outlast the trip: many countries ask for six months of validity after it.
import { addMonths } from './dates';

export type PassportWarning = 'expiresBeforeEventEnds' | 'expiresWithinSixMonths';

/** What to say about a passport for an event ending on `eventEnd`, or null when it is fine or unknown. */
export function passportWarning(expires: string | undefined, eventEnd: string): PassportWarning | null {
  if (!expires) return null;
  if (expires < eventEnd) return 'expiresBeforeEventEnds';
  if (expires < addMonths(eventEnd, 6)) return 'expiresWithinSixMonths';
  return null;
}
