// A nomination of experts, as a call such as CL-24/44 asks: for each expert the name, entity, biography
// and e-mail, citing the call's reference and the date it asks for the nominations by.
import type { ExpertsData } from '../domain/document-data';
import type { Language } from '../domain/enums';
import { documentWords, longDate, type LetterBlock } from './letter';
import { eventTitle, letterToItu, listName } from './nomination';

export function buildExpertNomination(data: ExpertsData, language: Language): Promise<Buffer> {
  const say = documentWords(language);
  const { event, invitation } = data;
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
  return letterToItu(data, language, say('experts.subject', { event: eventTitle(event) }), body);
}
