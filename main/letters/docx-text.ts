// A .docx's text, by mammoth, behind a ZIP check: mammoth (JSZip) believes a ZIP's sizes and inflates
// whatever is there, so it is only ever given a ZIP rebuilt by ./zip-guard from entries inflated under a limit.
import mammoth from 'mammoth';
import { AppError } from '../errors';
import { checkedZip } from './zip-guard';

export async function docxText(bytes: Uint8Array, name: string): Promise<string> {
  // letters.unreadable or letters.zipBomb, decided before mammoth sees a byte.
  const checked = checkedZip(bytes, (problem) => new AppError(`letters.${problem}`, { name }));
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(checked.buffer, checked.byteOffset, checked.length) });
    return result.value
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  } catch {
    throw new AppError('letters.unreadable', { name });
  }
}
