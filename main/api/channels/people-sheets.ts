// A ministry's spreadsheet in (a preview with every row's problems first, then one transaction), and a
// delegation out as CSV or XLSX. Likely duplicates are linked to the person already recorded, never created twice.
import { z } from 'zod';
import { fromBase64 } from '../../domain/base64';
import { safeFileName } from '../../domain/file-name';
import { fileInput, participationInput, personInput } from '../../domain/inputs';
import { passportKey } from '../../domain/passport';
import { recordId, type Participation, type Person } from '../../domain/model';
import { fold } from '../../domain/text';
import { LANGUAGES, LIMITS } from '../../domain/enums';
import { AppError } from '../../errors';
import { createTranslator } from '../../i18n';
import { PARTICIPATION_FIELDS, PERSON_FIELDS, TARGET_FIELDS, type SheetData, type TargetField } from '../../people-io/fields';
import { guessMapping } from '../../people-io/mapping';
import { parseRows, type ParsedRow } from '../../people-io/parse-rows';
import { defineChannel, type CallContext } from '../channel';
import { deliverFile } from '../deliver';

const targetField = z.enum(TARGET_FIELDS as [TargetField, ...TargetField[]]);
const sheetInput = {
  ...fileInput('peopleImport.tooLarge'),
  /** The field of each column, as the user confirmed it; absent: as guessed from the headings. */
  mapping: z.array(targetField.nullable()).max(200).optional(),
  /** Cells corrected in the preview, by the row's line in the file: they replace what the file says. */
  edits: z.array(z.object({ line: z.number().int().positive(), field: targetField, value: z.string().max(LIMITS.notes) })).max(5_000).optional(),
};
const previewInput = z.object(sheetInput);
const importInput = z.object({
  ...sheetInput,
  /** Into this event's delegation too. */
  eventId: recordId.optional(),
  /** Nothing is written when a row has a problem. */
  strict: z.boolean().optional(),
});

export interface PreviewRow {
  line: number;
  values: ParsedRow['values'];
  issues: ParsedRow['issues'];
  /** The cells with a problem as written (a passport number never), for the user to correct them. */
  cells: Partial<Record<TargetField, string>>;
  /** The person already recorded that this row is likely about. */
  duplicateOf: { id: string; name: string } | null;
}

export interface PeoplePreview {
  headers: string[];
  mapping: (TargetField | null)[];
  rows: PreviewRow[];
}

export interface PeopleImportResult {
  created: number;
  linked: number;
  addedToEvent: number;
  rejected: { line: number; issues: ParsedRow['issues'] }[];
}

const nameKey = (given: string, family: string) => `${fold(given)}|${fold(family)}`;

/** Recorded people by what tells a person apart: passport number, names with date of birth or e-mail. */
function peopleIndex(people: readonly Readonly<Person>[]) {
  const index = new Map<string, Readonly<Person>>();
  const add = (person: Readonly<Person>) => {
    if (person.birthDate) index.set(`n:${nameKey(person.givenName, person.familyName)}|${person.birthDate}`, person);
    // An e-mail can be a shared office box: it tells people apart only together with the name.
    if (person.email) index.set(`e:${nameKey(person.givenName, person.familyName)}|${fold(person.email)}`, person);
    const passport = passportKey(person.passportNumber);
    if (passport) index.set(`p:${passport}`, person);
    index.set(`o:${nameKey(person.givenName, person.familyName)}`, person);
  };
  for (const person of people) add(person);
  const find = (v: ParsedRow['values']): Readonly<Person> | undefined => {
    const given = String(v.givenName ?? '');
    const family = String(v.familyName ?? '');
    const keys = [
      v.passportNumber ? `p:${passportKey(String(v.passportNumber))}` : null,
      v.email ? `e:${nameKey(given, family)}|${fold(String(v.email))}` : null,
      v.birthDate ? `n:${nameKey(given, family)}|${v.birthDate}` : null,
      // Names alone: only when the row gives nothing that could tell two namesakes apart.
      !v.birthDate && !v.passportNumber ? `o:${nameKey(given, family)}` : null,
    ];
    for (const key of keys) if (key && index.has(key)) return index.get(key);
    return undefined;
  };
  return { find, add };
}

/**
 * The sheet with the user's corrections in it: each goes into the column of its field, or into a column
 * added for it when no column has that field (a name the file leaves out).
 */
function withEdits(sheet: SheetData, mapping: (TargetField | null)[], edits: z.output<typeof previewInput>['edits']) {
  if (!edits?.length) return { sheet, mapping };
  const columns = [...mapping];
  const rows = sheet.rows.map((row) => [...row]);
  const rowOfLine = new Map(sheet.lineNumbers.map((line, i) => [line, i]));
  for (const { line, field, value } of edits) {
    const row = rowOfLine.get(line);
    if (row === undefined) continue;
    let column = columns.indexOf(field);
    if (column < 0) column = columns.push(field) - 1;
    rows[row][column] = value;
  }
  return { sheet: { ...sheet, headers: columns.map((_, i) => sheet.headers[i] ?? ''), rows }, mapping: columns };
}

async function parsed(input: z.output<typeof previewInput>, { sheets }: CallContext) {
  const read = await sheets.read(fromBase64(input.content), input.fileName);
  const guessed = input.mapping ?? guessMapping(read.headers);
  if (guessed.length !== read.headers.length) throw new AppError('errors.invalid');
  const { sheet, mapping } = withEdits(read, guessed, input.edits);
  return { headers: read.headers, guessed, sheet, mapping, rows: parseRows(sheet, mapping) };
}

const person = (name: { givenName: string; familyName: string }) => `${name.givenName} ${name.familyName}`;

function personValues(v: ParsedRow['values']): Record<string, unknown> {
  return Object.fromEntries(PERSON_FIELDS.filter((f) => v[f] !== undefined).map((f) => [f, v[f]]));
}

function participationValues(v: ParsedRow['values']): Partial<Participation> {
  const values: Record<string, unknown> = Object.fromEntries(
    PARTICIPATION_FIELDS.filter((f) => f !== 'visaNeeded' && v[f] !== undefined).map((f) => [f, v[f]]),
  );
  if (v.visaNeeded !== undefined) values.visa = v.visaNeeded ? 'needed' : 'notNeeded';
  return values as Partial<Participation>;
}

/** The columns of an export: headings the import recognises, so that an export reads back as it was. */
const EXPORT_COLUMNS: [string, (m: { person: Person; participation: Participation }) => string | boolean | undefined][] = [
  ['Given name', (m) => m.person.givenName],
  ['Family name', (m) => m.person.familyName],
  ['Title', (m) => m.person.title],
  ['Gender', (m) => ({ female: 'Female', male: 'Male', other: 'Other', unspecified: '' })[m.person.gender]],
  ['Date of birth', (m) => m.person.birthDate],
  ['Nationality', (m) => m.person.nationality],
  ['Organisation', (m) => m.person.organisation],
  ['Function', (m) => m.person.function],
  ['E-mail', (m) => m.person.email],
  ['Phone', (m) => m.person.phone],
  ['Role', (m) => ROLE_NAMES[m.participation.role]],
  ['Attendance', (m) => (m.participation.attendance === 'remote' ? 'Remote' : 'In person')],
  ['VIP', (m) => m.participation.vip],
  ['Visa needed', (m) => (m.participation.visa === 'notNeeded' ? 'no' : 'yes')],
  ['Fellowship', (m) => m.participation.fellowship],
  ['Arrival', (m) => m.participation.arrival],
  ['Departure', (m) => m.participation.departure],
  ['Notes', (m) => m.participation.notes],
];
const PASSPORT_COLUMNS: typeof EXPORT_COLUMNS = [
  ['Name as in passport', (m) => m.person.passportName],
  ['Passport number', (m) => m.person.passportNumber],
  ['Issuing country', (m) => m.person.passportCountry],
  ['Place of birth', (m) => m.person.placeOfBirth],
  ['Issue date', (m) => m.person.passportIssued],
  ['Expiry date', (m) => m.person.passportExpires],
];
const ROLE_NAMES: Record<Participation['role'], string> = {
  head: 'Head of delegation', deputyHead: 'Deputy head', delegate: 'Delegate', adviser: 'Adviser', expert: 'Expert',
  youthDelegate: 'Youth delegate', observer: 'Observer',
};


export const peopleSheetChannels = {
  /** An event's delegation (cancelled members too, with their status) as CSV or XLSX; passports only when asked. */
  'people:export': defineChannel(
    z.object({ eventId: recordId, format: z.enum(['csv', 'xlsx']), passports: z.boolean().optional() }),
    async ({ eventId, format, passports }, context) => {
      const { read, sheets } = context;
      const event = read.events.get(eventId);
      const columns = passports ? [...EXPORT_COLUMNS, ...PASSPORT_COLUMNS] : EXPORT_COLUMNS;
      const members = read.participations.where('eventId', eventId).filter((p) => !p.deletedAt).flatMap((participation) => {
        const person = read.people.find(participation.personId);
        return person ? [{ person, participation }] : [];
      });
      const bytes = await sheets.write(format, event.acronym || 'Delegation', columns.map(([heading]) => heading), members.map((m) => columns.map(([, value]) => value(m) ?? '')));
      const fileName = safeFileName(`${(event.acronym || event.name).slice(0, 60)}-delegation`, format);
      return { ...(await deliverFile(context.host, fileName, bytes)), rows: members.length };
    },
  ),

  /** An empty sheet with the columns the import reads, headed in the language chosen (independent of the UI's). */
  'people:template': defineChannel(
    z.object({ language: z.enum(LANGUAGES), format: z.enum(['csv', 'xlsx']) }),
    async ({ language, format }, context) => {
      const t = createTranslator(language);
      const headers = TARGET_FIELDS.map((field) => t(`peopleTemplate.heading.${field}`));
      const bytes = await context.sheets.write(format, t('peopleTemplate.sheetName'), headers, []);
      return deliverFile(context.host, safeFileName(`${t('peopleTemplate.sheetName')}-template-${language}`, format), bytes);
    },
  ),

  'people:importPreview': defineChannel(previewInput, async (input, context): Promise<PeoplePreview> => {
    const { headers, guessed, sheet, mapping, rows } = await parsed(input, context);
    const { find } = peopleIndex(context.read.people.list());
    const cellsOf = (i: number, issues: ParsedRow['issues']) => Object.fromEntries(issues.flatMap(({ field }) =>
      field && field !== 'passportNumber' ? [[field, sheet.rows[i][mapping.indexOf(field)] ?? '']] : []));
    return {
      headers,
      mapping: guessed,
      rows: rows.map((row, i) => {
        const existing = find(row.values);
        // A preview shows whose passport it is, not its number.
        const values = row.values.passportNumber ? { ...row.values, passportNumber: `•••• ${String(row.values.passportNumber).slice(-4)}` } : row.values;
        return { line: row.line, values, issues: row.issues, cells: cellsOf(i, row.issues), duplicateOf: existing ? { id: existing.id, name: person(existing) } : null };
      }),
    };
  }),

  'people:import': defineChannel(importInput, async (input, context): Promise<PeopleImportResult> => {
    const { rows } = await parsed(input, context);
    const rejected = rows.filter((r) => r.issues.length > 0).map((r) => ({ line: r.line, issues: r.issues }));
    if (input.strict && rejected.length > 0) throw new AppError('peopleImport.rejectedStrict', { count: rejected.length });
    const good = rows.filter((r) => r.issues.length === 0);
    return context.change((tx) => {
      const index = peopleIndex(tx.people.list());
      const result: PeopleImportResult = { created: 0, linked: 0, addedToEvent: 0, rejected };
      const onEvent = new Set(input.eventId ? tx.participations.where('eventId', tx.events.get(input.eventId).id).filter((p) => !p.deletedAt).map((p) => p.personId) : []);
      for (const row of good) {
        let someone = index.find(row.values);
        if (someone) {
          result.linked += 1;
        } else {
          someone = tx.people.create(personInput.parse(personValues(row.values)));
          index.add(someone);
          result.created += 1;
        }
        if (input.eventId && !onEvent.has(someone.id)) {
          tx.participations.create(participationInput.parse({ role: 'delegate', ...participationValues(row.values), eventId: input.eventId, personId: someone.id }));
          onEvent.add(someone.id);
          result.addedToEvent += 1;
        }
      }
      return result;
    });
  }),
};
