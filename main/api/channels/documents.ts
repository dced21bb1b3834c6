// An event's documents: what each needs first (as things to fix), and the letters themselves, each
// with the next outgoing reference of the year, recorded before it is written so that it is never reused.
import { z } from 'zod';
import { todayIso } from '../../domain/dates';
import { documentReadiness, type DocumentReadiness } from '../../domain/document-readiness';
import { LANGUAGES, type DocumentKind, type Sender } from '../../domain/enums';
import { isoDate, recordId } from '../../domain/fields';
import { safeFileName } from '../../domain/file-name';
import { formatReference, nextSequence } from '../../domain/references';
import { AppError } from '../../errors';
import type { ReadView, Tx } from '../../store/model';
import { defineChannel } from '../channel';
import { deliverFile } from '../deliver';

/** The documents the app can write so far (issue 16 adds the others one by one). */
export const BUILT: readonly DocumentKind[] = ['nomination', 'experts'];

function membersOf(read: ReadView, eventId: string) {
  return read.participations
    .where('eventId', eventId)
    .filter((p) => p.registrationStatus !== 'cancelled')
    .flatMap((participation) => {
      const person = read.people.find(participation.personId);
      return person ? [{ participation, person }] : [];
    });
}

function readiness(read: ReadView, eventId: string): DocumentReadiness[] {
  const event = read.events.get(eventId);
  const members = membersOf(read, eventId);
  return documentReadiness({
    event,
    profile: read.profile,
    members: members.map(({ participation, person }) => ({ role: participation.role, visa: participation.visa, person })),
    lettersAwaitingReply: read.invitations.where('eventId', eventId).filter((i) => i.replyStatus === 'toDo').length,
  });
}

/** The next outgoing reference of the year, recorded as issued in this transaction. */
function issue(tx: Tx, kind: DocumentKind, eventId: string, language: (typeof LANGUAGES)[number], date: string): string {
  const year = Number(date.slice(0, 4));
  const number = nextSequence(tx.documents.list().map((d) => ({ year: d.year, seq: d.number })), year);
  const reference = formatReference(tx.profile.get().referencePattern, year, number);
  tx.documents.create({ kind, eventId, language, reference, year, number, date });
  return reference;
}

const writeInput = z.object({ eventId: recordId, language: z.enum(LANGUAGES), date: isoDate.optional() });

/** Refuses a document that still lacks something (the UI lists it first; the CLI names it). */
function ensureReady(read: ReadView, eventId: string, kind: DocumentKind): void {
  const missing = readiness(read, eventId).find((d) => d.kind === kind)!.missing;
  if (missing.length > 0) throw new AppError('documents.notReady', { count: missing.length });
}

/** What every letter of an event carries: the letterhead, the place and date, its reference, the event. */
function letterBase(read: ReadView, eventId: string, day: string, reference: string) {
  const profile = read.profile;
  return {
    profile: { administration: profile.administration, address: profile.address, country: profile.country, signatoryName: profile.signatoryName, signatoryTitle: profile.signatoryTitle },
    place: profile.place,
    date: day,
    outgoingReference: reference,
    event: read.events.get(eventId),
  };
}

const invitationOf = (i: { reference: string; letterDate?: string; sender?: Sender } | undefined) =>
  i ? { reference: i.reference, letterDate: i.letterDate, sender: i.sender } : undefined;

export const documentChannels = {
  'documents:list': defineChannel(z.object({ eventId: recordId }), ({ eventId }, { read }) => ({
    documents: readiness(read, eventId).filter((d) => BUILT.includes(d.kind)),
    issued: read.documents.where('eventId', eventId).sort((a, b) => b.year - a.year || b.number - a.number),
    language: read.profile.documentLanguage,
  })),

  /** The delegation's nomination letter, in the language chosen for it (not necessarily the UI's). */
  'documents:nomination': defineChannel(writeInput, async ({ eventId, language, date }, context) => {
    const { read } = context;
    ensureReady(read, eventId, 'nomination');
    const day = date ?? todayIso(context.now());
    const reference = await context.change((tx) => issue(tx, 'nomination', eventId, language, day));
    const members = membersOf(read, eventId);
    const head = members.find((m) => m.participation.role === 'head')?.person;
    const invitation = read.invitations.where('eventId', eventId).sort((a, b) => (b.letterDate ?? '').localeCompare(a.letterDate ?? ''))[0];
    const base = letterBase(read, eventId, day, reference);
    const bytes = await context.documents.nomination({
      ...base,
      invitation: invitationOf(invitation),
      members: members.map(({ participation, person }) => ({
        role: participation.role, title: person.title, givenName: person.givenName, familyName: person.familyName,
        function: person.function, organisation: person.organisation, email: person.email,
      })),
      contact: head?.email ? { name: `${head.givenName} ${head.familyName}`, email: head.email, phone: head.phone || undefined } : undefined,
    }, language);
    const fileName = safeFileName(`${base.event.acronym || base.event.name}-nomination-${language}`, 'docx');
    return { ...(await deliverFile(context.host, fileName, bytes)), reference };
  }),

  /** The experts of the delegation nominated in answer to a call (the letter of the event with a nomination deadline). */
  'documents:experts': defineChannel(writeInput, async ({ eventId, language, date }, context) => {
    const { read } = context;
    ensureReady(read, eventId, 'experts');
    const day = date ?? todayIso(context.now());
    const reference = await context.change((tx) => issue(tx, 'experts', eventId, language, day));
    const call = read.deadlines.where('eventId', eventId).filter((d) => d.kind === 'nomination').sort((a, b) => a.date.localeCompare(b.date))[0];
    const letter = (call?.invitationId ? read.invitations.find(call.invitationId) : undefined)
      ?? read.invitations.where('eventId', eventId).sort((a, b) => (b.letterDate ?? '').localeCompare(a.letterDate ?? ''))[0];
    const base = letterBase(read, eventId, day, reference);
    const bytes = await context.documents.experts({
      ...base,
      invitation: invitationOf(letter),
      deadline: call?.date,
      experts: membersOf(read, eventId).filter((m) => m.participation.role === 'expert').map(({ person }) => ({
        title: person.title, givenName: person.givenName, familyName: person.familyName,
        organisation: person.organisation, email: person.email, biography: person.biography,
      })),
    }, language);
    const fileName = safeFileName(`${base.event.acronym || base.event.name}-experts-${language}`, 'docx');
    return { ...(await deliverFile(context.host, fileName, bytes)), reference };
  }),
};
