// Each collection declared once: its fields, the indexes reads need, the records it points to (whose
// deletion ends it, as a tombstone), the rules that refuse or warn about a duplicate, and cross-field checks.
import type { FieldIssue } from '../errors';
import type { Fields } from '../domain/fields';
import {
  contributionFields, deadlineFields, eventFields, issuedDocumentFields, invitationFields, participationFields, personFields, profileFields, settingsFields,
  type Contribution, type Deadline, type DelegationEvent, type IssuedDocument, type Invitation, type Participation, type Person, type Profile, type Settings,
} from '../domain/model';
import { passportKey } from '../domain/passport';
import { fold } from '../domain/text';

export interface UniqueRule<R> {
  /** Two live records with the same non-null key collide. */
  key(record: R): string | null;
  /** 'error' refuses the change; 'warn' lets it through and tells the user. */
  level: 'error' | 'warn';
  code: string;
}

export interface CollectionDef<R = any> {
  fields: Fields;
  /** Fields reads look records up by (built on first use). */
  indexes?: readonly (keyof R & string)[];
  /** field → collection it points to: the target must exist, and its deletion tombstones this record. */
  references?: Partial<Record<keyof R & string, CollectionName>>;
  unique?: readonly UniqueRule<R>[];
  check?(record: R): FieldIssue[];
}

const define = <R>(def: CollectionDef<R>) => def;


export interface Records {
  events: DelegationEvent;
  people: Person;
  participations: Participation;
  invitations: Invitation;
  deadlines: Deadline;
  contributions: Contribution;
  documents: IssuedDocument;
}
export type CollectionName = keyof Records;

export const collections: { [C in CollectionName]: CollectionDef<Records[C]> } = {
  events: define<DelegationEvent>({
    fields: eventFields,
    unique: [
      {
        key: (e) => (e.acronym ? `${fold(e.acronym)}|${e.startDate}` : null),
        level: 'warn',
        code: 'warnings.duplicateEvent',
      },
    ],
    check: (e) => (e.endDate < e.startDate ? [{ path: 'endDate', code: 'errors.endBeforeStart' }] : []),
  }),
  people: define<Person>({
    fields: personFields,
    unique: [
      {
        key: (p) => (p.birthDate ? `${fold(p.givenName)}|${fold(p.familyName)}|${p.birthDate}` : null),
        level: 'warn',
        code: 'warnings.duplicatePerson',
      },
      { key: (p) => (p.email ? fold(p.email) : null), level: 'warn', code: 'warnings.duplicateEmail' },
      { key: (p) => passportKey(p.passportNumber), level: 'warn', code: 'warnings.duplicatePassport' },
    ],
    check: (p) =>
      p.passportIssued && p.passportExpires && p.passportExpires < p.passportIssued
        ? [{ path: 'passportExpires', code: 'errors.expiresBeforeIssued' }]
        : [],
  }),
  participations: define<Participation>({
    fields: participationFields,
    indexes: ['eventId', 'personId'],
    references: { eventId: 'events', personId: 'people' },
    unique: [
      { key: (p) => `${p.eventId}|${p.personId}`, level: 'error', code: 'errors.alreadyOnDelegation' },
      {
        key: (p) => (p.role === 'head' && p.registrationStatus !== 'cancelled' ? `${p.eventId}|head` : null),
        level: 'warn',
        code: 'warnings.secondHead',
      },
    ],
    check: (p) => (p.arrival && p.departure && p.departure < p.arrival ? [{ path: 'departure', code: 'errors.departureBeforeArrival' }] : []),
  }),
  invitations: define<Invitation>({
    fields: invitationFields,
    indexes: ['eventId', 'contentHash'],
    references: { eventId: 'events' },
    unique: [{ key: (i) => i.contentHash || null, level: 'error', code: 'errors.letterAlreadyImported' }],
  }),
  contributions: define<Contribution>({
    fields: contributionFields,
    indexes: ['eventId'],
    references: { eventId: 'events' },
    check: (c) => (c.status === 'published' && !c.documentNumber ? [{ path: 'documentNumber', code: 'errors.publishedNeedsNumber' }] : []),
  }),
  documents: define<IssuedDocument>({
    fields: issuedDocumentFields,
    indexes: ['eventId'],
    unique: [{ key: (d) => (d.reference ? d.reference : null), level: 'warn', code: 'warnings.referenceTaken' }],
  }),
  deadlines: define<Deadline>({
    fields: deadlineFields,
    indexes: ['eventId', 'invitationId', 'contributionId'],
    references: { eventId: 'events', invitationId: 'invitations', contributionId: 'contributions', personId: 'people' },
  }),
};

export const COLLECTION_NAMES = Object.keys(collections) as CollectionName[];

export interface Singletons {
  profile: Profile;
  settings: Settings;
}
export type SingletonName = keyof Singletons;

export const singletons: { [S in SingletonName]: Fields } = { profile: profileFields, settings: settingsFields };
export const SINGLETON_NAMES = Object.keys(singletons) as SingletonName[];

/** Each collection's field declarations, by name (for the patch types). */
export interface FieldsOf {
  events: typeof eventFields;
  people: typeof personFields;
  participations: typeof participationFields;
  invitations: typeof invitationFields;
  deadlines: typeof deadlineFields;
  contributions: typeof contributionFields;
  documents: typeof issuedDocumentFields;
  profile: typeof profileFields;
  settings: typeof settingsFields;
}
