// Date fields in the UI language's own format ("23/11/2026" in French, "11/23/2026" in English,
// "2026/11/23" in Chinese, Arabic-Indic digits in Arabic), while the value stays YYYY-MM-DD.
type Part = 'day' | 'month' | 'year';

const SAMPLE = Date.UTC(2026, 10, 23);
const BIDI_MARKS = /[\u200e\u200f\u061c\u2066-\u2069]/g;
const formats = new Map<string, Intl.DateTimeFormat>();

function numericFormat(language: string): Intl.DateTimeFormat {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
    formats.set(language, format);
  }
  return format;
}

/** The order of day, month and year in the language's numeric dates. */
export function dateOrder(language: string): Part[] {
  return numericFormat(language)
    .formatToParts(SAMPLE)
    .map((p) => p.type)
    .filter((type): type is Part => type === 'day' || type === 'month' || type === 'year');
}

/** 2026-11-23 as the language writes a date in a field: 23/11/2026, 11/23/2026, 2026/11/23, ٢٣/١١/٢٠٢٦. */
export function formatInputDate(iso: string, language: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return numericFormat(language).format(Date.UTC(y, m - 1, d)).replace(BIDI_MARKS, '');
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * What the user typed, as YYYY-MM-DD: three numbers in the language's order (any separator, any
 * script's digits), or an ISO date. '' for an empty field; null for something that is not a date.
 */
export function parseInputDate(text: string, language: string): string | '' | null {
  const clean = toLatinDigits(text.replace(BIDI_MARKS, '')).trim();
  if (clean === '') return '';
  const numbers = clean.split(/[^0-9]+/).filter(Boolean);
  if (numbers.length !== 3) return null;
  const order: Part[] = /^\d{4}[^0-9]/.test(clean) ? ['year', 'month', 'day'] : dateOrder(language);
  const value: Record<Part, number> = { day: 0, month: 0, year: 0 };
  order.forEach((part, i) => (value[part] = Number(numbers[i])));
  const yearText = numbers[order.indexOf('year')];
  if (yearText.length !== 4 || !isRealDate(value.year, value.month, value.day)) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.year}-${pad(value.month)}-${pad(value.day)}`;
}

/** The zeros of the digit sets a user of the six languages may type: Arabic-Indic, Persian, full-width. */
const ZEROS = [0x0660, 0x06f0, 0xff10];

/** Digits of those scripts (٣, ۳, ３) as ASCII. */
export function toLatinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g, (digit) => {
    const code = digit.codePointAt(0)!;
    const zero = ZEROS.find((z) => code >= z && code <= z + 9)!;
    return String(code - zero);
  });
}
