// What a user may submit. Every message is an i18n key (errors.*) that the renderer translates;
// the path of an issue names the form field it belongs to.
import { z } from 'zod';
import { isIsoDate, todayIso } from './dates';
import {
  ATTENDANCES, EVENT_KINDS, EVENT_STATUSES, GENDERS, LANGUAGES, LIMITS, MODALITIES,
  REGISTRATION_STATUSES, ROLES, countryCode, isoDate, recordId,
} from './model';

const tooLong = { error: 'errors.tooLong' } as const;
const text = (max: number) => z.string().max(max, tooLong).trim();
const requiredText = (max: number) => text(max).min(1, { error: 'errors.required' });
/** Empty form fields mean "not given". */
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const email = text(LIMITS.email).refine((v) => v === '' || z.email().safeParse(v).success, {
  error: 'errors.emailInvalid',
});
const website = text(LIMITS.url).refine((v) => v === '' || /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(v), {
  error: 'errors.urlInvalid',
});

export const idInput = z.object({ id: recordId });

export const eventInput = z
  .object({
    name: requiredText(LIMITS.name),
    acronym: text(40).default(''),
    kind: z.enum(EVENT_KINDS, { error: 'errors.choiceInvalid' }),
    organiser: text(LIMITS.text).default('ITU'),
    city: text(LIMITS.name).default(''),
    country: optional(countryCode),
    startDate: z.string({ error: 'errors.required' }).min(1, { error: 'errors.required' }).pipe(isoDate),
    endDate: z.string({ error: 'errors.required' }).min(1, { error: 'errors.required' }).pipe(isoDate),
    modality: z.enum(MODALITIES, { error: 'errors.choiceInvalid' }).default('inPerson'),
    website: website.default(''),
    status: z.enum(EVENT_STATUSES, { error: 'errors.choiceInvalid' }).default('invited'),
    notes: text(LIMITS.notes).default(''),
  })
  // Only compare two real dates: a missing or impossible one already has its own message.
  .refine((e) => !isIsoDate(e.startDate) || !isIsoDate(e.endDate) || e.endDate >= e.startDate, {
    path: ['endDate'],
    error: 'errors.endBeforeStart',
  });

export const eventUpdateInput = z.intersection(idInput, eventInput);

export const personInput = z.object({
  title: text(40).default(''),
  givenName: requiredText(LIMITS.name),
  familyName: requiredText(LIMITS.name),
  gender: z.enum(GENDERS, { error: 'errors.choiceInvalid' }).default('unspecified'),
  birthDate: optional(
    isoDate.refine((d) => d <= todayIso(), { error: 'errors.birthDateFuture' }),
  ),
  nationality: optional(countryCode),
  organisation: text(LIMITS.text).default(''),
  function: text(LIMITS.text).default(''),
  email: email.default(''),
  phone: text(LIMITS.phone).default(''),
});

export const personUpdateInput = z.intersection(idInput, personInput);

const participationFields = {
  role: z.enum(ROLES, { error: 'errors.choiceInvalid' }),
  attendance: z.enum(ATTENDANCES, { error: 'errors.choiceInvalid' }).default('inPerson'),
  registrationStatus: z.enum(REGISTRATION_STATUSES, { error: 'errors.choiceInvalid' }).default('notStarted'),
};

export const participationInput = z.object({ eventId: recordId, personId: recordId, ...participationFields });
export const participationUpdateInput = z.object({ id: recordId, ...participationFields });

export const settingsInput = z.object({
  language: z.enum(LANGUAGES).optional(),
  youthMaxAge: z.coerce
    .number({ error: 'errors.numberInvalid' })
    .int({ error: 'errors.numberInvalid' })
    .min(10, { error: 'errors.tooSmall' })
    .max(99, { error: 'errors.tooBig' })
    .optional(),
});

export const profileInput = z.object({
  country: optional(countryCode),
  administration: text(LIMITS.text).default(''),
  address: text(LIMITS.notes).default(''),
  signatoryName: text(LIMITS.name).default(''),
  signatoryTitle: text(LIMITS.text).default(''),
  documentLanguage: z.enum(LANGUAGES, { error: 'errors.choiceInvalid' }).default('en'),
});

export const externalUrlInput = z.object({ url: z.string().max(LIMITS.url) });

export type EventInput = z.input<typeof eventInput>;
export type PersonInput = z.input<typeof personInput>;
export type ParticipationInput = z.input<typeof participationInput>;
export type ProfileInput = z.input<typeof profileInput>;
