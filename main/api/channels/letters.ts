// ITU letters: read a file into a proposal (nothing written), confirm it into an invitation, its event
// and its deadlines (one transaction, the original kept under attachments/), then list and follow up.
import { z } from 'zod';
import { LIMITS, REPLY_STATUSES, type LetterFormat } from '../../domain/enums';
import { patchSchema, recordId } from '../../domain/fields';
import { extractLetter } from '../../domain/letters/extract';
import { proposeFromLetter, type LetterProposal } from '../../domain/letters/proposal';
import { invitationFields, type Invitation } from '../../domain/model';
import { fromBase64 } from '../../domain/base64';
import { fileInput, idInput, letterConfirmInput } from '../../domain/inputs';
import { AppError } from '../../errors';
import { LetterDrafts } from '../../letters/drafts';
import { defineChannel } from '../channel';
import { planEventDeadlines } from '../rule-deadlines';

/** Letters read and waiting for the user's confirmation (this process only). */
export const letterDrafts = new LetterDrafts();

const letterFileInput = z.object(fileInput('letters.tooLarge'));

export interface LetterReading {
  draftId: string;
  fileName: string;
  format: LetterFormat;
  /** The e-mail attachments whose text was read. */
  attachments: string[];
  proposal: LetterProposal;
  /** The same letter, already recorded. */
  duplicate: Pick<Invitation, 'id' | 'reference' | 'fileName'> | null;
}

// The file a letter came from is set once, when it is confirmed: never changed afterwards.
const { fileName: _fileName, attachment: _attachment, format: _format, contentHash: _contentHash, ...editableInvitationFields } = invitationFields;

export type InvitationSummary = Readonly<Invitation> & { eventName: string; eventAcronym: string; openDeadlines: number };
export type { DeadlineSummary } from './deadlines';

const blankToNull = <T>(value: T | '' | null | undefined) => (value === '' || value === undefined ? null : value);

export const letterChannels = {
  'letters:read': defineChannel(letterFileInput, async ({ fileName, content }, { read, letters }): Promise<LetterReading> => {
    const bytes = fromBase64(content);
    const letter = await letters.read(bytes, fileName);
    const extraction = extractLetter(letter.text);
    const contentHash = letters.fingerprint(extraction.text);
    const events = read.events.list();
    const proposal = proposeFromLetter(extraction, events);
    const same = read.invitations.where('contentHash', contentHash).find((i) => !i.deletedAt);
    const draft = letterDrafts.add({ fileName, format: letter.format, bytes, contentHash, extraction });
    return {
      draftId: draft.id,
      fileName,
      format: letter.format,
      attachments: letter.attachments,
      proposal,
      duplicate: same ? { id: same.id, reference: same.reference, fileName: same.fileName } : null,
    };
  }),

  'letters:confirm': defineChannel(letterConfirmInput, async (input, { store, change, letters }) => {
    const draft = letterDrafts.get(input.draftId);
    if (!draft) throw new AppError('letters.draftExpired');
    if (!store.access.writable) throw new AppError(store.access.code ?? 'store.readOnly', store.access.params ?? {});
    const attachment = await letters.save(store.dataDir, draft.bytes, draft.format);
    try {
      const result = await change((tx) => {
        const eventId = input.event === null ? undefined
          : 'link' in input.event ? tx.events.get(input.event.link).id
          : tx.events.create(input.event.create).id;
        const { invitation: values } = input;
        const invitation = tx.invitations.create({
          reference: values.reference ?? '',
          letterDate: blankToNull(values.letterDate) ?? undefined,
          sender: blankToNull(values.sender) ?? undefined,
          subject: values.subject ?? '',
          language: blankToNull(values.language) ?? undefined,
          addressees: values.addressees ?? '',
          contactEmail: values.contactEmail ?? '',
          eventId,
          replyStatus: values.replyStatus ?? 'toDo',
          replyBy: blankToNull(values.replyBy) ?? undefined,
          notes: values.notes ?? '',
          fileName: draft.fileName.slice(0, LIMITS.fileName),
          attachment,
          format: draft.format,
          contentHash: draft.contentHash,
        });
        const source = (values.reference || draft.fileName).slice(0, LIMITS.reference);
        const deadlines = input.deadlines.map((d) =>
          tx.deadlines.create({ eventId, invitationId: invitation.id, date: d.date, what: d.what, kind: d.kind ?? 'other', source, done: false, ruleId: '', estimated: false }));
        planEventDeadlines(tx, eventId);
        return { invitationId: invitation.id, eventId: eventId ?? null, deadlineIds: deadlines.map((d) => d.id) };
      });
      letterDrafts.delete(draft.id);
      return result;
    } catch (error) {
      await letters.remove(store.dataDir, attachment);
      throw error;
    }
  }),

  'letters:discard': defineChannel(z.object({ draftId: z.string().uuid() }), ({ draftId }) => {
    letterDrafts.delete(draftId);
    return { draftId };
  }),

  'invitations:list': defineChannel(
    z.object({ eventId: recordId.optional(), replyStatus: z.enum(REPLY_STATUSES).optional() }).optional(),
    (input, { read }): InvitationSummary[] => {
      const letters = input?.eventId ? read.invitations.where('eventId', input.eventId).filter((i) => !i.deletedAt) : read.invitations.list();
      const open = new Map<string, number>();
      for (const d of read.deadlines.list()) if (!d.done && d.invitationId) open.set(d.invitationId, (open.get(d.invitationId) ?? 0) + 1);
      return letters
        .filter((i) => !input?.replyStatus || i.replyStatus === input.replyStatus)
        .map((i) => {
          const event = i.eventId ? read.events.find(i.eventId) : undefined;
          return { ...i, eventName: event?.name ?? '', eventAcronym: event?.acronym ?? '', openDeadlines: open.get(i.id) ?? 0 };
        })
        .sort((a, b) => (a.replyBy ?? '9999').localeCompare(b.replyBy ?? '9999') || (b.letterDate ?? '').localeCompare(a.letterDate ?? ''));
    },
  ),
  'invitations:get': defineChannel(idInput, ({ id }, { read }): Readonly<Invitation> => read.invitations.get(id)),
  'invitations:update': defineChannel(z.intersection(idInput, patchSchema(editableInvitationFields)), ({ id, ...patch }, { change }) =>
    change((tx) => tx.invitations.update(id, patch))),
  'invitations:delete': defineChannel(idInput, ({ id }, { change }) => change((tx) => (tx.invitations.delete(id), { id }))),
  /** Opens the original letter with the system's program for it (the desktop app and browser mode on this computer). */
  'invitations:openOriginal': defineChannel(idInput, async ({ id }, { read, store, host, letters }) => {
    const file = letters.pathOf(store.dataDir, read.invitations.get(id).attachment);
    if (!file) throw new AppError('letters.noOriginal');
    return { opened: host.openPath ? await host.openPath(file) : false };
  }),
};
