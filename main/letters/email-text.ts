// An e-mail's letter: its attached PDF or Word letters first (the letter itself, usually), then the
// subject and body (often just "please find attached").
import PostalMime from 'postal-mime';
import { AppError } from '../errors';
import { docxText } from './docx-text';
import { pdfText } from './pdf-text';
import type { LetterText } from './read-letter';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function emailText(bytes: Uint8Array, name: string): Promise<LetterText> {
  let email: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    email = await PostalMime.parse(bytes);
  } catch {
    throw new AppError('letters.unreadable', { name });
  }
  const body = (email.text?.trim() ? email.text.replace(/\r\n?/g, '\n') : htmlToText(email.html ?? '')).trim();

  const parts: string[] = [];
  const attachments: string[] = [];
  const failures: unknown[] = [];
  for (const attachment of email.attachments) {
    const fileName = (attachment.filename ?? '').split(/[/\\]/).pop()?.slice(0, 200) || 'attachment';
    const content = typeof attachment.content === 'string' ? new TextEncoder().encode(attachment.content) : new Uint8Array(attachment.content);
    const read = letterReader(attachment.mimeType, fileName, content);
    if (!read) continue;
    try {
      const text = (await read(content, fileName)).trim();
      if (!text) continue;
      parts.push(`--- ${fileName} ---\n${text}`);
      attachments.push(fileName);
    } catch (error) {
      failures.push(error);
    }
  }
  // The subject counts only with a body: alone, it is no letter.
  if (body) parts.push([email.subject?.trim(), body].filter(Boolean).join('\n\n'));
  if (parts.length === 0) {
    // Nothing else to show: the attachment's own reason (password, scan…) tells the user more.
    if (failures[0] !== undefined) throw failures[0];
    throw new AppError('letters.emailNoLetter', { name });
  }
  return { text: parts.join('\n\n'), format: 'eml', attachments };
}

/** The reader for an attachment that is a PDF or Word letter (by content, type or name), if it is one. */
function letterReader(mimeType: string, fileName: string, content: Uint8Array) {
  const extension = fileName.toLowerCase().split('.').pop();
  if (content[0] === 0x25 && content[1] === 0x50 && content[2] === 0x44 && content[3] === 0x46) return pdfText; // %PDF
  if (mimeType === 'application/pdf' || extension === 'pdf') return pdfText;
  if (mimeType === DOCX_TYPE || extension === 'docx') return docxText;
  return undefined;
}

/** An HTML body's text: no scripts, styles or tags; block ends are line breaks; entities decoded. */
function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(script|style|head|template)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/\s+/g, ' ') // in HTML, a line break in the source is a space
      .replace(/<br\b[^>]*>/gi, '\n')
      .replace(/<\/?(p|div|h[1-6]|ul|ol|li|table|tr|blockquote|pre|hr|section|article|header|footer|address)\b[^>]*>/gi, '\n\n')
      .replace(/<\/?(td|th)\b[^>]*>/gi, ' ')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Named entities an e-mail's HTML uses: Latin-1 (&nbsp; … &yuml;, in code order) and typography. */
const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para ' +
  'middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute ' +
  'Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute ' +
  'THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ' +
  'ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';
// A Map, not an object: "&constructor;" must not find Object.prototype's.
const ENTITIES = new Map<string, string>([
  ...LATIN1_NAMES.split(' ').map((entity, i): [string, string] => [entity, String.fromCharCode(0xa0 + i)]),
  ...Object.entries({
    amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", OElig: 'Œ', oelig: 'œ', euro: '€', ndash: '–', mdash: '—',
    lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', hellip: '…', bull: '•', trade: '™', thinsp: '\u2009',
  }),
]);

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (entity, body: string) => {
    if (body[0] !== '#') return ENTITIES.get(body) ?? entity;
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}
