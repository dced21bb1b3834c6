// Where things are in a letter: its header (before the salutation), its subject line, its annexes, the
// sentence around a word. Works on text that keeps its line breaks and on text run together from a PDF.

export interface Span {
  start: number;
  end: number;
}

const SALUTATION = /(?:^|\n|\s)(Madame,? Monsieur|Monsieur,? Madame|Dear (?:Sir|Madam|Colleague)s?|Dear Sir\/Madam|Sir\/Madam|Muy señor(?:a)? mío|Estimad[oa]s?(?: Señor| Señora| colega)|Señora(?:\/|, )Señor|Уважаем(?:ая|ый|ые)|尊敬的|(?:حضرات )?السيدات والسادة|حضرات السادة|سيدي(?:\/سيدتي)?|تحية طيبة)/u;

const SUBJECT_LABEL = /(?:^|\n|\s|\d)(Objet|Subject|Asunto|Тема|Предмет|Объект|事由|主题|标题|事项|الموضوع)\s*[:：]/u;

const ANNEX_HEADING = /^[ \t]*(?:ANNEX(?:E)?|Annex(?:e)?|ANEXO|Anexo|ПРИЛОЖЕНИЕ|Приложение|附件|الملحق|ملحق)[ \t]*[A-Z0-9IVX]{0,4}[ \t]*$/mu;

/** Where the salutation starts ("Madame, Monsieur", "Dear Sir/Madam"), or -1. */
export function salutationIndex(text: string): number {
  const m = SALUTATION.exec(text.slice(0, 8000));
  return m ? m.index + m[0].indexOf(m[1]) : -1;
}

/** The letter's subject: after "Objet:" / "Subject:" up to the salutation or a blank line, else the paragraph before the salutation. */
export function subjectSpan(text: string): Span | null {
  const salutation = salutationIndex(text);
  const head = text.slice(0, salutation > 0 ? salutation : 3000);
  const label = SUBJECT_LABEL.exec(head);
  if (label) {
    const start = label.index + label[0].length;
    const blank = head.indexOf('\n\n', start + 1);
    let end = Math.min(blank > 0 ? blank : head.length, start + 600);
    // Text run together has no blank line: the subject ends where the first numbered paragraph starts.
    if (blank < 0 || blank - start > 400) {
      const paragraph = /\s\d{1,2}\s+\p{Lu}\p{Ll}{2,}/u.exec(head.slice(start + 30, end));
      if (paragraph) end = start + 30 + paragraph.index;
    }
    return trimSpan(text, { start, end });
  }
  if (salutation > 0) {
    const before = text.slice(0, salutation).replace(/\s+$/, '');
    const paragraphStart = before.lastIndexOf('\n\n');
    const start = paragraphStart >= 0 ? paragraphStart + 2 : Math.max(0, before.length - 400);
    return trimSpan(text, { start, end: before.length });
  }
  return null;
}

/** Where the first annex heading is ("ANNEXE A", "Annex 1" alone on its line), or the text's end. */
export function annexStart(text: string): number {
  const m = ANNEX_HEADING.exec(text);
  return m ? m.index : text.length;
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start += 1;
  while (end > start && /\s/.test(text[end - 1])) end -= 1;
  return { start, end };
}

const SENTENCE_END = /[.!?;。！？؛]/;

function isBoundary(text: string, i: number): boolean {
  const c = text[i];
  if (c === '\n') return text[i + 1] === '\n' || /^\n[ \t]*(?:[-–•*]|\d{1,2}[.)]|[a-z]\))\s/.test(text.slice(i, i + 6));
  if (!SENTENCE_END.test(c)) return false;
  if ('。！？؛'.includes(c)) return true;
  const next = text[i + 1];
  if (next !== undefined && !/\s/.test(next)) return false;
  // "M. Bruno", "No. 56", "art. 25": an abbreviation, not the end of a sentence.
  const word = /(\p{L}{1,4})$/u.exec(text.slice(Math.max(0, i - 5), i))?.[1] ?? '';
  return !(c === '.' && word.length > 0 && word.length <= 3 && /^\p{Lu}|^(?:no|art|ref|réf|vol|p)$/iu.test(word));
}

/** The sentence (or list item, or paragraph of a header) around a position. */
export function sentenceAround(text: string, index: number, limit = 700): Span {
  let start = index;
  while (start > 0 && index - start < limit && !isBoundary(text, start - 1)) start -= 1;
  let end = index;
  while (end < text.length && end - index < limit && !isBoundary(text, end)) end += 1;
  return trimSpan(text, { start, end: Math.min(text.length, end + 1) });
}

/** The line around a position. */
export function lineAround(text: string, index: number): Span {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const newline = text.indexOf('\n', index);
  return { start, end: newline < 0 ? text.length : newline };
}
