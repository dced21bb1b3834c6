// What the review screen proposes for a letter: the invitation's fields, its event (a recorded one that
// matches, or a new one), and its deadlines, each value with the span of the letter it came from.
import type { CountryCode } from '../countries';
import type { DeadlineKind, EventKind, Language, Modality, ReplyStatus, Sender } from '../enums';
import type { DelegationEvent } from '../model';
import { deadlineKindOf, eventKindOf } from './classify';
import type { LetterExtraction, Span } from './extract';
import { matchEvents } from './match';

export type SnippetField =
  | 'reference' | 'letterDate' | 'subject' | 'addressees' | 'contactEmail'
  | 'eventName' | 'eventAcronym' | 'city' | 'country' | 'dates' | 'virtual';

export interface ProposedDeadline extends Span {
  date: string;
  what: string;
  kind: DeadlineKind;
}

export type EventChoice = Pick<DelegationEvent, 'id' | 'name' | 'acronym' | 'startDate' | 'endDate'>;

export interface LetterProposal {
  text: string;
  invitation: {
    reference: string | null;
    letterDate: string | null;
    sender: Sender | null;
    subject: string | null;
    language: Language | null;
    addressees: string | null;
    contactEmail: string | null;
    replyStatus: ReplyStatus;
    replyBy: string | null;
  };
  event: {
    name: string | null;
    acronym: string | null;
    /** 'WTDC-25' for a letter's 'CMDT-25'. */
    acronymEnglish: string | null;
    kind: EventKind;
    city: string | null;
    country: CountryCode | null;
    startDate: string | null;
    endDate: string | null;
    modality: Modality;
  };
  deadlines: ProposedDeadline[];
  snippets: Partial<Record<SnippetField, Span>>;
  /** Recorded events the letter is about, best first; empty: a new event is proposed. */
  matches: EventChoice[];
}

const span = (found: Span | null | undefined): Span | undefined => (found ? { start: found.start, end: found.end } : undefined);

/** The date a reply is due: the first deadline that asks something of the reader, else the first one. */
function replyByOf(deadlines: ProposedDeadline[]): string | null {
  return (deadlines.find((d) => d.kind !== 'other') ?? deadlines[0])?.date ?? null;
}

export function proposeFromLetter(x: LetterExtraction, events: readonly EventChoice[]): LetterProposal {
  const deadlines = x.deadlines.map((d) => ({ ...d, kind: deadlineKindOf(d.what) }));
  const replyBy = replyByOf(deadlines);
  const name = x.eventName?.value ?? null;
  const acronym = x.eventAcronym?.value ?? null;
  const startDate = x.eventDates?.value.from ?? null;
  const endDate = x.eventDates?.value.to ?? null;
  const snippets: Partial<Record<SnippetField, Span | undefined>> = {
    reference: span(x.reference), letterDate: span(x.letterDate), subject: span(x.subject),
    addressees: span(x.addressees), contactEmail: span(x.contactEmail), eventName: span(x.eventName),
    eventAcronym: span(x.eventAcronym), city: span(x.venueCity), country: span(x.venueCountry),
    dates: span(x.eventDates), virtual: span(x.virtual),
  };
  return {
    text: x.text,
    invitation: {
      reference: x.reference?.value ?? null,
      letterDate: x.letterDate?.value ?? null,
      sender: x.sender,
      subject: x.subject?.value ?? null,
      language: x.language,
      addressees: x.addressees?.value ?? null,
      contactEmail: x.contactEmail?.value ?? null,
      replyStatus: replyBy ? 'toDo' : 'notNeeded',
      replyBy,
    },
    event: {
      name: name ?? acronym,
      acronym,
      acronymEnglish: x.eventAcronymEnglish,
      kind: eventKindOf(name ?? acronym ?? ''),
      city: x.venueCity?.value ?? null,
      country: x.venueCountry?.value ?? null,
      startDate,
      endDate,
      modality: x.virtual && !x.venueCity ? 'virtual' : 'inPerson',
    },
    deadlines,
    snippets: Object.fromEntries(Object.entries(snippets).filter(([, v]) => v)) as LetterProposal['snippets'],
    matches: matchEvents({ acronym, name, startDate, endDate }, events).map(({ id, name: n, acronym: a, startDate: s, endDate: e }) => ({
      id, name: n, acronym: a, startDate: s, endDate: e,
    })),
  };
}
