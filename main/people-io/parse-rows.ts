// A sheet's rows → the values the app stores, field by field, with every problem as an issue on its row.
// `values` holds only what the app accepts; a cell that is not (an unknown role, 31/02/1990, a text too
// long) is never a blank: it is an issue naming the field, with the cell's text where it helps.
import { z } from 'zod';
import { todayIso } from '../domain/dates';
import { countryCode } from './countries';
import { maxLength, type TargetField } from './fields';
import type { SheetData } from './fields';
import {
  genderColumnMIsFemale, meansNone, readAttendance, readBoolean, readDate, readFellowship, readGender, readRole, readVip,
} from './values';

export interface RowIssue {
  field: TargetField | null;
  code: string;
  params?: Record<string, string | number>;
}

export interface ParsedRow {
  /** The row's line (CSV) or row (XLSX) number in the file, as SheetData.lineNumbers gives it. */
  line: number;
  values: Partial<Record<TargetField, string | boolean>>;
  issues: RowIssue[];
}

/** What an issue shows of a cell: enough to find it, never a whole paragraph. */
const MAX_SHOWN = 60;
const shown = (value: string) => (value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN - 1)}…` : value);

const DATE_FIELDS: ReadonlySet<TargetField> = new Set(['birthDate', 'passportIssued', 'passportExpires', 'arrival', 'departure']);
const COUNTRY_FIELDS: ReadonlySet<TargetField> = new Set(['nationality', 'passportCountry']);
/** Texts kept on several lines; every other text is one line (a line break in a name is a space). */
const MULTILINE: ReadonlySet<TargetField> = new Set(['notes']);

/**
 * The writers' guard against formulas (see ./write.ts) taken off again: "'=SUM(A1)" exported by the
 * app reads back as "=SUM(A1)", so that an export imported again is unchanged.
 */
const ESCAPED_FORMULA = /^'(?=[=+\-@\t\r])/;

const isEmail = (value: string) => z.email().safeParse(value).success;

export function parseRows(sheet: SheetData, mapping: (TargetField | null)[]): ParsedRow[] {
  // Decided once per column from all its cells (see readGender).
  const genderColumn = mapping.indexOf('gender');
  const mIsFemale = genderColumn >= 0 && genderColumnMIsFemale(sheet.rows.map((row) => row[genderColumn] ?? ''));
  const today = todayIso();

  return sheet.rows.map((row, i) => {
    const values: ParsedRow['values'] = {};
    const issues: RowIssue[] = [];
    mapping.forEach((field, column) => {
      if (field === null) return;
      const raw = (row[column] ?? '').trim().replace(ESCAPED_FORMULA, '');
      if (!raw) return;
      const parsed = parseValue(field, raw, mIsFemale, today);
      if (parsed === null) return;
      if ('issue' in parsed) {
        issues.push(parsed.issue);
        return;
      }
      const previous = values[field];
      if (previous === undefined || previous === parsed.value) values[field] = parsed.value;
      // Two columns the user gave the same field: notes add up, anything else must be chosen.
      else if (field === 'notes') values.notes = `${String(previous)}\n${String(parsed.value)}`;
      else issues.push({ field, code: 'peopleImport.valueConflict', params: { value: shown(raw) } });
    });
    for (const field of ['givenName', 'familyName'] as const) {
      // A name too long is already an issue; only a name absent is "missing".
      if (values[field] === undefined && !issues.some((issue) => issue.field === field)) {
        issues.push({ field, code: 'peopleImport.nameMissing' });
      }
    }
    return { line: sheet.lineNumbers[i], values, issues };
  });
}

/** null: the cell says "none" (a VIP column's "Non"), which is what an empty cell says too. */
type Parsed = { value: string | boolean } | { issue: RowIssue } | null;

function parseValue(field: TargetField, raw: string, mIsFemale: boolean, today: string): Parsed {
  const unknown = (): Parsed => ({ issue: { field, code: 'peopleImport.valueUnknown', params: { value: shown(raw) } } });

  if (DATE_FIELDS.has(field)) {
    const date = readDate(raw);
    if (!date) return { issue: { field, code: 'peopleImport.dateInvalid', params: { value: shown(raw) } } };
    if (date > today && field === 'birthDate') return { issue: { field, code: 'peopleImport.birthDateFuture', params: { value: date } } };
    if (date > today && field === 'passportIssued') return { issue: { field, code: 'peopleImport.dateFuture', params: { value: date } } };
    return { value: date };
  }
  if (COUNTRY_FIELDS.has(field)) {
    const code = countryCode(raw);
    return code ? { value: code } : unknown();
  }
  switch (field) {
    case 'gender': {
      const gender = readGender(raw, mIsFemale);
      return gender ? { value: gender } : unknown();
    }
    case 'role': {
      const role = readRole(raw);
      return role ? { value: role } : unknown();
    }
    case 'attendance': {
      const attendance = readAttendance(raw);
      return attendance ? { value: attendance } : unknown();
    }
    case 'vip': {
      const vip = readVip(raw);
      return vip ? { value: vip } : meansNone(raw) ? null : unknown();
    }
    case 'fellowship': {
      const fellowship = readFellowship(raw);
      return fellowship ? { value: fellowship } : meansNone(raw) ? null : unknown();
    }
    case 'visaNeeded': {
      const needed = readBoolean(raw);
      return needed === undefined ? unknown() : { value: needed };
    }
    default:
      return parseText(field, raw);
  }
}

function parseText(field: TargetField, raw: string): Parsed {
  let value = MULTILINE.has(field) ? raw : raw.replace(/\s+/g, ' ');
  if (field === 'email') value = value.replace(/^mailto:/i, '');
  const max = maxLength(field);
  if (max !== undefined && value.length > max) return { issue: { field, code: 'peopleImport.tooLong', params: { max } } };
  if (field === 'email' && !isEmail(value)) return { issue: { field, code: 'peopleImport.emailInvalid', params: { value: shown(value) } } };
  return { value };
}
