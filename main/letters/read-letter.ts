// A letter file's bytes → the letter's text, offline. Runs in Node only (main process, CLI, tests).
// Every failure a user can cause is an AppError with a letters.* code (listed in LetterErrorCode).
import { AppError } from '../errors';
import { docxText } from './docx-text';
import { emailText } from './email-text';
import { pdfText } from './pdf-text';

export type LetterFormat = 'txt' | 'docx' | 'pdf' | 'eml';

export interface LetterText {
  text: string;
  format: LetterFormat;
  /** names of the e-mail attachments whose text was read */
  attachments: string[];
}

export const MAX_LETTER_BYTES = 20 * 1024 * 1024;

/**
 * The codes readLetter throws, for the translators. Every one has params.name (the file's base name,
 * ≤ 200 characters; for an e-mail's attachment, the attachment's); letters.tooLarge also has max (MB)
 * and letters.pdfNoText pages.
 */
export type LetterErrorCode =
  | 'letters.empty'
  | 'letters.tooLarge'
  | 'letters.unsupported'
  | 'letters.notText'
  | 'letters.pdfPassword'
  | 'letters.pdfNoText'
  | 'letters.unreadable'
  | 'letters.zipBomb'
  | 'letters.emailNoLetter';

const EXTENSIONS: Record<string, LetterFormat> = { txt: 'txt', text: 'txt', docx: 'docx', pdf: 'pdf', eml: 'eml' };

export async function readLetter(bytes: Uint8Array, fileName: string): Promise<LetterText> {
  const name = baseName(fileName);
  // Before anything else, so that a huge file costs nothing but this comparison.
  if (bytes.length > MAX_LETTER_BYTES) throw new AppError('letters.tooLarge', { max: MAX_LETTER_BYTES / 1024 / 1024, name });
  if (bytes.length === 0) throw new AppError('letters.empty', { name });
  const format = sniffFormat(bytes) ?? EXTENSIONS[extension(name)];
  if (!format) throw new AppError('letters.unsupported', { name });

  if (format === 'eml') {
    // A mail file is text; postal-mime would take anything for one (all headers, no body).
    if (looksBinary(bytes)) throw new AppError('letters.unreadable', { name });
    return emailText(bytes, name);
  }
  const text = format === 'pdf' ? await pdfText(bytes, name) : format === 'docx' ? await docxText(bytes, name) : plainText(bytes, name);
  if (!text.trim()) throw new AppError('letters.empty', { name });
  return { text, format, attachments: [] };
}

/** The file name without its folders, at most 200 characters: it is shown to the user in messages. */
function baseName(fileName: string): string {
  return (fileName.split(/[/\\]/).pop() ?? '').slice(0, 200);
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** What the bytes say they are, whatever the name says: a PDF or a ZIP (a docx) renamed is still one. */
function sniffFormat(bytes: Uint8Array): LetterFormat | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf'; // %PDF
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx'; // PK\x03\x04
  return undefined;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/**
 * True when the start of the file is not text: a NUL byte, or more than 10% control characters
 * other than tab, line feed, form feed and carriage return (UTF-16 is decided by its BOM first).
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 64 * 1024);
  let controls = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f) controls++;
  }
  return controls > head.length / 10;
}

/** UTF-8 (BOM stripped), UTF-16 by its BOM, else windows-1252 (what older Windows tools write). */
function plainText(bytes: Uint8Array, name: string): string {
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(bytes);
  else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(bytes);
  else if (looksBinary(bytes)) throw new AppError('letters.notText', { name });
  else {
    try {
      // The decoder strips a UTF-8 BOM (ignoreBOM is false by default).
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = windows1252(bytes);
    }
  }
  return text.replace(/\r\n?/g, '\n').trim();
}

/** 0x80–0x9F in windows-1252 (WHATWG's table; the five unassigned bytes stay as they are). */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Node 20.18.3+ and 22.13+ decode 'windows-1252' as Latin-1, so that 0x92 gives U+0092, not ’
 * (nodejs/node#60888): the 0x80–0x9F range is mapped here, which is right with or without that bug.
 * Also read by main/people-io (a ministry's CSV saved by an older Excel).
 */
export function windows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (char) => CP1252_80_9F[char.charCodeAt(0) - 0x80]);
}
