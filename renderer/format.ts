// Dates, numbers and country names through Intl, in the UI language.
import { COUNTRY_CODES } from '../main/domain/countries';

/** Calendar dates are formatted in UTC so that a date never moves with the laptop's time zone. */
function utc(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

export function formatDate(isoDate: string | undefined, language: string): string {
  if (!isoDate) return '';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(utc(isoDate));
}

/** An instant (ISO timestamp), in the computer's time zone: when a backup was made. */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDateRange(start: string, end: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(utc(start), utc(end));
}

export function formatPercent(share: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

export function countryName(code: string | undefined, language: string): string {
  if (!code) return '';
  return new Intl.DisplayNames([language], { type: 'region', fallback: 'code' }).of(code) ?? code;
}

export function countriesByName(language: string): { code: string; name: string }[] {
  const collator = new Intl.Collator(language);
  return COUNTRY_CODES.map((code) => ({ code, name: countryName(code, language) })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
}

export function personName(person: { title?: string; givenName: string; familyName: string }): string {
  return [person.title, person.givenName, person.familyName].filter(Boolean).join(' ');
}

/** "Baku, Azerbaijan" with the language's own list separator ("، " in Arabic, "，" in Chinese). */
export function venue(city: string, country: string | undefined, language: string, separator: string): string {
  return [city, countryName(country, language)].filter(Boolean).join(separator);
}
