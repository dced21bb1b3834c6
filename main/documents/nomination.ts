// The delegation's nomination letter (DOMAIN.md, 5): to ITU, citing the invitation when it is
// recorded, listing the members by role with their function and organisation, and the contact person.
// For WTDC it goes to the Director of BDT with the names and functions of all the members, as No. 339
// of the ITU Convention asks; otherwise to the Bureau director who sent the invitation, or the
// Secretary-General.
import { seriesOf } from '../domain/deadline-rules';
import { ROLES, type Language } from '../domain/enums';
import type { NominationData, NominationMember } from '../domain/document-data';
import { buildLetter, countryName, dateRange, documentWords, longDate, type LetterBlock } from './letter';

export type { NominationData, NominationMember } from '../domain/document-data';

/** Who a letter goes to at ITU: the Secretary-General or one of the three Bureaux' directors. */
export type Addressee = 'sg' | 'bdt' | 'tsb' | 'br';

export function nominationAddressee(data: Pick<NominationData, 'event' | 'invitation'>): Addressee {
  if (seriesOf(data.event) === 'WTDC') return 'bdt';
  const sender = data.invitation?.sender;
  return sender === 'BDT' ? 'bdt' : sender === 'TSB' ? 'tsb' : sender === 'BR' ? 'br' : 'sg';
}

const LATIN_NAME = /^[\p{Script=Latin}\p{M}\s'’.-]+$/u;
const HAN_NAME = /^[\p{Script=Han}\s]+$/u;

/**
 * "DUPONT Jean", family name first as in ITU's lists, in capitals only when written in Latin script;
 * "王芳" without a space; every name as recorded, never transliterated.
 */
export function listName(member: Pick<NominationMember, 'title' | 'givenName' | 'familyName'>): string {
  const family = member.familyName.trim();
  const given = member.givenName.trim();
  const name = HAN_NAME.test(family) && HAN_NAME.test(given)
    ? `${family}${given}`
    : [LATIN_NAME.test(family) ? family.toUpperCase() : family, given].filter(Boolean).join(' ');
  return [member.title?.trim(), name].filter(Boolean).join(' ');
}

export function buildNominationLetter(data: NominationData, language: Language): Promise<Buffer> {
  const say = documentWords(language);
  const { event, invitation } = data;

  const eventName = eventTitle(event);
  const city = event.city.trim();
  const country = countryName(event.country, language);
  const venue = city && country ? say('letter.venue', { city, country }) : city || country;
  const subject = say('nomination.subject', { event: eventName, venue, dates: dateRange(event.startDate, event.endDate, language) });

  const reference = invitation?.reference.trim();
  const opening = reference && invitation?.letterDate
    ? say('nomination.opening', { reference, date: longDate(invitation.letterDate, language) })
    : reference ? say('nomination.openingReferenceOnly', { reference }) : say('nomination.openingWithoutInvitation');

  const body: LetterBlock[] = [
    { kind: 'paragraph', text: opening },
    { kind: 'paragraph', text: say(seriesOf(event) === 'WTDC' ? 'nomination.convention339' : 'nomination.listIntro') },
  ];
  const headings = (['name', 'function', 'organisation'] as const).map((column) => say(`nomination.columns.${column}`));
  for (const role of ROLES) {
    const group = data.members.filter((member) => member.role === role);
    if (group.length === 0) continue;
    body.push(
      { kind: 'heading', text: say(`nomination.roles.${role}`) },
      {
        kind: 'table', headings, widths: [3, 2.5, 2.5],
        rows: group.map((member) => [listName(member), member.function?.trim() ?? '', member.organisation?.trim() ?? '']),
      },
    );
  }
  const contact = data.contact;
  if (contact?.name.trim()) {
    const values = { name: contact.name.trim(), email: contact.email.trim(), phone: contact.phone?.trim() ?? '' };
    body.push({ kind: 'paragraph', text: say(values.phone ? 'nomination.contact' : 'nomination.contactWithoutPhone', values) });
  }

  return letterToItu(data, language, subject, body);
}

/** The event as a letter names it: "World Telecommunication Development Conference (WTDC-25)". */
export function eventTitle(event: { name: string; acronym: string }): string {
  return event.acronym && !event.name.includes(event.acronym) ? `${event.name} (${event.acronym})` : event.name;
}

/** A letter to ITU on the delegation's letterhead: to the addressee the event and its invitation call for, signed. */
export function letterToItu(
  data: Pick<NominationData, 'profile' | 'place' | 'date' | 'outgoingReference' | 'event' | 'invitation'>,
  language: Language,
  subject: string,
  body: LetterBlock[],
): Promise<Buffer> {
  const say = documentWords(language);
  const addressee = nominationAddressee(data);
  return buildLetter({
    language,
    letterhead: { administration: data.profile.administration, address: data.profile.address, logo: data.profile.logo },
    outgoingReference: data.outgoingReference,
    place: data.place,
    date: data.date,
    addressee: say(`addressee.${addressee}.block`),
    subject,
    salutation: say(`addressee.${addressee}.salutation`),
    body,
    closing: say('letter.closing'),
    signatory: { name: data.profile.signatoryName, title: data.profile.signatoryTitle },
  });
}
