// What a user may submit, derived from the field declarations in ./model.ts: one declaration per field.
import { z } from 'zod';
import { createSchema, patchSchema, recordId } from './fields';
import { DEADLINE_KINDS, REPLY_STATUSES } from './enums';
import {
  LIMITS, deadlineFields, eventFields, invitationFields, participationFields, personFields, profileFields, settingsFields,
} from './model';

export const idInput = z.object({ id: recordId });
const withId = <T extends z.ZodType>(patch: T) => z.intersection(idInput, patch);

export const eventInput = createSchema(eventFields);
export const eventPatchInput = withId(patchSchema(eventFields));
export const personInput = createSchema(personFields);
export const personPatchInput = withId(patchSchema(personFields));
export const participationInput = createSchema(participationFields);
export const participationPatchInput = withId(patchSchema(participationFields));
export const profilePatchInput = patchSchema(profileFields);
export const settingsPatchInput = patchSchema(settingsFields);

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A file the user picked, as base64: its name, and its bytes up to the app's limit (`tooLarge`: the message past it). */
export function fileInput(tooLarge: string) {
  return {
    fileName: z.string().min(1, { error: 'errors.required' }).max(LIMITS.fileName, { error: 'errors.tooLong' }),
    content: z.string().max(Math.ceil(LIMITS.letterBytes / 3) * 4 + 4, { error: tooLarge }).regex(BASE64, { error: 'errors.invalid' }),
  };
}

export const externalUrlInput = z.object({ url: z.string().max(LIMITS.url) });

// What the user confirms: the invitation's own fields (the file's are the draft's), the event to link
// or create (or none yet), and the deadlines kept.
export const letterReviewInput = z.object({
  invitation: z.object({
    reference: invitationFields.reference.input.optional(),
    letterDate: invitationFields.letterDate.input.nullish(),
    sender: invitationFields.sender.input.nullish(),
    subject: invitationFields.subject.input.optional(),
    language: invitationFields.language.input.nullish(),
    addressees: invitationFields.addressees.input.optional(),
    contactEmail: invitationFields.contactEmail.input.optional(),
    replyStatus: z.enum(REPLY_STATUSES).optional(),
    replyBy: invitationFields.replyBy.input.nullish(),
    notes: invitationFields.notes.input.optional(),
  }),
  event: z.union([
    z.object({ link: recordId }),
    z.object({ create: createSchema(eventFields) }),
    z.null(),
  ]),
  deadlines: z.array(z.object({
    date: deadlineFields.date.input,
    what: deadlineFields.what.input,
    kind: z.enum(DEADLINE_KINDS).optional(),
  })).max(200),
});
export const letterConfirmInput = z.intersection(z.object({ draftId: z.string().uuid() }), letterReviewInput);
export type LetterReviewInput = z.input<typeof letterReviewInput>;

export type EventInput = z.input<typeof eventInput>;
export type PersonInput = z.input<typeof personInput>;
export type ParticipationInput = z.input<typeof participationInput>;
export type ProfileInput = z.input<typeof profilePatchInput>;
