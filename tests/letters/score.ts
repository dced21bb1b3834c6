// Scores the extraction of letters against what a careful reader wrote in `<letter>.expected.json`:
// each of 11 fields is right or wrong (the deadlines count as one field: the same set of dates).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ParsedLetter } from '../../main/domain/letters/extract';
import { fold } from '../../main/domain/text';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/letters');

export interface LetterCase {
  name: string;
  language: string;
  textFile: string;
  expected: ParsedLetter;
}

/** Every `*.txt` with its `*.expected.json` under a fixtures folder. */
export function letterCases(folder: string): LetterCase[] {
  const dir = path.join(FIXTURES, folder);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.expected.json'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.expected\.json$/, '');
      return {
        name,
        language: name.split('_')[0],
        textFile: path.join(dir, `${name}.txt`),
        expected: JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as ParsedLetter,
      };
    });
}

const same = (a: string | null, b: string | null) =>
  (a === null || b === null) ? a === b : fold(a).replace(/[\s'’.,-]+/g, ' ').trim() === fold(b).replace(/[\s'’.,-]+/g, ' ').trim();

/** Field name → right or wrong. */
export function scoreFields(actual: ParsedLetter, expected: ParsedLetter): Record<string, boolean> {
  const dates = (l: ParsedLetter) => [...new Set(l.deadlines.map((d) => d.date))].sort().join(',');
  return {
    reference: same(actual.reference, expected.reference),
    letterDate: actual.letterDate === expected.letterDate,
    language: actual.language === expected.language,
    eventName: same(actual.eventName, expected.eventName),
    eventAcronym: same(actual.eventAcronym, expected.eventAcronym),
    city: same(actual.venue.city, expected.venue.city),
    country: actual.venue.country === expected.venue.country,
    startDate: actual.startDate === expected.startDate,
    endDate: actual.endDate === expected.endDate,
    deadlines: dates(actual) === dates(expected),
    contactEmail: actual.contactEmail === expected.contactEmail,
  };
}
