// Which recorded event a letter is about: the same acronym in any language (CMDT-25 = WTDC-25), or the
// same name, on dates that agree. A letter's event is linked, never created twice.
import type { DelegationEvent } from '../model';
import { fold } from '../text';
import { acronymKey } from './acronyms';

export interface LetterEvent {
  acronym: string | null;
  name: string | null;
  startDate: string | null;
  endDate: string | null;
}

const overlaps = (a: LetterEvent, e: Pick<DelegationEvent, 'startDate' | 'endDate'>) =>
  a.startDate !== null && a.endDate !== null && a.startDate <= e.endDate && a.endDate >= e.startDate;

/** The events a letter may be about, best first (an empty list: a new event). */
export function matchEvents<E extends Pick<DelegationEvent, 'id' | 'name' | 'acronym' | 'startDate' | 'endDate'>>(
  letter: LetterEvent, events: readonly E[],
): E[] {
  const key = letter.acronym ? acronymKey(letter.acronym) : null;
  const name = letter.name ? fold(letter.name) : null;
  const scored: [E, number][] = [];
  for (const event of events) {
    const sameAcronym = key !== null && event.acronym !== '' && acronymKey(event.acronym) === key;
    const sameName = name !== null && fold(event.name) === name;
    const datesAgree = overlaps(letter, event);
    const noDates = letter.startDate === null;
    // A name is shared by every edition: it needs the dates to agree; an acronym carries its year.
    const score = (sameAcronym ? 4 : 0) + (sameName && (datesAgree || (noDates && sameAcronym)) ? 2 : 0) + (datesAgree ? 1 : 0);
    if (sameAcronym || (sameName && datesAgree)) scored.push([event, score]);
  }
  return scored.sort((a, b) => b[1] - a[1]).map(([event]) => event);
}
