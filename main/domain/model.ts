// The data model: each collection's fields, declared once (see ./fields.ts for what derives from them).
import { z } from 'zod';
import {
  choice, codeItem, country, countryItem, date, email, flag, hexDigest, idItem, integer, list, optionalChoice, optionalReference,
  reference, requiredText, text, webAddress, type Fields, type ValuesOf,
} from './fields';
import {
  ATTENDANCES, CONTRIBUTION_STATUSES, CONTRIBUTION_TYPES, DEADLINE_KINDS, DOCUMENT_KINDS, FELLOWSHIP_STATUSES, FELLOWSHIPS, VIP_CATEGORIES, VISA_STATUSES, EVENT_KINDS, EVENT_STATUSES, GENDERS, LANGUAGES, LETTER_FORMATS, LIMITS, MODALITIES,
  REGISTRATION_STATUSES, REPLY_STATUSES, ROLES, SENDERS,
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
  /** The agenda as typed or pasted, one item a line ("1) Opening…"): see domain/agenda.ts. */
  agenda: text(LIMITS.notes),
  /** The deadline rules switched off for this event (their estimate dismissed by the user). */
  rulesOff: list(codeItem, 50),
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
  /** A short biography: what a call for experts asks for (CL-24/44). */
  biography: text(LIMITS.notes),
  /** The passport, for visa letters: the number is shown only when the user asks for it. */
  passportName: text(LIMITS.name),
  placeOfBirth: text(LIMITS.name),
  passportNumber: text(LIMITS.passportNumber),
  passportCountry: country(),
  passportIssued: date({ notFuture: true }),
  passportExpires: date(),
} satisfies Fields;

export const participationFields = {
  eventId: reference(),
  personId: reference(),
  role: choice(ROLES),
  attendance: choice(ATTENDANCES, 'inPerson'),
  registrationStatus: choice(REGISTRATION_STATUSES, 'notStarted'),
  vip: optionalChoice(VIP_CATEGORIES),
  visa: choice(VISA_STATUSES, 'notNeeded'),
  fellowship: optionalChoice(FELLOWSHIPS),
  fellowshipStatus: optionalChoice(FELLOWSHIP_STATUSES),
  arrival: date(),
  departure: date(),
  /** Credentials are part of the file sent (PP, WRC). */
  credentials: flag(false),
  notes: text(LIMITS.notes),
} satisfies Fields;

/** An ITU letter received: what it says, its event, the reply it asks for, and its original file. */
export const invitationFields = {
  reference: text(LIMITS.reference),
  letterDate: date(),
  sender: optionalChoice(SENDERS),
  subject: text(LIMITS.text),
  language: optionalChoice(LANGUAGES),
  addressees: text(LIMITS.text),
  contactEmail: email(LIMITS.email),
  eventId: optionalReference(),
  replyStatus: choice(REPLY_STATUSES, 'toDo'),
  replyBy: date(),
  notes: text(LIMITS.notes),
  /** The file's name as the user had it. */
  fileName: text(LIMITS.fileName),
  /** Its copy under the data folder's attachments/ (a generated name). */
  attachment: text(LIMITS.fileName),
  format: optionalChoice(LETTER_FORMATS),
  /** sha-256 of the letter's text: the same letter imported twice is recognised. */
  contentHash: hexDigest(64),
} satisfies Fields;

/** A date by which something must be done, for an event, often set by a letter. */
export const deadlineFields = {
  eventId: optionalReference(),
  invitationId: optionalReference(),
  date: date({ required: true }),
  what: requiredText(LIMITS.text),
  kind: choice(DEADLINE_KINDS, 'other'),
  /** Where it comes from, as the user reads it: "CL-24/44", or the rule's own source. */
  source: text(LIMITS.reference),
  done: flag(false),
  /** The preset rule it comes from (domain/deadline-rules.ts), when it does. */
  ruleId: text(80),
  /** Worked out from a rule, not printed in a letter: replaced when a letter gives the date. */
  estimated: flag(false),
  contributionId: optionalReference(),
  personId: optionalReference(),
} satisfies Fields;

const historyStep = {
  isStored: (v: unknown) => typeof v === 'object' && v !== null && (CONTRIBUTION_STATUSES as readonly unknown[]).includes((v as { status?: unknown }).status)
    && typeof (v as { at?: unknown }).at === 'string',
  input: z.object({ status: z.enum(CONTRIBUTION_STATUSES), at: z.string().max(40) }),
};
const attachmentItem = {
  isStored: (v: unknown) => typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string' && typeof (v as { fileName?: unknown }).fileName === 'string',
  input: z.object({ name: z.string().max(LIMITS.fileName), fileName: z.string().max(LIMITS.fileName) }),
};

const ruleEditItem = {
  isStored: (v: unknown) => typeof v === 'object' && v !== null && typeof (v as { ruleId?: unknown }).ruleId === 'string',
  input: z.object({
    ruleId: z.string().min(1).max(80),
    enabled: z.boolean().optional(),
    days: z.number().int().min(0).max(730).optional(),
    months: z.number().int().min(0).max(36).optional(),
  }),
};

/** A document the delegation drafts for an event, from the idea to its publication by ITU. */
export const contributionFields = {
  eventId: reference(),
  title: requiredText(LIMITS.text),
  /** The agenda item's number, as the event's agenda numbers it ("4", "10 b"). */
  agendaItem: text(20),
  type: choice(CONTRIBUTION_TYPES, 'contribution'),
  coSigners: list(countryItem, 200),
  /** People who write it. */
  authors: list(idItem, 50),
  language: optionalChoice(LANGUAGES),
  status: choice(CONTRIBUTION_STATUSES, 'idea'),
  /** ITU's number once published ("WTDC-25/12"). */
  documentNumber: text(LIMITS.reference),
  /** Each status it reached and when: kept by main, never sent by the renderer. */
  history: list(historyStep, 100),
  /** Files kept under attachments/ (generated name) with the user's file name. */
  attachments: list(attachmentItem, 50),
  notes: text(LIMITS.notes),
} satisfies Fields;

/** A document issued: its outgoing reference, numbered per year, is never given twice. */
export const issuedDocumentFields = {
  kind: choice(DOCUMENT_KINDS),
  eventId: optionalReference(),
  language: choice(LANGUAGES),
  reference: text(LIMITS.reference),
  year: integer(1900, 9999, 2000),
  /** Its number within the year ({seq} of the pattern). */
  number: integer(0, 1_000_000, 0),
  /** The date written on it. */
  date: date({ required: true }),
} satisfies Fields;

export const profileFields = {
  country: country(),
  administration: text(LIMITS.text),
  address: text(LIMITS.notes),
  signatoryName: text(LIMITS.name),
  signatoryTitle: text(LIMITS.text),
  documentLanguage: choice(LANGUAGES, 'en'),
  /** The place on a letter's date line ("Dakar, le 3 mars 2025"). */
  place: text(LIMITS.name),
  /** The outgoing reference of each document issued: {year} and {seq} (or {seq:3}, zero-padded) filled in. */
  referencePattern: text(LIMITS.reference),
} satisfies Fields;

export const settingsFields = {
  language: optionalChoice(LANGUAGES),
  youthMaxAge: integer(10, 99, 29),
  /** The share of women aimed at, in percent (ITU's target for PP-22 and WTSA-24: at least 35 %). */
  womenTargetPercent: integer(1, 100, 35),
  /** How many days ahead a deadline is reminded of (notifications, the calendar's alarms). */
  reminderLeadDays: integer(0, 90, 7),
  /** The user's changes to the preset deadline rules (domain/deadline-rules.ts). */
  ruleEdits: list(ruleEditItem, 50),
} satisfies Fields;

export type DelegationEvent = ValuesOf<typeof eventFields> & RecordMeta;
export type Person = ValuesOf<typeof personFields> & RecordMeta;
export type Participation = ValuesOf<typeof participationFields> & RecordMeta;
export type Invitation = ValuesOf<typeof invitationFields> & RecordMeta;
export type Deadline = ValuesOf<typeof deadlineFields> & RecordMeta;
export type Contribution = ValuesOf<typeof contributionFields> & RecordMeta;
export type IssuedDocument = ValuesOf<typeof issuedDocumentFields> & RecordMeta;
export type Profile = ValuesOf<typeof profileFields> & SingletonMeta;
export type Settings = ValuesOf<typeof settingsFields> & SingletonMeta;
