// What kind of deadline a letter's sentence sets, what kind of event a name is, and who at ITU sent a
// letter: keywords in the six languages. A guess the review screen shows for the user to correct.
import type { DeadlineKind, EventKind, Sender } from '../enums';
import { fold } from '../text';

const DEADLINE_WORDS: [DeadlineKind, RegExp][] = [
  ['credentials', /credential|pouvoirs|credenciales|полномоч|全权证书|وثائق التفويض/],
  ['visa', /visa|виз[аы]|签证|تأشير/],
  ['fellowship', /fellowship|bourse|beca|стипенди|补助金|资助|منح/],
  ['contribution', /contribution|contribucion|proposal|proposition|propuesta|вклад|предложени|文稿|提案|مساهم|مقترح/],
  ['nomination', /nominat|design|candidat|expert|назнач|кандидат|提名|推荐|ترشيح|تعيين/],
  ['registration', /regist|inscri|регистрац|注册|报名|تسجيل/],
  ['reply', /repl|repon|respu|inform|faire part|let me know|comunique|ответ|сообщ|答复|回复|告知|رد|إبلاغ|إخطار/],
];

export function deadlineKindOf(what: string): DeadlineKind {
  const folded = fold(what);
  return DEADLINE_WORDS.find(([, words]) => words.test(folded))?.[0] ?? 'other';
}

const EVENT_WORDS: [EventKind, RegExp][] = [
  ['worldDay', /\bday\b|journee|\bdia\b|день|日$|اليوم|يوم/],
  ['council', /council|conseil|consejo|совет|理事会|مجلس/],
  ['studyGroup', /study group|commission d'etudes|comision de estudio|исследовательск|研究组|لجنة الدراسات/],
  ['regionalMeeting', /regional|regionale|региональн|区域|إقليمي/],
  ['assembly', /assembl|asamblea|ассамбле|全会|大会 \(wtsa|جمعية/],
  ['forum', /forum|foro|форум|论坛|منتدى/],
  ['conference', /conferen|конференц|大会|会议|مؤتمر/],
];

export function eventKindOf(name: string): EventKind {
  const folded = fold(name);
  return EVENT_WORDS.find(([, words]) => words.test(folded))?.[0] ?? 'other';
}

// Names first (the letterhead says "General Secretariat" even when the reference ends "SG/BDT"), then abbreviations.
const SENDER_WORDS: [Sender, RegExp][] = [
  ['SG', /General Secretariat|Secrétariat général|Secretaría General|Генеральный секретариат|秘书处|الأمانة العامة/u],
  ['BDT', /Telecommunication Development Bureau|Bureau de développement des télécommunications|Oficina de Desarrollo de las Telecomunicaciones|Бюро развития электросвязи|电信发展局|مكتب تنمية الاتصالات/u],
  ['TSB', /Telecommunication Standardization Bureau|Bureau de la normalisation des télécommunications|Oficina de Normalización de las Telecomunicaciones|Бюро стандартизации электросвязи|电信标准化局|مكتب تقييس الاتصالات/u],
  ['BR', /Radiocommunication Bureau|Bureau des radiocommunications|Oficina de Radiocomunicaciones|Бюро радиосвязи|无线电通信局|مكتب الاتصالات الراديوية/u],
  ['BDT', /\bBDT\b/u],
  ['TSB', /\bTSB\b/u],
  ['BR', /\bBR\b/u],
  ['SG', /\bSG\b/u],
];

/** Who sent the letter, from its header (letterhead, reference, signature block before the salutation). */
export function senderOf(header: string): Sender | null {
  return SENDER_WORDS.find(([, words]) => words.test(header))?.[0] ?? null;
}
