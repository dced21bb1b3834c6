// A .docx's text, by mammoth, behind a ZIP check: mammoth (JSZip) believes a ZIP's sizes and inflates
// whatever is there, so it is only ever given a ZIP rebuilt here from entries inflated under a limit.
import { Inflate, zipSync, type Zippable } from 'fflate';
import mammoth from 'mammoth';
import { AppError } from '../errors';

/** Above these, a "document" is a ZIP bomb (a real letter is a few MB at most, uncompressed). */
const MAX_TOTAL_BYTES = 200 * 1024 * 1024;
const MAX_ENTRY_BYTES = 50 * 1024 * 1024;
const MAX_RATIO = 200;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

export async function docxText(bytes: Uint8Array, name: string): Promise<string> {
  const unreadable = () => new AppError('letters.unreadable', { name });
  let entries: ZipEntry[];
  try {
    entries = centralDirectory(bytes);
  } catch {
    throw unreadable();
  }
  // Decided from the declared sizes, before a single byte is inflated.
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    const ratio = entry.size / Math.max(entry.compressedSize, 1);
    if (total > MAX_TOTAL_BYTES || (entry.size > MAX_ENTRY_BYTES && ratio > MAX_RATIO)) throw new AppError('letters.zipBomb', { name });
  }
  const files: Zippable = {};
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue; // a folder
    files[entry.name] = entryBytes(bytes, entry, name);
  }
  try {
    // Stored (level 0): what mammoth inflates is exactly what was checked above.
    const checked = zipSync(files, { level: 0 });
    const result = await mammoth.extractRawText({ buffer: Buffer.from(checked.buffer, checked.byteOffset, checked.length) });
    return result.value
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  } catch {
    throw unreadable();
  }
}

/** The ZIP's central directory (APPNOTE 4.3.12–4.3.16), ZIP64 sizes included. Throws on anything malformed. */
function centralDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is the last 22 bytes, unless a comment (≤ 65535 bytes) follows it.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error('no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new Error('ZIP64 directory'); // not for a ≤ 20 MB file
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('bad central directory entry');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const entry: ZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    };
    readZip64Sizes(view, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + view.getUint16(at + 32, true);
  }
  return entries;
}

/** Fields set to 0xFFFFFFFF are in the ZIP64 extra field (id 1), in this order, each 8 bytes. */
function readZip64Sizes(view: DataView, start: number, length: number, entry: ZipEntry): void {
  const fields = (['size', 'compressedSize', 'offset'] as const).filter((key) => entry[key] === 0xffffffff);
  if (fields.length === 0) return;
  for (let at = start; at + 4 <= start + length; at += 4 + view.getUint16(at + 2, true)) {
    if (view.getUint16(at, true) !== 1) continue;
    fields.forEach((key, i) => (entry[key] = Number(view.getBigUint64(at + 4 + 8 * i, true))));
    return;
  }
}

/** An entry's bytes, inflated in small steps so that a size that lies is caught after ~16 MB at most. */
function entryBytes(bytes: Uint8Array, entry: ZipEntry, name: string): Uint8Array {
  const unreadable = () => new AppError('letters.unreadable', { name });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== 0x04034b50) throw unreadable();
  const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw unreadable();
  if (entry.method === 0) return data.subarray(0, entry.size);
  if (entry.method !== 8) throw unreadable();

  const chunks: Uint8Array[] = [];
  let inflated = 0;
  const inflater = new Inflate((chunk) => {
    inflated += chunk.length;
    // More than it declared: the directory lied, and nothing it says can be trusted.
    if (inflated > entry.size) throw new AppError('letters.zipBomb', { name });
    chunks.push(chunk);
  });
  const STEP = 16 * 1024; // deflate expands at most ~1032:1, so one step yields ≤ ~17 MB
  try {
    for (let at = 0; at < data.length || at === 0; at += STEP) inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
  } catch (error) {
    throw error instanceof AppError ? error : unreadable();
  }
  const out = new Uint8Array(inflated);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
