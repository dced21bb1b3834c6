// The data model: each collection's fields, declared once (see ./fields.ts for what derives from them).
import {
  choice, country, date, email, integer, optionalChoice, reference, requiredText, text, webAddress,
  type Fields, type ValuesOf,
} from './fields';
import {
  ATTENDANCES, EVENT_KINDS, EVENT_STATUSES, GENDERS, LANGUAGES, LIMITS, MODALITIES, REGISTRATION_STATUSES, ROLES,
} from './enums';

export * from './enums';
export { countryCode, isoDate, recordId } from './fields';

/** What every record of a collection carries, besides its own fields. */
export interface RecordMeta {
  id: string;
  createdAt: string;
  updatedAt: string;
  /** A tombstone: records are never removed, so that exchange files and sync carry deletions. */
  deletedAt?: string;
  /** The journal seq of the record's last change: what the change feed reads. */
  seq: number;
}

/** What a one-of-a-kind record (profile, settings) carries besides its fields. */
export interface SingletonMeta {
  updatedAt?: string;
  seq?: number;
}

export const eventFields = {
  name: requiredText(LIMITS.name),
  acronym: text(40),
  kind: choice(EVENT_KINDS),
  organiser: text(LIMITS.text, 'ITU'),
  city: text(LIMITS.name),
  country: country(),
  startDate: date({ required: true }),
  endDate: date({ required: true }),
  modality: choice(MODALITIES, 'inPerson'),
  website: webAddress(LIMITS.url),
  status: choice(EVENT_STATUSES, 'invited'),
  notes: text(LIMITS.notes),
} satisfies Fields;

export const personFields = {
  title: text(40),
  givenName: requiredText(LIMITS.name),
  familyName: requiredText(LIMITS.name),
  gender: choice(GENDERS, 'unspecified'),
  birthDate: date({ notFuture: true }),
  nationality: country(),
  organisation: text(LIMITS.text),
  function: text(LIMITS.text),
  email: email(LIMITS.email),
  phone: text(LIMITS.phone),
} satisfies Fields;

export const participationFields = {
  eventId: reference(),
  personId: reference(),
  role: choice(ROLES),
  attendance: choice(ATTENDANCES, 'inPerson'),
  registrationStatus: choice(REGISTRATION_STATUSES, 'notStarted'),
} satisfies Fields;

export const profileFields = {
  country: country(),
  administration: text(LIMITS.text),
  address: text(LIMITS.notes),
  signatoryName: text(LIMITS.name),
  signatoryTitle: text(LIMITS.text),
  documentLanguage: choice(LANGUAGES, 'en'),
} satisfies Fields;

export const settingsFields = {
  language: optionalChoice(LANGUAGES),
  youthMaxAge: integer(10, 99, 29),
} satisfies Fields;

export type DelegationEvent = ValuesOf<typeof eventFields> & RecordMeta;
export type Person = ValuesOf<typeof personFields> & RecordMeta;
export type Participation = ValuesOf<typeof participationFields> & RecordMeta;
export type Profile = ValuesOf<typeof profileFields> & SingletonMeta;
export type Settings = ValuesOf<typeof settingsFields> & SingletonMeta;
