// The data model, v1. Stored records are checked for shape only (a file must stay loadable whatever
// today's date is); the stricter rules a user's input must meet live in ./inputs.ts.
import { z } from 'zod';
import { COUNTRY_CODES } from './countries';
import { isIsoDate } from './dates';
import {
  ATTENDANCES, EVENT_KINDS, EVENT_STATUSES, GENDERS, LANGUAGES, LIMITS, MODALITIES, REGISTRATION_STATUSES, ROLES,
} from './enums';

export * from './enums';

export const isoDate = z.string().refine(isIsoDate, { error: 'errors.dateInvalid' });
export const isoTimestamp = z.iso.datetime();
export const recordId = z.string().min(1, { error: 'errors.required' }).max(64).regex(/^[A-Za-z0-9_-]+$/);
export const countryCode = z.enum(COUNTRY_CODES, { error: 'errors.countryInvalid' });

const recordMeta = {
  id: recordId,
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  deletedAt: isoTimestamp.optional(),
};

export const profileSchema = z.object({
  country: countryCode.optional(),
  administration: z.string().max(LIMITS.text).default(''),
  address: z.string().max(LIMITS.notes).default(''),
  signatoryName: z.string().max(LIMITS.name).default(''),
  signatoryTitle: z.string().max(LIMITS.text).default(''),
  documentLanguage: z.enum(LANGUAGES).default('en'),
  updatedAt: isoTimestamp.optional(),
});

export const settingsSchema = z.object({
  language: z.enum(LANGUAGES).optional(),
  youthMaxAge: z.number().int().min(10).max(99).default(29),
  updatedAt: isoTimestamp.optional(),
});

export const eventSchema = z.object({
  ...recordMeta,
  name: z.string().max(LIMITS.name),
  acronym: z.string().max(40).default(''),
  kind: z.enum(EVENT_KINDS),
  organiser: z.string().max(LIMITS.text).default('ITU'),
  city: z.string().max(LIMITS.name).default(''),
  country: countryCode.optional(),
  startDate: isoDate,
  endDate: isoDate,
  modality: z.enum(MODALITIES).default('inPerson'),
  website: z.string().max(LIMITS.url).default(''),
  status: z.enum(EVENT_STATUSES).default('invited'),
  notes: z.string().max(LIMITS.notes).default(''),
});

export const personSchema = z.object({
  ...recordMeta,
  title: z.string().max(40).default(''),
  givenName: z.string().max(LIMITS.name),
  familyName: z.string().max(LIMITS.name),
  gender: z.enum(GENDERS).default('unspecified'),
  birthDate: isoDate.optional(),
  nationality: countryCode.optional(),
  organisation: z.string().max(LIMITS.text).default(''),
  function: z.string().max(LIMITS.text).default(''),
  email: z.string().max(LIMITS.email).default(''),
  phone: z.string().max(LIMITS.phone).default(''),
});

export const participationSchema = z.object({
  ...recordMeta,
  eventId: recordId,
  personId: recordId,
  role: z.enum(ROLES),
  attendance: z.enum(ATTENDANCES).default('inPerson'),
  registrationStatus: z.enum(REGISTRATION_STATUSES).default('notStarted'),
});

export type Profile = z.infer<typeof profileSchema>;
export type Settings = z.infer<typeof settingsSchema>;
export type DelegationEvent = z.infer<typeof eventSchema>;
export type Person = z.infer<typeof personSchema>;
export type Participation = z.infer<typeof participationSchema>;
