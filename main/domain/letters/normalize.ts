// The letter's text as the extraction reads it and the review screen shows it: one form of each character
// (NFKC turns full-width digits and Arabic presentation forms into plain ones), Arabic-Indic digits as
// 0–9, no Arabic short vowels, plain spaces and line ends, and the marks of Markdown copies ("**", "[text](#)") gone.

const ARABIC_INDIC = /[\u0660-\u0669\u06F0-\u06F9]/g;
// CJK radicals a PDF's font may give for the characters they look like (NFKC leaves this block alone).
const RADICALS: Record<string, string> = {
  '⺠': '民', '⻄': '西', '⻓': '长', '⻔': '门', '⻛': '风', '⻜': '飞', '⻢': '马', '⻬': '齐', '⻆': '角', '⻅': '见',
  '⻉': '贝', '⻋': '车', '⻩': '黄', '⻣': '骨', '⻤': '鬼', '⻨': '麦', '⻗': '雨', '⻘': '青', '⻝': '食', '⻥': '鱼',
  '⻦': '鸟', '⻧': '卤', '⻪': '黾', '⻭': '齿', '⻯': '龙', '⺟': '母', '⻳': '龟', '⻌': '辶', '⻍': '辶', '⻊': '足',
};
const RADICAL = new RegExp(`[${Object.keys(RADICALS).join('')}]`, 'gu');

export function normalizeLetterText(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(ARABIC_INDIC, (digit) => String(digit.charCodeAt(0) & 0xf))
    .replace(RADICAL, (radical) => RADICALS[radical])
    // A glyph a PDF could not map (U+0000) sits inside a word, with the gap it made around it.
    .replace(/[ \t]*\u0000[ \t]*/g, '')
    .replace(/[\u0001-\u0008\u000b\u000e-\u001f\u007f]/g, '')
    // An Arabic vowel sign set apart from its letter by a PDF's spacing: "ع ُمان" is "عُمان".
    .replace(/[ \t]+(?=[\u064b-\u0652])/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f\u2000-\u200a]/g, ' ')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff\u200e\u200f\u202a-\u202e]/g, '')
    // Arabic short vowels and tatweel are optional in writing: "سيُعقد" is "سيعقد".
    .replace(/[\u064b-\u0652\u0640]/g, '')
    .replace(/\[([^\]\n]{0,300})\]\((?:[^)\s]{0,500})\)/g, '$1')
    .replace(/<(https?:\/\/[^>\s]{1,500})>/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/^#{1,6}[ \t]+/gm, '')
    .replace(/[ \t]+\n/g, '\n')
    // A right-to-left line's final full stop, read from a PDF, lands before the year that ends it (".2021").
    .replace(/(\p{Script=Arabic}[ \t]+)([.,،])(\d{1,4})(?=\n|$)/gu, '$1$3$2')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
