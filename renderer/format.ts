// Dates, numbers and country names through Intl, in the UI language. Building an Intl formatter
// costs far more than using one (a list of 5,000 people spent 837 ms building them), so each is
// built once per language and options, and reused.
import { COUNTRY_CODES } from '../main/domain/countries';

const cache = new Map<string, unknown>();

function cached<T>(key: string, build: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = build();
    cache.set(key, value);
  }
  return value;
}

const dateFormat = (language: string) =>
  cached(`date|${language}`, () => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }));

/** Calendar dates are formatted in UTC so that a date never moves with the laptop's time zone. */
function utc(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

export function formatDate(isoDate: string | undefined, language: string): string {
  if (!isoDate) return '';
  return dateFormat(language).format(utc(isoDate));
}

/** An instant (ISO timestamp), in the computer's time zone: when a backup was made. */
export function formatDateTime(iso: string, language: string): string {
  return cached(`datetime|${language}`, () => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' })).format(
    new Date(iso),
  );
}

export function formatDateRange(start: string, end: string, language: string): string {
  return dateFormat(language).formatRange(utc(start), utc(end));
}

export function formatPercent(share: number, language: string): string {
  return cached(`percent|${language}`, () => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 })).format(share);
}

export function formatNumber(value: number, language: string): string {
  return cached(`number|${language}`, () => new Intl.NumberFormat(language)).format(value);
}

/** A year as the language writes it, without grouping ("1970", not "1,970"). */
export function formatYear(year: number, language: string): string {
  return cached(`year|${language}`, () => new Intl.NumberFormat(language, { useGrouping: false })).format(year);
}

export function countryName(code: string | undefined, language: string): string {
  if (!code) return '';
  return cached(`region|${language}`, () => new Intl.DisplayNames([language], { type: 'region', fallback: 'code' })).of(code) ?? code;
}

export function countriesByName(language: string): { code: string; name: string }[] {
  return cached(`countries|${language}`, () => {
    const collator = new Intl.Collator(language);
    return COUNTRY_CODES.map((code) => ({ code, name: countryName(code, language) })).sort((a, b) => collator.compare(a.name, b.name));
  });
}

/** The language's own collation, for sorting names. */
export function collator(language: string): Intl.Collator {
  return cached(`collator|${language}`, () => new Intl.Collator(language, { sensitivity: 'base', numeric: true }));
}

/** A list joined the language's way ("A, B and C"; "A، B و C"). */
export function formatList(items: string[], language: string): string {
  return cached(`list|${language}`, () => new Intl.ListFormat(language, { type: 'conjunction' })).format(items);
}

export interface NamedPerson {
  title?: string;
  givenName: string;
  familyName: string;
}

/** "Mr Jean Dupont": how a person is named in a sentence. */
export function personName(person: NamedPerson): string {
  return [person.title, person.givenName, person.familyName].filter(Boolean).join(' ');
}

/** "DUPONT, Jean": how a person is named in a sorted list, where the family name leads. */
export function sortedName(person: NamedPerson, language: string, separator: string): string {
  return `${person.familyName.toLocaleUpperCase(language)}${separator}${person.givenName}`;
}

/** "Baku, Azerbaijan" with the language's own list separator ("، " in Arabic, "，" in Chinese). */
export function venue(city: string, country: string | undefined, language: string, separator: string): string {
  return [city, countryName(country, language)].filter(Boolean).join(separator);
}

/** "in 3 days", "yesterday", "today": a countdown to a calendar date, in the language's words. */
export function formatCountdown(daysLeft: number, language: string): string {
  return cached(`relative|${language}`, () => new Intl.RelativeTimeFormat(language, { numeric: 'auto' })).format(daysLeft, 'day');
}
