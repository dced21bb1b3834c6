// The app's fields a column of a people sheet can fill, the codes this module reports, and the lengths
// the app accepts (read from the data model, so that a value accepted here is accepted by the store).
import type { Fields } from './fields';
import { LIMITS, participationFields, personFields } from './model';

export const PERSON_FIELDS = [
  'givenName', 'familyName', 'title', 'gender', 'birthDate', 'nationality', 'organisation', 'function', 'email', 'phone',
  'passportName', 'placeOfBirth', 'passportNumber', 'passportCountry', 'passportIssued', 'passportExpires',
] as const;

/** What an import into an event's delegation adds to each person. */
export const PARTICIPATION_FIELDS = [
  'role', 'attendance', 'vip', 'visaNeeded', 'fellowship', 'arrival', 'departure', 'notes',
] as const;

export type TargetField = (typeof PERSON_FIELDS)[number] | (typeof PARTICIPATION_FIELDS)[number];

export const TARGET_FIELDS: readonly TargetField[] = [...PERSON_FIELDS, ...PARTICIPATION_FIELDS];

/** The errors readSheet throws (AppError codes, for the translators), with their params. */
export type PeopleErrorCode =
  | 'peopleImport.empty' // no person in the file (nothing, blank lines, or a header alone)
  | 'peopleImport.tooLarge' // { max: 20 } (MB)
  | 'peopleImport.tooManyRows' // { max, found }
  | 'peopleImport.unsupported' // not a .csv/.txt/.tsv/.xlsx (an old .xls, a PDF, a binary file)
  | 'peopleImport.unreadable' // a corrupt .xlsx (or a ZIP that is not a workbook)
  | 'peopleImport.zipBomb' // an .xlsx that declares or holds far more than a sheet of people
  | 'peopleImport.noHeader' // the first row is people, not column names
  | 'peopleImport.unclosedQuote'; // { line }: a CSV quote opened there is never closed (the rest would be one cell)

/** The issues parseRows reports on a row (RowIssue.code), with their params. */
export type PeopleIssueCode =
  | 'peopleImport.nameMissing' // given or family name empty (field says which)
  | 'peopleImport.tooLong' // { max }
  | 'peopleImport.emailInvalid' // { value }
  | 'peopleImport.dateInvalid' // { value }: not a date, or no such day (31/02/1990)
  | 'peopleImport.birthDateFuture' // { value }
  | 'peopleImport.dateFuture' // { value }: a passport issued after today
  | 'peopleImport.valueUnknown' // { value } (≤ 60 characters): not one of the field's choices, or not a country
  | 'peopleImport.valueConflict'; // { value }: two columns given the same field disagree (value: the second one)

/** Lengths used when the model does not declare the field (yet): the app's usual limits. */
const FALLBACK_LIMITS: Partial<Record<TargetField, number>> = {
  givenName: LIMITS.name, familyName: LIMITS.name, passportName: LIMITS.name, placeOfBirth: LIMITS.name,
  title: 40, organisation: LIMITS.text, function: LIMITS.text, passportNumber: LIMITS.text,
  email: LIMITS.email, phone: LIMITS.phone, notes: LIMITS.notes,
};

/** The longest text the app accepts for a field (text fields only), from the model's declaration. */
export function maxLength(field: TargetField): number | undefined {
  const declared = ((personFields as Fields)[field] ?? (participationFields as Fields)[field])?.maxLength;
  return declared ?? FALLBACK_LIMITS[field];
}

/** A sheet as read: its headings, its rows as text, and where each row is in the file. */
export interface SheetData {
  headers: string[];
  rows: string[][];
  /** 1-based line (CSV) or row (XLSX) number in the file of rows[i] */
  lineNumbers: number[];
  /** CSV only. 'utf-16be' is read too (by its BOM), though no spreadsheet writes it nowadays. */
  encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** CSV only. */
  separator?: ',' | ';' | '\t';
}
