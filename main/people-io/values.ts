// A cell's text → the value the app stores, for the fields with a closed list of values, dates and
// yes/no. Each reader returns undefined when it does not recognise the text: the caller reports it.
import { isIsoDate } from '../domain/dates';
import type { Attendance, Fellowship, Gender, Role, VipCategory } from '../domain/enums';
import { fold } from '../domain/text';

/** A cell reduced for lookup: folded, "(e)" endings dropped ("Délégué(e)"), punctuation as spaces. */
export function valueKey(value: string): string {
  return fold(value)
    .replace(/\((?:e|es|s|a|as|trice|ere)\)/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function lookup<T extends string>(table: Record<T, string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of Object.entries(table) as [T, string[]][]) {
    map.set(valueKey(value), value); // the app's own value ("deputyHead") reads back
    for (const word of words) map.set(valueKey(word), value);
  }
  return map;
}

const GENDERS = lookup<Gender>({
  female: ['f', 'femme', 'feminin', 'féminine', 'female', 'woman', 'mujer', 'femenino', 'fem', 'ж', 'жен', 'женский', 'женщина', '女', 'أنثى', 'انثى'],
  male: ['m', 'h', 'homme', 'masculin', 'male', 'man', 'hombre', 'masculino', 'varon', 'masc', 'м', 'муж', 'мужской', 'мужчина', '男', 'ذكر'],
  other: ['other', 'autre', 'otro', 'otra', 'x', 'non binary', 'non binaire', 'no binario', 'другой', 'آخر', '其他'],
  unspecified: [
    'not specified', 'non precise', 'non specifie', 'ne se prononce pas', 'prefer not to say', 'no especificado',
    'prefiero no decirlo', 'не указан', 'غير محدد', '未说明',
  ],
});

/**
 * The gender a cell means. `mIsFemale`: the column writes men H (homme, hombre) or V (varón) and has no
 * F, so its M is Spanish "mujer", not "male".
 */
export function readGender(value: string, mIsFemale: boolean): Gender | undefined {
  const key = valueKey(value);
  if (mIsFemale && key === 'm') return 'female';
  return GENDERS.get(key);
}

/** True when a gender column uses H/V for men and no F: its M means "mujer". */
export function genderColumnMIsFemale(values: string[]): boolean {
  const keys = new Set(values.map(valueKey));
  return (keys.has('h') || keys.has('v')) && keys.has('m') && !keys.has('f');
}

const ROLES = lookup<Role>({
  head: [
    'chef de delegation', 'cheffe de delegation', 'chef de la delegation', 'cheffe de la delegation', 'head of delegation',
    'head of the delegation', 'hod', 'head', 'jefe de delegacion', 'jefa de delegacion', 'jefe de la delegacion',
    'jefa de la delegacion', 'глава делегации', 'رئيس الوفد', '团长', '代表团团长',
  ],
  deputyHead: [
    'chef adjoint', 'cheffe adjointe', 'chef adjoint de delegation', 'cheffe adjointe de delegation', 'chef de delegation adjoint',
    'cheffe de delegation adjointe', 'chef adjoint de la delegation', 'cheffe adjointe de la delegation', 'deputy head',
    'deputy head of delegation', 'deputy head of the delegation', 'alternate head', 'alternate head of delegation', 'deputy',
    'jefe adjunto', 'jefa adjunta', 'jefe adjunto de delegacion', 'jefa adjunta de delegacion', 'jefe adjunto de la delegacion',
    'jefa adjunta de la delegacion', 'заместитель главы делегации', 'نائب رئيس الوفد', '副团长',
  ],
  delegate: ['delegue', 'deleguee', 'delegate', 'delegado', 'delegada', 'делегат', 'مندوب', 'عضو الوفد', '代表', '团员'],
  adviser: [
    'conseiller', 'conseillere', 'adviser', 'advisor', 'asesor', 'asesora', 'consejero', 'consejera', 'советник', 'مستشار', '顾问',
  ],
  expert: ['expert', 'experte', 'experto', 'experta', 'эксперт', 'خبير', '专家'],
  youthDelegate: [
    'delegue jeunesse', 'deleguee jeunesse', 'delegue jeune', 'deleguee jeune', 'youth delegate', 'delegado juvenil',
    'delegada juvenil', 'delegado joven', 'delegada joven', 'молодежный делегат', 'مندوب الشباب', '青年代表',
  ],
  observer: ['observateur', 'observatrice', 'observer', 'observador', 'observadora', 'наблюдатель', 'مراقب', '观察员'],
});

export const readRole = (value: string): Role | undefined => ROLES.get(valueKey(value));

const ATTENDANCES = lookup<Attendance>({
  inPerson: [
    'presentiel', 'en presentiel', 'sur place', 'in person', 'on site', 'onsite', 'physical', 'physique', 'presencial',
    'en persona', 'очно', 'очное', 'лично', 'حضوري', '现场', '线下',
  ],
  remote: [
    'a distance', 'distanciel', 'en distanciel', 'en ligne', 'remote', 'remotely', 'online', 'virtual', 'virtuel', 'a distancia',
    'remoto', 'en linea', 'дистанционно', 'онлайн', 'удаленно', 'عن بعد', 'افتراضي', '远程', '线上', '在线',
  ],
});

export const readAttendance = (value: string): Attendance | undefined => ATTENDANCES.get(valueKey(value));

/** Written in a VIP or fellowship column for "none": not a value, not an error. */
const NONE = new Set(['non', 'no', 'none', 'aucun', 'aucune', 'ninguno', 'ninguna', 'n a', 'na', 'нет', 'لا', '无', '否'].map(valueKey));
export const meansNone = (value: string): boolean => NONE.has(valueKey(value)) || /^[-–—]+$/.test(value.trim());

const VIPS = lookup<VipCategory>({
  VVIP: ['head of state', 'head of government', "chef d'etat", 'chef de gouvernement', 'jefe de estado', 'jefe de gobierno', 'jefa de estado', 'jefa de gobierno'],
  UN: ['united nations', 'nations unies', 'naciones unidas', 'onu', 'оон', 'الأمم المتحدة', '联合国'],
  MIN: ['minister', 'ministre', 'ministro', 'ministra', 'министр', 'وزير', '部长'],
  DMIN: ['deputy minister', 'vice minister', 'vice ministre', 'ministre delegue', 'viceministro', 'viceministra', 'vice ministro', 'заместитель министра', 'نائب وزير', '副部长'],
  AMB: ['ambassador', 'ambassadeur', 'ambassadrice', 'embajador', 'embajadora', 'посол', 'سفير', '大使'],
});

export const readVip = (value: string): VipCategory | undefined => VIPS.get(valueKey(value));

const FELLOWSHIPS = lookup<Fellowship>({
  full: ['complete', 'complète', 'totale', 'total', 'completa', 'entera', 'integrale', 'полная', 'كاملة', '全额'],
  partial: ['partielle', 'partiel', 'parcial', 'частичная', 'جزئية', '部分'],
});

export const readFellowship = (value: string): Fellowship | undefined => FELLOWSHIPS.get(valueKey(value));

const BOOLEANS = new Map<string, boolean>();
for (const word of [
  'oui', 'yes', 'y', 'si', 'true', 'vrai', 'verdadero', '1', 'x', '✓', '✔', 'requis', 'requise', 'required', 'needed', 'requerido',
  'requerida', 'да', 'нужна', 'نعم', '是', '需要',
]) BOOLEANS.set(valueKey(word), true);
for (const word of [
  'non', 'no', 'n', 'false', 'faux', 'falso', '0', 'non requis', 'non requise', 'not required', 'not needed', 'no requerido',
  'no requerida', 'нет', 'не нужна', 'لا', '否', '不需要',
]) BOOLEANS.set(valueKey(word), false);
// '✓' and '✔' fold to nothing as keys: kept apart.
const CHECK_MARKS = /^[✓✔☑]$/u;

export function readBoolean(value: string): boolean | undefined {
  if (CHECK_MARKS.test(value.trim())) return true;
  const key = valueKey(value);
  return key ? BOOLEANS.get(key) : undefined;
}

// ---- Dates ----

/** Month names (long and short) in English, French and Spanish, from Intl, folded, dots dropped. */
let months: Map<string, number> | null = null;

function monthNames(): Map<string, number> {
  if (months) return months;
  months = new Map();
  for (const language of ['en', 'fr', 'es']) {
    for (const width of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(language, { month: width, timeZone: 'UTC' });
      for (let m = 0; m < 12; m++) months.set(valueKey(format.format(new Date(Date.UTC(2000, m, 1)))), m + 1);
    }
  }
  // Short forms Intl does not give: "sep" (es gives "sept"), "sept" (en gives "sep"), "setiembre".
  months.set('sep', 9).set('sept', 9).set('setiembre', 9).set('juil', 7).set('fevr', 2).set('fev', 2).set('dic', 12);
  return months;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * A date as sheets write it → 'YYYY-MM-DD', or undefined (not a date, or no such day). Day first, as
 * at ITU; four-digit years only (03/04/98 is refused, not guessed); a trailing time is ignored.
 * Also "3 mars 1998", "3 March 1998", "March 3, 1998", "3 de marzo de 1998", "1er mars 1998".
 * A bare number (an Excel serial in a CSV) is not a date.
 */
export function readDate(value: string): string | undefined {
  const text = value.trim().replace(/(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)$/, '');
  let y: number, m: number, d: number;
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    const words = valueKey(text)
      .replace(/\b(\d{1,2})(?:er|st|nd|rd|th|o)\b/g, '$1')
      .split(' ')
      .filter((word) => word !== 'de' && word !== 'del');
    if (words.length !== 3 || !/^\d{4}$/.test(words[2])) return undefined;
    const names = monthNames();
    if (/^\d{1,2}$/.test(words[0]) && names.has(words[1])) [d, m] = [Number(words[0]), names.get(words[1]) ?? 0];
    else if (/^\d{1,2}$/.test(words[1]) && names.has(words[0])) [d, m] = [Number(words[1]), names.get(words[0]) ?? 0];
    else return undefined;
    y = Number(words[2]);
  }
  const date = iso(y, m, d);
  return isIsoDate(date) ? date : undefined;
}
