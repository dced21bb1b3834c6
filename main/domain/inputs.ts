// What a user may submit, derived from the field declarations in ./model.ts: one declaration per field.
import { z } from 'zod';
import { createSchema, patchSchema, recordId } from './fields';
import { LIMITS, eventFields, participationFields, personFields, profileFields, settingsFields } from './model';

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

export const externalUrlInput = z.object({ url: z.string().max(LIMITS.url) });

export type EventInput = z.input<typeof eventInput>;
export type PersonInput = z.input<typeof personInput>;
export type ParticipationInput = z.input<typeof participationInput>;
export type ProfileInput = z.input<typeof profilePatchInput>;
