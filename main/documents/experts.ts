// A nomination of experts, as a call such as CL-24/44 asks: for each expert the name, entity, biography
// and e-mail, citing the call's reference and the date it asks for the nominations by.
import type { ExpertsData } from '../domain/document-data';
import type { Language } from '../domain/enums';
import { buildLetter, documentWords, longDate, type LetterBlock } from './letter';
import { listName, nominationAddressee } from './nomination';

export function buildExpertNomination(data: ExpertsData, language: Language): Promise<Buffer> {
  const say = documentWords(language);
  const addressee = nominationAddressee(data);
  const { event, invitation } = data;
  const eventName = event.acronym && !event.name.includes(event.acronym) ? `${event.name} (${event.acronym})` : event.name;
  const reference = invitation?.reference.trim();
  const date = invitation?.letterDate ? longDate(invitation.letterDate, language) : '';
  const opening = reference && date && data.deadline
    ? say('experts.openingDeadline', { reference, date, deadline: longDate(data.deadline, language) })
    : reference && date ? say('experts.opening', { reference, date })
      : reference ? say('experts.openingReferenceOnly', { reference }) : say('experts.openingWithoutInvitation');

  const body: LetterBlock[] = [{ kind: 'paragraph', text: opening }];
  for (const expert of data.experts) {
    body.push(
      { kind: 'heading', text: listName(expert) },
      {
        kind: 'table', headings: [], widths: [2, 6],
        rows: [
          [say('experts.fields.entity'), expert.organisation?.trim() ?? ''],
          [say('experts.fields.email'), expert.email?.trim() ?? ''],
          [say('experts.fields.biography'), expert.biography?.trim() ?? ''],
        ],
      },
    );
  }
  return buildLetter({
    language,
    letterhead: { administration: data.profile.administration, address: data.profile.address, logo: data.profile.logo },
    outgoingReference: data.outgoingReference,
    place: data.place,
    date: data.date,
    addressee: say(`addressee.${addressee}.block`),
    subject: say('experts.subject', { event: eventName }),
    salutation: say(`addressee.${addressee}.salutation`),
    body,
    closing: say('letter.closing'),
    signatory: { name: data.profile.signatoryName, title: data.profile.signatoryTitle },
  });
}
