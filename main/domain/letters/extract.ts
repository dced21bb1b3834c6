// Reads an ITU letter's text into what the delegation records: reference, date, event, venue, dates,
// deadlines and contact. Pure and fast (no I/O). A field the letter does not give is null, never a guess,
// and each value keeps the span of text it came from, so the review screen can show it.
import type { CountryCode } from '../countries';
import type { Language, Sender } from '../enums';
import { englishAcronym, NOT_EVENTS } from './acronyms';
import { countryFromName, findCountryIn, FORMAL_CHINESE_AFTER_COUNTRY } from './countries';
import { findDates, type FoundDate } from './dates';
import { senderOf } from './classify';
import { annexStart, lineAround, salutationIndex, sentenceAround, subjectSpan, type Span } from './layout';
import { normalizeLetterText } from './normalize';

export type { Span } from './layout';

export interface Found<T> extends Span {
  value: T;
}

export interface FoundDeadline extends Span {
  date: string;
  what: string;
}

export interface LetterExtraction {
  /** The normalised text every span points into. */
  text: string;
  language: Language | null;
  sender: Sender | null;
  reference: Found<string> | null;
  subject: Found<string> | null;
  addressees: Found<string> | null;
  letterDate: Found<string> | null;
  eventName: Found<string> | null;
  eventAcronym: Found<string> | null;
  /** 'WTDC-25' for 'CMDT-25'; null when the acronym is not a known ITU one. */
  eventAcronymEnglish: string | null;
  venueCity: Found<string> | null;
  venueCountry: Found<CountryCode> | null;
  virtual: Found<true> | null;
  eventDates: Found<{ from: string; to: string }> | null;
  deadlines: FoundDeadline[];
  contactEmail: Found<string> | null;
}

/** What `parse-letter` prints, in this order. */
export interface ParsedLetter {
  reference: string | null;
  letterDate: string | null;
  language: Language | null;
  eventName: string | null;
  eventAcronym: string | null;
  venue: { city: string | null; country: string | null };
  startDate: string | null;
  endDate: string | null;
  deadlines: { date: string; what: string }[];
  contactEmail: string | null;
}

export function parsedLetter(x: LetterExtraction): ParsedLetter {
  return {
    reference: x.reference?.value ?? null,
    letterDate: x.letterDate?.value ?? null,
    language: x.language,
    eventName: x.eventName?.value ?? null,
    eventAcronym: x.eventAcronym?.value ?? null,
    venue: { city: x.venueCity?.value ?? null, country: x.venueCountry?.value ?? null },
    startDate: x.eventDates?.value.from ?? null,
    endDate: x.eventDates?.value.to ?? null,
    deadlines: x.deadlines.map(({ date, what }) => ({ date, what })),
    contactEmail: x.contactEmail?.value ?? null,
  };
}

// ---------------------------------------------------------------- language

const STOPWORDS: Record<'en' | 'fr' | 'es', RegExp> = {
  en: /\b(?:the|of|and|to|will|with|for|is|be|this|which|that|by)\b/g,
  fr: /\b(?:le|les|des|du|et|une|pour|est|sera|avec|aux|au|votre|qui)\b/g,
  es: /\b(?:el|los|las|del|y|una|para|con|por|su|que|al|se)\b/g,
};

export function detectLanguage(text: string): Language | null {
  const sample = text.slice(0, 20_000);
  const count = (re: RegExp) => sample.match(re)?.length ?? 0;
  const letters = count(/\p{L}/gu);
  if (letters < 20) return null;
  if (count(/\p{Script=Arabic}/gu) > letters * 0.3) return 'ar';
  if (count(/\p{Script=Han}/gu) > letters * 0.2) return 'zh';
  if (count(/\p{Script=Cyrillic}/gu) > letters * 0.3) return 'ru';
  const lower = sample.toLowerCase();
  const scores = (['en', 'fr', 'es'] as const).map((l) => [l, lower.match(STOPWORDS[l])?.length ?? 0] as const);
  const [best] = [...scores].sort((a, b) => b[1] - a[1]);
  return best[1] > 0 ? best[0] : null;
}

// ---------------------------------------------------------------- reference

const CODED_REFERENCES = [
  /(?:TSB|BDT|BR|SG)\s*(?:Collective[- ]?letter|Circular(?:[- ]letter)?|Lettre collective|Circulaire|Carta colectiva|Circular|Коллективное письмо|Циркуляр)\s*(?:No\.?|N[°º]|№)?\s*\d{1,4}(?:\/\d{1,4})?(?:\/[A-Z]{1,4})?/u,
  /(?:Circular|Circulaire)[- ](?:BDT|LC|TSB|BR)[/ -]?\s*\d{1,4}(?:\/\d{1,4})?/u,
  /(?:Carta|Lettre|Circular)\s+(?:Circular|circulaire|colectiva|collective)\s+N[o.º°]*\s*\d{1,4}(?:\/\d{1,4})?/iu,
  /(?:Administrative [Cc]ircular|Circulaire administrative|Circular administrativa)\s+CA\/\d{1,4}/u,
  /(?<![\p{L}\d])(?:CL|DM|CA|CR|BR|AC|CACE)-?\s?\d{2,4}\/[A-Z0-9]{1,6}(?:\/[A-Z]{1,6})?(?![\d\p{L}])/u,
  /(?<![\p{L}\d])(?:DM|CL)-\d{2,4}(?![\d/])/u,
  /(?<![\p{Lu}\d])(?:CR|CA|CL|BR|DM|CACE)\/\d{1,4}号?(?:通函)?/u,
  /(?<![\p{L}\d/])\d{1,2}\/[A-Z]{2,6}\/\d{1,4}(?![\d/])/u,
  /(?:电信标准化局|电信发展局|无线电通信局)?第?\d{1,4}(?:\/\d{1,4})?号(?:通函|集体函)/u,
  /الرسالة (?:الجماعية|المعممة) \d{1,4}(?:\/\d{1,4})?(?: لمكتب (?:تقييس الاتصالات|تنمية الاتصالات|الاتصالات الراديوية))?/u,
  /(?:Циркуляр|Коллективное письмо|Циркулярное письмо)\s+\d{1,4}(?:\/\d{1,4})?(?:\s+(?:БСЭ|БРЭ|БР))?/u,
];
const REFERENCE_LABEL = /(?:^|\n|\s|\d|\p{Ll})(Ref(?:erence)?\.?|Réf(?:érence)?\.?|Nuestra ref(?:erencia)?\.?|Ref\.|Ссылка|Осн\.|Исх\.|Наш исх\.|文号|المرجع|الإشارة)\s*[:：]?\s*/gu;
const COUNCIL_DOCUMENT = /(?<![\p{L}\d])(C\d{2}\/\d{1,3})-[AEFRSC](?![\p{L}\d])/u;

function findReference(text: string, headerEnd: number): Found<string> | null {
  const head = text.slice(0, Math.max(headerEnd, 1500));
  REFERENCE_LABEL.lastIndex = 0;
  for (let m = REFERENCE_LABEL.exec(head); m; m = REFERENCE_LABEL.exec(head)) {
    const start = m.index + m[0].length;
    const value = head.slice(start, start + 80);
    for (const pattern of CODED_REFERENCES) {
      const coded = pattern.exec(value);
      if (coded && coded.index <= 2) return found(coded[0].trim(), start + coded.index);
    }
    // A block of labels whose values come after it ("Осн.:\nТел.:\n…"): the value is not here.
    if (/^[\p{L}. ]{1,24}[:：]/u.test(value)) continue;
    const plain = /^[^\n\t]{2,40}?(?=\s+[-–—]\s|\s{2,}|\t|\n|$|\s+\d{4}\s*年|\s*(?:Contact|Geneva|Genève|Ginebra|Женева|日内瓦|جنيف|Tel|Tél))/u.exec(value);
    if (plain) return found(plain[0].replace(/[\s,;:–—-]+$/, ''), start);
  }
  // Unlabelled: the code printed first in the header, whatever its form.
  const coded = CODED_REFERENCES.map((pattern) => pattern.exec(head)).filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => a.index - b.index)[0];
  if (coded) return found(coded[0].trim(), coded.index);
  const council = COUNCIL_DOCUMENT.exec(text);
  return council ? found(council[1], council.index) : null;
}

function found<T>(value: T, start: number, length = String(value).length): Found<T> {
  return { value, start, end: start + length };
}

// ---------------------------------------------------------------- letter date

const PLACE_DATE = /(?:Gen[eè]v[ae]|Geneva|Genf|Ginebra|Женева|日内瓦|جنيف|(?<=^|\n)[ \t]*[\p{Lu}][\p{L}-]{2,20}(?: [\p{Lu}][\p{L}-]{2,20})?)\s*[,，،]\s*(?:le\s+|el\s+|on\s+)?/gu;
const DATE_LABEL = /(?:^|\n)\s*(?:Date|Fecha|Дата|日期|التاريخ)\s*[:：]\s*/gu;

const AFTER_DATE_PLACE = /^\s*[,，،]\s*(?:Gen[eè]v[ae]|Geneva|Ginebra|Женева|日内瓦|جنيف)/u;
const NOT_LETTER_DATE = /(?:参考文件|Reference|Référence|Referencia|of|du|del|de la|от|的)\s*[:：]?\s*$/iu;

function findLetterDate(text: string, dates: FoundDate[], headerEnd: number, subject: Span | null): Found<string> | null {
  const limit = subject ? subject.start : Math.max(headerEnd, 400);
  const single = dates.filter((d) => d.from === d.to && d.start < limit);
  const of = (d: FoundDate) => ({ value: d.from, start: d.start, end: d.end });
  for (const pattern of [PLACE_DATE, DATE_LABEL]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m && m.index < limit; m = pattern.exec(text)) {
      const after = m.index + m[0].length;
      const date = single.find((d) => d.start === after);
      if (date && !new RegExp(`^\\s*${WEEKDAY}`, 'iu').test(m[0])) return of(date);
    }
  }
  const placeAfter = single.find((d) => AFTER_DATE_PLACE.test(text.slice(d.end, d.end + 20)));
  if (placeAfter) return of(placeAfter);
  // A date standing in the header, before the subject (Chinese letters: "CR/530号通函   2026年5月4日").
  const headerDate = single.find((d) => (!subject || d.end <= subject.start)
    && !NOT_LETTER_DATE.test(text.slice(lineAround(text, d.start).start, d.start)));
  return headerDate ? of(headerDate) : null;
}

// ---------------------------------------------------------------- contact e-mail

const EMAIL = /[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[a-z0-9-]{1,63}\.)+[a-z]{2,6}(?![a-z])/g;
const EMAIL_LABEL = /(?:E-?mail|B\. ?elec\.|Mél|Courriel|Correo(?:-e| electrónico| electronico)?|Эл\.?\s*почта|Электронная почта|E-почта|电子邮件|電子郵件|电邮|البريد الإلكتروني)\s*[:：]?/giu;
const LETTERHEAD = /Place des Nations|CH-?1211|Gen[eè]v[ae] 20|Ginebra 20|Женева 20|www\.itu\.int|\+41 22 730 ?51 ?11|Telex|Télex|Telegram/iu;
const EMAIL_CUE = /(?:contact|write|send|sent|address|adresse|envoy|communiquer|dirección|dirigirse|enviar|направ|по адресу|по электронной|联系|发送|发至|寄至|إلى|عنوان|الاتصال)[^.\n]{0,80}$/iu;

function findContactEmail(text: string, headerEnd: number, bodyEnd: number): Found<string> | null {
  const candidates: Found<string>[] = [];
  EMAIL.lastIndex = 0;
  for (let m = EMAIL.exec(text); m; m = EMAIL.exec(text)) {
    // The letterhead's own lines (or, in text run together, what stands right around the address).
    const line = lineAround(text, m.index);
    const around = text.slice(Math.max(line.start, m.index - 80), Math.min(line.end, m.index + m[0].length + 80));
    if (LETTERHEAD.test(around) || /^itumail@/i.test(m[0])) continue;
    candidates.push(found(m[0], m.index));
  }
  EMAIL_LABEL.lastIndex = 0;
  for (let m = EMAIL_LABEL.exec(text); m && m.index < headerEnd + 200; m = EMAIL_LABEL.exec(text)) {
    const after = m.index + m[0].length;
    const labelled = candidates.find((c) => c.start >= after && c.start - after <= 80);
    if (labelled) return labelled;
  }
  return candidates.find((c) => EMAIL_CUE.test(text.slice(Math.max(0, c.start - 120), c.start)))
    ?? candidates.find((c) => c.start > headerEnd && c.start < bodyEnd)
    ?? null;
}

// ---------------------------------------------------------------- event acronym and name

// "WTDC-25", "GEI-FMPT-26", "VCC-3", and ITU's regional preparatory meetings ("RPM-ARB").
const ACRONYM = /(?<![\p{L}\d‐‑\-/])(?:((?:[A-ZА-ЯЁ][A-ZА-ЯЁ&]{1,7}[-‐‑])*[A-ZА-ЯЁ][A-ZА-ЯЁ&]{1,7})[-‐‑]((?:19|20)\d{2}|\d{1,2})(?:[-‐‑][A-ZА-ЯЁ]{2,4})?|(?:RPM|RDF|RPR|РПС)[-‐‑][A-Z]{3})(?![\d\p{L}/])/gu;
const PAREN_ACRONYM = /[(（]\s*([A-ZА-ЯЁ][A-ZА-ЯЁ0-9&]{1,9}(?:[-‐‑][A-ZА-ЯЁ0-9]{1,6}){0,3})\s*[)）]/gu;
const NOT_PAREN = /^(?:ITU|UIT|МСЭ)[-‐‑][A-ZА-Я]$|^\d|^[A-Z]{1,2}$/u;
const NOT_NAMES = new Set([...NOT_EVENTS, 'ICT', 'TIC', 'ИКТ', 'BDT', 'TSB', 'SG', 'BR', 'PMA', 'LDC', 'ONU', 'UN', 'OMS', 'WHO']);

function isEventAcronym(acronym: string): boolean {
  return !acronym.split(/[-‐‑]/).some((part) => NOT_EVENTS.has(part));
}

function acronymsIn(text: string, from: number, to: number): Found<string>[] {
  const out: Found<string>[] = [];
  ACRONYM.lastIndex = from;
  for (let m = ACRONYM.exec(text); m && m.index < to; m = ACRONYM.exec(text)) {
    if (isEventAcronym(m[0])) out.push(found(m[0].replace(/[‐‑]/g, '-'), m.index, m[0].length));
  }
  return out;
}

function findAcronym(text: string, subject: Span | null, bodyEnd: number): Found<string> | null {
  if (subject) {
    // The subject names the letter's event: its first acronym in parentheses, else its first with a year.
    PAREN_ACRONYM.lastIndex = 0;
    const part = text.slice(subject.start, subject.end);
    for (let m = PAREN_ACRONYM.exec(part); m; m = PAREN_ACRONYM.exec(part)) {
      const value = m[1].replace(/[‐‑]/g, '-');
      if (!NOT_NAMES.has(value) && !NOT_PAREN.test(value) && isEventAcronym(value)) return found(value, subject.start + m.index + m[0].indexOf(m[1]), m[1].length);
    }
    const [first] = acronymsIn(text, subject.start, subject.end);
    if (first) return first;
  }
  const all = acronymsIn(text, 0, bodyEnd);
  if (all.length === 0) return null;
  const counts = new Map<string, number>();
  for (const a of all) counts.set(a.value, (counts.get(a.value) ?? 0) + 1);
  const most = Math.max(...counts.values());
  return all.find((a) => counts.get(a.value) === most) ?? null;
}

/** Where an acronym stands on its own ("FMPT-26", not inside "GEI-FMPT-26"). */
function acronymPattern(acronym: string): RegExp {
  const escaped = acronym.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/-/g, '[-‐‑]');
  return new RegExp(`(?<![\\p{L}\\d‐‑-])${escaped}(?![\\p{L}\\d‐‑-])`, 'gu');
}

// The first word of an event's name, in each language (capitalised where the script has capitals).
const NAME_START = new RegExp([
  '(?<![\\p{L}])\\p{Lu}[\\p{L}-]*(?:\\s+\\p{Ll}[\\p{L}-]*)?\\s+(?:meeting|session|réunion|reunión|sesión|собрание|сессия|заседание|совещание)\\s+(?:of|du|de|del|de la)(?![\\p{L}])',
  '(?<![\\p{L}])(?:Meetings|Briefings?|Sessions?|Réunions|Séances?|Reuniones|Sesiones|Jornadas|Talleres|Seminarios|Consultation|Virtual Consultation)(?![\\p{L}])',
  '第[\\d一二三四五六七八九十]+研究组',
  '(?<![\\p{L}])(?:ال)?(?:مشاورة|مؤتمر)(?![\\p{L}])',
  '(?<![\\p{L}])(?:World|Plenipotentiary|Regional|Global|International|Council|Conference|Forum|Assembly|Symposium|Workshop|Seminar|Summit|Study Group|Working Group|Telecommunication|Radiocommunication|Informal|Expert|Meeting|Academic|Generation|Kaleidoscope)(?![\\p{L}])',
  '(?<![\\p{L}])(?:Conférence|Assemblée|Journée|Colloque|Atelier|Séminaire|Sommet|Réunion|Conseil|Groupe|Commission|Forum)(?![\\p{L}])',
  '(?<![\\p{L}])(?:Conferencia|Foro|Asamblea|Día|Jornada|Coloquio|Taller|Seminario|Cumbre|Reunión|Consejo|Grupo|Comisión|Simposio)(?![\\p{L}])',
  '(?<![\\p{L}])(?:Всемирн|Полномочн|Региональн|Глобальн|Международн|Конференц|Форум|Ассамбле|Собрани|Совещани|Семинар|Симпозиум|Совет|Консультативн|Исследовательск|Групп|Рабоч|Саммит|День|Встреч)\\p{L}*',
  '世界|全权代表|区域|全球|国际电联|理事会|电信发展顾问组|电信标准化顾问组|无线电通信|研究组|论坛|峰会|研讨会|讲习班',
  '(?<![\\p{L}])(?:ال)?(?:مؤتمر|منتدى|جمعية|اجتماع|ورشة|ندوة|يوم|قمة|مجلس|فريق|لجنة|دورة)(?![\\p{L}])',
].join('|'), 'u');

// A year ending a name repeats the acronym's: "… de 2025", "… of 2025", "… 2024 года", "… لعام 2025".
const TRAILING_YEAR = /\s+(?:de|of|del|لعام|عام)?\s*(?:19|20)\d{2}(?:\s*(?:года|год|г\.))?$/u;

// "… de l'UIT-T", "… of ITU-D": the Sector that runs the meeting, not part of its name.
const TRAILING_SECTOR = /\s+(?:of (?:the )?|de l'|del |de la |du |de )?(?:ITU|UIT|МСЭ)-[TRDТРД]$/u;

function cleanName(value: string): string {
  return value.replace(/\s+/g, ' ').replace(/[\s,،;-]+$/u, '').replace(TRAILING_YEAR, '').replace(TRAILING_SECTOR, '').trim();
}

const MEETING_OF = /^(?:\p{L}[\p{L}-]*\s+){0,2}(?:meeting|session|réunion|reunión|sesión|собрание|сессия|заседание|совещание)(?:\s+\p{L}[\p{L}-]*)?\s+(?:of the|of|du|de la|de l'|des|de|del)\s+/iu;
// "الاجتماع الثالث للفريق…": "لل" is "ل" + "ال".
const ARABIC_MEETING_OF = /^(?:ال)?اجتماع(?:\s+\S+)?\s+لل/u;
const ITU_BEFORE = /(?:ITU|UIT|МСЭ)\s+$/u;

function nameBefore(text: string, end: number): Found<string> | null {
  let start = end;
  while (start > 0 && end - start < 250 && !/[.;:!?,،，。："«»“”()（）]/.test(text[start - 1]) && text.slice(start - 2, start) !== '\n\n') start -= 1;
  const clause = text.slice(start, end);
  const m = NAME_START.exec(clause);
  if (!m) return null;
  let from = m.index;
  const meeting = MEETING_OF.exec(clause.slice(from));
  if (meeting && NAME_START.test(clause.slice(from + meeting[0].length))) from += meeting[0].length;
  const arabicMeeting = ARABIC_MEETING_OF.exec(clause.slice(from));
  if (arabicMeeting) {
    const value = cleanName(`ال${clause.slice(from + arabicMeeting[0].length)}`);
    return { value, start: start + from + arabicMeeting[0].length, end };
  }
  // Chinese: the name is the run of characters before its kind word ("人工智能向善全球峰会"), after a verb.
  if (/\p{Script=Han}/u.test(m[0])) {
    let at = from;
    while (at > 0 && /\p{Script=Han}/u.test(clause[at - 1])) at -= 1;
    const run = clause.slice(at, from);
    const verb = /.*(?:出席|参加|邀请|关于|举办|召开|举行|的|是|将)/u.exec(run);
    from = at + (verb ? verb[0].length : 0);
  }
  const itu = ITU_BEFORE.exec(clause.slice(0, from));
  if (itu) from = itu.index;
  const value = cleanName(clause.slice(from));
  return value.length >= 3 ? { value, start: start + from, end } : null;
}

function findEventName(text: string, acronym: Found<string> | null, subject: Span | null): Found<string> | null {
  if (acronym) {
    const parens = new RegExp(`[(（]\\s*${acronymPattern(acronym.value).source}\\s*[)）]`, 'gu');
    for (let m = parens.exec(text); m; m = parens.exec(text)) {
      const name = nameBefore(text, m.index);
      if (name) return name;
    }
  }
  if (subject) {
    const part = text.slice(subject.start, subject.end).replace(/\n/g, ' ');
    const m = NAME_START.exec(part);
    if (m) {
      const itu = ITU_BEFORE.exec(part.slice(0, m.index));
      const rest = part.slice(itu ? itu.index : m.index);
      const stop = /\s*(?:[,(:;，；\n–—]|\s-\s|\d{1,2}\s*[-–]\s*\d|\d{4}\s*年|$)/u.exec(rest);
      const value = cleanName(rest.slice(0, stop ? stop.index : rest.length));
      if (value.length >= 3) return found(value, subject.start + m.index);
    }
  }
  return null;
}

// ---------------------------------------------------------------- event dates and venue

const HELD = /(?:held|take place|takes place|taking place|convened|hosted|organi[sz]ed|se tiendra|se tiendront|se tient|aura lieu|sera convoquée?|se déroulera|s'est tenue?|s'est déroulée?|a eu lieu|tendrá lugar|tendrán lugar|se celebrará|se celebrarán|celebrará|se realizará|se llevará a cabo|tuvo lugar|se celebró|состоится|состоятся|пройдет|пройдёт|будет проходить|проводится|состоялась|состоялся|举行|召开|举办|ستعقد|سيعقد|يعقد|تعقد|ستُعقد|سيُعقد|ستنعقد|عُقد|عقد)/iu;
// Dates a letter replaces: "originally scheduled", "au lieu du", "планировалось", "原定".
const BULLET_ONLY = /^[\s\-–•*]*$/u;
const ORIGINALLY = /originally|initially|previously|instead of|initialement|au lieu d|initialmente|inicialmente|en lugar de|первоначально|планировалось|вместо|原定|原计划|كان من المقرر|بدلا من|بدلاً من/iu;
const VIRTUAL = /(?:fully virtual|virtual(?:ly)? (?:meeting|format|session|event|workshop|consultation)|held (?:fully |entirely |completely )?virtual(?:ly)?|online only|consultation virtuelle|consulta virtual|entièrement virtuel|sous forme virtuelle|en mode virtuel|de manière virtuelle|réunion virtuelle|virtuellement|formato virtual|de forma virtual|reunión virtual|totalmente virtual|en línea únicamente|в виртуальном формате|виртуальн\p{L}* (?:собрание|совещание|формат|режим)|онлайн-формате|以虚拟方式|虚拟会议|线上会议|在线会议|اجتماع افتراضي|بشكل افتراضي|افتراضياً|افتراضيا)/iu;
const HEADQUARTERS = /(?:ITU headquarters|headquarters of (?:the )?ITU|siège de l'UIT|sede de la UIT|штаб-квартир\p{L}* МСЭ|国际电联总部|مقر الاتحاد)/iu;
const GENEVA = /(?<![\p{L}])(?:Geneva|Genève|Genf|Ginebra|Женев\p{L}*|日内瓦|جنيف)(?![\p{L}])/u;
const GENEVA_BY_LANGUAGE: Record<Language, string> = { en: 'Geneva', fr: 'Genève', es: 'Ginebra', ru: 'Женева', zh: '日内瓦', ar: 'جنيف' };

const CITY = "\\p{Lu}[\\p{L}'’.-]*(?:(?:\\s+(?:el|al|de|del|da|do|di|la|le|du|des|sur|am|es|en))?[\\s-]+\\p{Lu}[\\p{L}'’-]*){0,3}";
const COUNTRY_AFTER = '(\\p{Lu}[^,()\\n]{1,60}?)(?=\\s*(?:[,;.(–—]|$|\\d)|\\s+(?:from|du|del|с|on|le|el|at|au)(?![\\p{L}]))';
const IN_PLACE = new RegExp(`(?<![\\p{L}])(?:in|at|à|en|in the city of|dans la ville de|в|во|в городе)\\s+(${CITY})(?:\\s*\\(([^()]{2,80})\\)|\\s*,\\s*${COUNTRY_AFTER})?`, 'gu');
// A subject's "…; Geneva, 28 April – 7 May 2026": a name standing before the dates.
const CITY_BEFORE_DATE = new RegExp(`(?:^|[;,–—]\\s*)(${CITY})\\s*,\\s*(?=\\d)`, 'gu');
const CITY_COUNTRY = new RegExp(`(${CITY})\\s*(?:\\(([^()]{2,80})\\)|,\\s*${COUNTRY_AFTER})`, 'gu');
const NOT_CITIES = /^(?:ITU|UIT|МСЭ|The|La|Le|Les|El|Los|Las|Conference|Conférence|Conferencia|Centre|Center|Room|Salle|Sala|Headquarters|Annex|Annexe|Anexo|Resolution|Résolution|Resolución|Decision|Décision|Article|Artículo|Rev|Section|Government|Gouvernement|Gobierno|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/u;

interface Venue {
  city: Found<string> | null;
  country: Found<CountryCode> | null;
}

function cityAndCountry(text: string, cityText: string, cityStart: number, countryText: string | undefined, countryStart: number): Venue | null {
  if (NOT_CITIES.test(cityText)) return null;
  const asCountry = countryFromName(cityText);
  if (asCountry) return { city: null, country: found(asCountry, cityStart, cityText.length) };
  const code = countryText ? countryFromName(countryText) : null;
  if (countryText && !code) return null;
  const country = code ? found(code, countryStart, countryText!.length) : null;
  if (!country && GENEVA.test(cityText)) return { city: found(cityText, cityStart), country: found('CH', cityStart, cityText.length) };
  return { city: found(cityText, cityStart), country };
}

function venueIn(text: string, span: Span, language: Language | null, isSubject = false): Venue | null {
  const part = text.slice(span.start, span.end);
  if (HEADQUARTERS.test(part)) {
    const geneva = GENEVA.exec(part);
    const name = geneva ? geneva[0] : GENEVA_BY_LANGUAGE[language ?? 'en'];
    const at = span.start + (geneva ? geneva.index : HEADQUARTERS.exec(part)!.index);
    return { city: found(name, at, geneva ? name.length : 0), country: found('CH', at, 0) };
  }
  if (language === 'zh') return chineseVenue(text, span);
  if (language === 'ar') return arabicVenue(text, span);
  let countryOnly: Venue | null = null;
  for (const pattern of isSubject ? [IN_PLACE, CITY_COUNTRY, CITY_BEFORE_DATE] : [IN_PLACE, CITY_COUNTRY]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(part); m; m = pattern.exec(part)) {
      const cityStart = span.start + m.index + m[0].indexOf(m[1]);
      const countryText = m[2] ?? m[3];
      const countryStart = countryText ? span.start + m.index + m[0].lastIndexOf(countryText) : 0;
      const venue = cityAndCountry(text, m[1].replace(/[.,]+$/, ''), cityStart, countryText, countryStart);
      if (venue?.city) return withCountryNearby(text, span, venue);
      countryOnly ??= venue?.country ? venue : null;
      // Go on right after this name: "(Geneva, Switzerland, …)" holds a city and its country.
      pattern.lastIndex = m.index + m[0].indexOf(m[1]) + m[1].length;
    }
  }
  return countryOnly;
}

/** "in Dubai, at the World Trade Center … the Government of the United Arab Emirates": the country is further on. */
function withCountryNearby(text: string, span: Span, venue: Venue): Venue {
  if (venue.country) return venue;
  const part = text.slice(span.start, span.end);
  const names = new RegExp(CITY, 'gu');
  for (let m = names.exec(part); m; m = names.exec(part)) {
    const code = countryFromName(m[0]) ?? countryFromName(m[0].split(/\s+/).slice(-2).join(' '));
    if (code) return { ...venue, country: found(code, span.start + m.index, m[0].length) };
  }
  return venue;
}

function chineseVenue(text: string, span: Span): Venue | null {
  const part = text.slice(span.start, span.end);
  // "在大韩民国首尔举行", or a subject's last part "…，大韩民国首尔".
  const m = /在([^，。；、\s()（）]{2,20}?)(?:举行|召开|举办)/u.exec(part) ?? /[，,]\s*([^，,。；\d\s()（）]{2,20})[)）]?\s*$/u.exec(part);
  if (!m) return null;
  const inner = m[1].replace(/(?:国际电联总部|总部|的)$/u, '');
  const innerStart = span.start + m.index + m[0].indexOf(m[1]);
  const country = findCountryIn(inner);
  if (country && country.index === 0) {
    const city = inner.slice(country.length).replace(FORMAL_CHINESE_AFTER_COUNTRY, '');
    return {
      country: found(country.code, innerStart, country.length),
      city: city.length >= 2 ? found(city, innerStart + inner.length - city.length) : null,
    };
  }
  if (GENEVA.test(inner)) return { city: found('日内瓦', innerStart + inner.indexOf('日内瓦')), country: found('CH', innerStart, 0) };
  return inner.length >= 2 ? { city: found(inner, innerStart), country: null } : null;
}

function arabicVenue(text: string, span: Span): Venue | null {
  const part = text.slice(span.start, span.end);
  const word = '[^\\s،,.()؛:0-9\\n]{2,20}';
  const re = new RegExp(`(?<![\\p{L}])(?:في|،)\\s+(?:مدينة\\s+)?((?!الفترة|الفتره|يوم|أيام|موعد|الساعة|المكان)${word}(?:\\s+${word})?)(?=\\s*(?:[(،,]\\s*|\\s+ب)?([^()\\n،,.]{0,40}))`, 'gu');
  for (let m = re.exec(part); m; m = re.exec(part)) {
    const start = span.start + m.index + m[0].indexOf(m[1]);
    const words = m[1].split(/\s+/);
    const country = findCountryIn(m[2]) ?? findCountryIn(m[1]);
    if (GENEVA.test(m[1])) return { city: found(words[0], start), country: found('CH', start, 0) };
    if (!country) continue;
    const city = countryFromName(m[1]) ? null : words[0];
    return { city: city ? found(city, start) : null, country: found(country.code, start, 0) };
  }
  return null;
}

interface EventFacts {
  dates: Found<{ from: string; to: string }> | null;
  venue: Venue;
  virtual: Found<true> | null;
}

function findEventFacts(
  text: string, dates: FoundDate[], subject: Span | null, acronym: Found<string> | null,
  name: Found<string> | null, language: Language | null, bodyEnd: number,
): EventFacts {
  const acronymRe = acronym ? acronymPattern(acronym.value) : null;
  // "Meeting of Working Party 4C" is written "the next meeting of ITU-R Working Party 4C": its core is enough.
  const core = name ? name.value.replace(MEETING_OF, '').toLocaleLowerCase() : null;
  const mentionsEvent = (span: Span) => {
    const part = text.slice(span.start, span.end);
    if (acronymRe) { acronymRe.lastIndex = 0; if (acronymRe.test(part)) return true; }
    return core !== null && core.length >= 6 && part.toLocaleLowerCase().includes(core);
  };
  const inSubject = (d: Span) => subject !== null && d.start >= subject.start && d.end <= subject.end;
  let best: { date: FoundDate; score: number; sentence: Span } | null = null;
  for (const date of dates) {
    if (hasDeadlineCue(text, date)) continue;
    const sentence = sentenceAround(text, date.start);
    const before = text.slice(sentence.start, date.start);
    const onEvent = inSubject(date) || mentionsEvent(sentence);
    if (!onEvent && (acronym || name || !HELD.test(before))) continue;
    if (!inSubject(date) && !HELD.test(before)) continue;
    let score = (inSubject(date) ? 4 : 0) + (mentionsEvent(sentence) ? 3 : 0) + (HELD.test(before) ? 2 : 0);
    if (date.to !== date.from) score += 1;
    if (date.start > bodyEnd) score -= 3;
    if (ORIGINALLY.test(before)) score -= 4;
    if (score >= 3 && (!best || score > best.score)) best = { date, score, sentence };
  }
  // A table row: the event's name on one line, its dates alone on the next ("Working Party 4C\n11-19 May 2027").
  if (!best && core) {
    for (const date of dates) {
      const line = lineAround(text, date.start);
      const previous = lineAround(text, Math.max(0, line.start - 1));
      const label = text.slice(previous.start, previous.end).trim().toLocaleLowerCase();
      if (date.from !== date.to && BULLET_ONLY.test(text.slice(line.start, date.start)) && label.length >= 4 && core.endsWith(label)) {
        best = { date, score: 3, sentence: sentenceAround(text, date.start) };
        break;
      }
    }
  }
  // The subject first: it names the place as a place ("Ташкент", not "в Ташкенте"), with its country.
  const places: Span[] = [];
  if (subject) places.push(subject);
  if (best) places.push(best.sentence);
  // Other sentences that say where the event is held, unless they are about another event.
  for (const date of dates) {
    if (date.start > bodyEnd || places.length > 8) break;
    const sentence = sentenceAround(text, date.start);
    const part = text.slice(sentence.start, sentence.end);
    const others = acronymsIn(part, 0, part.length).filter((a) => !acronym || a.value !== acronym.value);
    const sameDays = best !== null && date.from === best.date.from && date.to === best.date.to;
    if ((mentionsEvent(sentence) || sameDays) && HELD.test(part) && others.length === 0) places.push(sentence);
  }
  let virtual: Found<true> | null = null;
  let venue: Venue = { city: null, country: null };
  for (const span of places) {
    const part = text.slice(span.start, span.end);
    const v = VIRTUAL.exec(part);
    if (v) {
      virtual = found(true as const, span.start + v.index, v[0].length);
      break;
    }
    const here = venueIn(text, span, language, span === subject);
    if (here && (here.city || here.country)) { venue = here; break; }
  }
  const dateFound = best ? { value: { from: best.date.from, to: best.date.to }, start: best.date.start, end: best.date.end } : null;
  return { dates: dateFound, venue, virtual };
}

// ---------------------------------------------------------------- deadlines

const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد)';
const CUE_BEFORE = new RegExp(
  '(?:avant le|avant|au plus tard le|au plus tard|d\'ici au|d\'ici le|d\'ici à|d\'ici|jusqu\'au|date limite[^.\\n]{0,60}?|délai[^.\\n]{0,40}?'
  + '|no later than|not later than|by|before|deadline[^.\\n]{0,60}?|until|prior to|on or before|latest by|at the latest on'
  + '|antes del?|a más tardar el|a más tardar|hasta el|fecha límite[^.\\n]{0,60}?|plazo[^.\\n]{0,40}?'
  + '|до|не позднее|не позже|крайний срок[^.\\n]{0,40}?|срок[^.\\n]{0,30}?'
  + '|قبل|في موعد أقصاه|موعد أقصاه|في موعد لا يتجاوز|لا يتجاوز|بحلول|حتى|الموعد النهائي[^.\\n]{0,40}?'
  + '|不迟于|截至|截止日期为|截止日期|截止|最迟于|最晚于|须于|请于|应于)'
  + `[\\s,]*[:：]?\\s*(?:(?:à|a las|las|at|в)?\\s*\\d{1,2}\\s*[:.h]?\\s*\\d{2}\\s*(?:hours?|heures|horas|h|часов|UTC|CET|CEST)?(?:\\s*\\([^)]{0,40}\\))?[\\s,]*(?:(?:Geneva|Genève|Ginebra) time[\\s,]*)?)?(?:(?:le|the|el|del|on|${WEEKDAY})[\\s,]*)*$`, 'iu');
// Something ITU will do, not the reader: "will be sent to registered participants by 21 May".
const ANNOUNCEMENT = /will be (?:sent|posted|published|made available|circulated|available|informed|notified|updated|confirmed)|will inform|sera informé|seront informés|serán informados|comunicará su decisión|communiquera sa décision|будут уведомлены|将通知|سي?بلغ|سيُبلغ|sera (?:envoy|publi|mis en ligne|disponible|diffus)|se (?:enviará|publicará|distribuirá)|será (?:enviad|publicad)|будет (?:направлен|опубликован|размещен|разослан)|将(?:发送|公布|发布|分发)|سي?رسل|سينشر|ستتاح/iu;
const CUE_AFTER = /^\s*(?:,\s*)?(?:au plus tard|at the latest|a más tardar|как можно|之前|以前|前|为止|截止)/iu;
const MAX_WHAT = 160;

// "The deadline is seven days before the meeting, that is Monday 3 May 2027": the date restates the deadline.
const DEADLINE_WORD = /deadline|date limite|délai|fecha límite|plazo|срок|截止|الموعد النهائي/iu;
const THAT_IS = new RegExp(`(?:soit|c'est-à-dire|i\\.e\\.|that is|namely|es decir|o sea|то есть|即)[\\s,]*(?:(?:le|el|the|on|${WEEKDAY})[\\s,]*)*$`, 'iu');

/** "avant le 26 août 2024", "no later than 27 April 2005", "2024年8月26日之前": a date set for an action. */
function hasDeadlineCue(text: string, d: Span): boolean {
  const sentence = sentenceAround(text, d.start);
  const before = text.slice(Math.max(sentence.start, d.start - 80), d.start).replace(/\s+/g, ' ');
  const after = text.slice(d.end, d.end + 20).replace(/\s+/g, ' ');
  return CUE_BEFORE.test(before) || CUE_AFTER.test(after)
    || (THAT_IS.test(before) && DEADLINE_WORD.test(text.slice(sentence.start, d.start)));
}

function clip(value: string): string {
  const flat = value.replace(/\s+/g, ' ').replace(/^[\s\-–•*\d.)]+/u, '').trim();
  if (flat.length <= MAX_WHAT) return flat;
  const cut = flat.slice(0, MAX_WHAT);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 80))}…`;
}

// A time of day after a date in a table ("15 June 2027, 23 h 59 (Geneva time)", "2359 hours UTC").
const TIME_AFTER = /^[\s,]*(?:(?:à|at|a las|в)\s*)?(?:\d{1,2}\s*[:.h]?\s*\d{2}\s*(?:hours?|heures|horas|h|часов|UTC|CET|CEST)?(?:\s*\([^)\n]{0,40}\))?)?[\s,.;]*/iu;
const BULLET = /^[\s\-–•*·]*$/u;
// What ITU does itself, in a table of dates: notifying authors, publishing, deciding.
const ITU_DOES = /notification|notificaci[oó]n|уведомлени|通知作者|إخطار|communiquera sa décision|comunicará su decisión|will inform/iu;

/**
 * The rows of a table of dates: "26 August 2024\tDeadline for…", "16 سبتمبر 2026 - تقديم…", a date alone
 * on its line with the action on the next ("26 February 2027\n- Submit contributions"), or
 * "- Soumission des articles: 15 juin 2027". Returns each row's date and what is due.
 */
function calendarRows(text: string, dates: FoundDate[]): Map<FoundDate, string> {
  const rows = new Map<FoundDate, string>();
  const startsWithDate = new Set(dates.filter((d) => BULLET.test(text.slice(lineAround(text, d.start).start, d.start))).map((d) => lineAround(text, d.start).start));
  for (const d of dates) {
    const line = lineAround(text, d.start);
    const before = text.slice(line.start, d.start);
    const rest = text.slice(d.end, line.end);
    const time = TIME_AFTER.exec(rest)?.[0] ?? '';
    const after = rest.slice(time.length);
    if (BULLET.test(before)) {
      const separated = /^(?:\t|\s{2,}|[-–—:]\s|\s[-–—]\s)/u.test(rest.slice(time.replace(/[\s,.;]+$/u, '').length)) || /^[-–—:]/u.test(after);
      if (after.trim() !== '' && (separated || /\d/.test(time))) {
        rows.set(d, after.replace(/^[\s\-–—:]+/u, ''));
      } else if (after.trim() === '') {
        // The action is on the lines below, up to the next date or a blank line.
        const lines: string[] = [];
        for (let at = line.end + 1; at < text.length && lines.length < 3;) {
          const next = lineAround(text, at);
          const content = text.slice(next.start, next.end).trim();
          if (content === '' || startsWithDate.has(next.start)) break;
          lines.push(content.replace(/^[\-–•*·]\s*/u, ''));
          at = next.end + 1;
        }
        if (lines.length > 0) rows.set(d, lines.join(' '));
      }
    } else {
      const label = /^[\s\-–•*·]*(\p{L}[^\n]{2,160}?)\s*[:：]\s*$/u.exec(before);
      if (label && after.trim() === '') rows.set(d, label[1]);
    }
  }
  // A table printed to PDF may lose its column gap: "4 novembre 2024 Une deuxième version…". Rows like that
  // count when there are at least three of them, each a date at a line's start and then a capital (or a
  // script without capitals).
  const loose = dates.filter((d) => !rows.has(d) && BULLET.test(text.slice(lineAround(text, d.start).start, d.start))
    && /^ (?:\p{Lu}|[\p{Script=Han}\p{Script=Arabic}])/u.test(text.slice(d.end, d.end + 2)));
  if (loose.length >= 3) for (const d of loose) rows.set(d, text.slice(d.end, lineAround(text, d.start).end).trim());
  return rows.size >= 2 ? rows : new Map();
}

function findDeadlines(text: string, dates: FoundDate[], skip: Span[], letterDate: string | null, eventDays: string[]): FoundDeadline[] {
  const calendar = calendarRows(text, dates);
  const out = new Map<string, FoundDeadline>();
  for (const d of dates) {
    if (skip.some((s) => d.start < s.end && d.end > s.start)) continue;
    if (letterDate && d.to < letterDate) continue;
    const sentence = sentenceAround(text, d.start);
    const before = text.slice(Math.max(sentence.start, d.start - 80), d.start);
    let what: string | null = null;
    const row = calendar.get(d);
    if (row !== undefined) {
      if (eventDays.includes(d.from) || ITU_DOES.test(row)) continue;
      what = clip(row);
    } else if (hasDeadlineCue(text, d) && !ANNOUNCEMENT.test(text.slice(sentence.start, sentence.end))) {
      const cue = CUE_BEFORE.exec(before.replace(/\s/g, ' '));
      const cueStart = cue ? d.start - before.length + cue.index : d.start;
      const rest = text.slice(d.end, sentence.end).replace(CUE_AFTER, '');
      what = clip(`${text.slice(sentence.start, cueStart)} ${rest}`.replace(/\s*,\s*,/g, ',').replace(/\s+([.,;])/g, '$1'));
    }
    if (what !== null && !out.has(d.to)) out.set(d.to, { date: d.to, what, start: d.start, end: d.end });
  }
  return [...out.values()].sort((a, b) => a.date.localeCompare(b.date));
}

// ---------------------------------------------------------------- addressees

const ADDRESSEES = /(?:^|\n)[ \t]*(?:[-–•][ \t]*)?(?:To:|To all|To |Aux? |À |A las? |A los |Al |Administrations|Администрациям|Государствам|Членам|Всем|致：|致:|致|إلى)/u;

/** The lines the letter is addressed to, between its reference block and its subject. */
function findAddressees(text: string, subject: Span | null, headerEnd: number): Found<string> | null {
  const end = subject ? text.lastIndexOf('\n', subject.start) : headerEnd;
  if (end <= 0) return null;
  const head = text.slice(0, end);
  const m = ADDRESSEES.exec(head);
  if (!m) return null;
  const start = m.index + (m[0].startsWith('\n') ? 1 : 0);
  const value = head.slice(start).replace(/^[\s\-–•]+/u, '').replace(/\s*\n\s*[-–•]?\s*/gu, ' ').trim();
  return value.length >= 3 ? found(value.slice(0, 500), start, end - start) : null;
}

// ---------------------------------------------------------------- the whole letter

export function extractLetter(raw: string): LetterExtraction {
  const text = normalizeLetterText(raw);
  const language = detectLanguage(text);
  const dates = findDates(text);
  const salutation = salutationIndex(text);
  const headerEnd = salutation > 0 ? salutation : Math.min(text.length, 1500);
  const bodyEnd = annexStart(text);
  const subject = subjectSpan(text);

  const reference = findReference(text, headerEnd);
  const letterDate = findLetterDate(text, dates, headerEnd, subject);
  const contactEmail = findContactEmail(text, headerEnd, bodyEnd);
  const eventAcronym = findAcronym(text, subject, bodyEnd);
  const eventName = findEventName(text, eventAcronym, subject);
  const facts = findEventFacts(text, letterDate ? dates.filter((d) => d.start !== letterDate.start) : dates,
    subject, eventAcronym, eventName, language, bodyEnd);
  const skip: Span[] = [letterDate, facts.dates].filter((s): s is Found<never> => s !== null);
  const eventDays = facts.dates ? [facts.dates.value.from, facts.dates.value.to] : [];
  const deadlines = findDeadlines(text, dates, skip, letterDate?.value ?? null, eventDays);

  const subjectText = subject ? text.slice(subject.start, subject.end).replace(/\s+/g, ' ').slice(0, 500) : null;
  return {
    text,
    language,
    sender: senderOf(`${text.slice(0, headerEnd)}\n${reference?.value ?? ''}`),
    reference,
    subject: subject && subjectText ? { value: subjectText, ...subject } : null,
    addressees: findAddressees(text, subject, headerEnd),
    letterDate,
    eventName,
    eventAcronym,
    eventAcronymEnglish: eventAcronym ? englishAcronym(eventAcronym.value) : null,
    venueCity: facts.venue.city,
    venueCountry: facts.venue.country,
    virtual: facts.virtual,
    eventDates: facts.dates,
    deadlines,
    contactEmail,
  };
}
