// Dates as ITU letters write them, in the six languages: "du 17 au 28 novembre 2025", "from 28 February
// to 10 March 2000", "del 16 al 18 de marzo de 1998", "с 5 по 14 июля 2016 года", "2017年10月16日至27日",
// "من 17 إلى 28 نوفمبر 2025", "26.08.2024". Spaces are optional between the parts, because text taken
// from a PDF often runs together ("du17au28novembre2025").
import { isIsoDate } from '../dates';

/** A date or a span of days found in the text, with where it was written. */
export interface FoundDate {
  from: string;
  to: string;
  start: number;
  end: number;
}

const MONTHS: Record<string, number> = {};
function months(names: string, ...alternatives: string[]): void {
  const all = [names, ...alternatives];
  for (const list of all) list.split(' ').forEach((name, i) => { if (name !== '-') MONTHS[name] = i + 1; });
}
months('janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
  'janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre',
  'janv. févr. - avr. - - juil. - sept. oct. nov. déc.');
months('january february march april may june july august september october november december',
  'jan feb mar apr - jun jul aug sep oct nov dec', '- - - - - - - - sept - - -');
months('enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre',
  '- - - - - - - - setiembre - - -');
months('января февраля марта апреля мая июня июля августа сентября октября ноября декабря',
  'январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь');
months('يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر',
  '- - - ابريل - يونيه يوليه اغسطس - اكتوبر - -', 'كانون_الثاني شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين_الأول تشرين_الثاني كانون_الأول');

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest first, so that "mars" is not read as "mar", and "mayo" not as "may".
const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .map((name) => escape(name).replace('_', '\\s*'))
  .join('|')})(?![\\p{L}])`;
// "del lunes 5 al jueves 15 de abril", "from Monday 3 to Friday 7 May": a weekday may come before the day.
const WEEKDAY = '(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)\\s*,?\\s*)?';
const DAY = `${WEEKDAY}(\\d{1,2})(?:er|st|nd|rd|th|º|°|-?го)?`;
const YEAR = '(\\d{4})(?!\\d)(?:\\s*(?:года|год|г\\.|م))?';
const OF = '\\s*(?:de\\s*)?'; // Spanish "16 de marzo de 1998"
const OF_YEAR = '\\s*,?\\s*(?:del?\\s*)?';
const NOTE = '(?:\\s*\\([^()\\n]{1,25}\\))?'; // "11 (afternoon) – 13 May 2005"
const TO = '\\s*(?:[-–—‑~]|au|to|till|until|through|al|a|по|إلى|الى|حتى|à)\\s*';
const AND = '\\s*(?:et|and|y|e|и|و)\\s*';
const NOT_AFTER_DIGIT = '(?<![\\d.,/])';

const RANGE_SAME_MONTH = new RegExp(`${NOT_AFTER_DIGIT}${DAY}${NOTE}(?:${TO}|${AND})${DAY}${NOTE}${OF}${MONTH}\\.?${OF_YEAR}${YEAR}`, 'giu');
const RANGE_TWO_MONTHS = new RegExp(
  `${NOT_AFTER_DIGIT}${DAY}${NOTE}${OF}${MONTH}\\.?(?:${OF_YEAR}${YEAR})?${TO}${DAY}${NOTE}${OF}${MONTH}\\.?${OF_YEAR}${YEAR}`, 'giu');
const SINGLE = new RegExp(`${NOT_AFTER_DIGIT}${DAY}${OF}${MONTH}\\.?${OF_YEAR}${YEAR}`, 'giu');
const MONTH_FIRST = new RegExp(`(?<![\\p{L}])${MONTH}\\.?\\s*${DAY}(?:${TO}${DAY})?\\s*,\\s*${YEAR}`, 'giu');
const CHINESE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*(?:日(?=\s*[至到~－—\-–])|日|(?=\s*[至到~－—\-–]))(?:\s*(?:至|到|~|－|—|-|–)\s*(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日)?/gu;
const NUMERIC = /(?<![\d.\/])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\d])/gu;
const ISO = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d])/gu;

function iso(year: string | number, month: number, day: string | number): string | null {
  const value = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const y = Number(year);
  return y >= 1865 && y <= 2200 && isIsoDate(value) ? value : null;
}

function monthOf(name: string): number {
  const key = name.toLocaleLowerCase('und').replace(/\s+/g, '_');
  return MONTHS[key] ?? MONTHS[key.replace(/\.$/, '')] ?? 0;
}

type Reader = (m: RegExpExecArray) => [string | null, string | null];

const READERS: [RegExp, Reader][] = [
  [RANGE_TWO_MONTHS, (m) => {
    const endYear = m[6];
    const startYear = m[3] ?? (monthOf(m[2]) > monthOf(m[5]) ? String(Number(endYear) - 1) : endYear);
    return [iso(startYear, monthOf(m[2]), m[1]), iso(endYear, monthOf(m[5]), m[4])];
  }],
  // Arabic pages sometimes print a range the other way round ("12-8 نوفمبر 2021" for 8–12): a span is read lowest first.
  [RANGE_SAME_MONTH, (m) => {
    const [a, b] = [Number(m[1]), Number(m[2])].sort((x, y) => x - y);
    return [iso(m[4], monthOf(m[3]), a), iso(m[4], monthOf(m[3]), b)];
  }],
  [CHINESE, (m) => {
    const from = iso(m[1], Number(m[2]), m[3]);
    if (!m[6]) return [from, from];
    return [from, iso(m[4] ?? m[1], Number(m[5] ?? m[2]), m[6])];
  }],
  [MONTH_FIRST, (m) => [iso(m[4], monthOf(m[1]), m[2]), iso(m[4], monthOf(m[1]), m[3] ?? m[2])]],
  [SINGLE, (m) => { const d = iso(m[3], monthOf(m[2]), m[1]); return [d, d]; }],
  [NUMERIC, (m) => { const d = iso(m[4], Number(m[3]), m[1]); return [d, d]; }],
  [ISO, (m) => { const d = iso(m[1], Number(m[2]), m[3]); return [d, d]; }],
];

/** Every full date (day, month and year) in the text, ranges as one, in reading order. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  const taken: [number, number][] = [];
  const overlaps = (start: number, end: number) => taken.some(([s, e]) => start < e && end > s);
  for (const [pattern, read] of READERS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(start, end)) continue;
      const [from, to] = read(m);
      if (!from || !to || to < from) continue;
      found.push({ from, to, start, end });
      taken.push([start, end]);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
