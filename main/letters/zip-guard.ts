// A user's ZIP-based file (.docx, .xlsx) checked before any library opens it: the libraries (JSZip,
// under mammoth and exceljs) believe a ZIP's sizes and inflate whatever is there. They are only ever
// given the ZIP rebuilt here, "stored", from entries inflated under a limit.
import { Inflate, zipSync, type Zippable } from 'fflate';

/** Above these, a "document" is a ZIP bomb (a real letter or people sheet is a few MB at most, uncompressed). */
const MAX_TOTAL_BYTES = 200 * 1024 * 1024;
const MAX_ENTRY_BYTES = 50 * 1024 * 1024;
const MAX_RATIO = 200;

/** What is wrong with a ZIP: the caller turns it into its own error (letters.*, people.*). */
export type ZipProblem = 'unreadable' | 'zipBomb';

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/**
 * The ZIP rebuilt stored (level 0) from its entries, each inflated under its declared size: what a
 * library inflates next is exactly what was checked here. Throws fail(problem) when the ZIP is malformed
 * or declares (or turns out to hold) more than the limits allow; nothing is inflated when the sizes it
 * declares are already too much.
 */
export function checkedZip(bytes: Uint8Array, fail: (problem: ZipProblem) => Error): Uint8Array {
  let entries: ZipEntry[];
  try {
    entries = centralDirectory(bytes);
  } catch {
    throw fail('unreadable');
  }
  // Decided from the declared sizes, before a single byte is inflated.
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    const ratio = entry.size / Math.max(entry.compressedSize, 1);
    if (total > MAX_TOTAL_BYTES || (entry.size > MAX_ENTRY_BYTES && ratio > MAX_RATIO)) throw fail('zipBomb');
  }
  const files: Zippable = {};
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue; // a folder
    files[entry.name] = entryBytes(bytes, entry, fail);
  }
  try {
    return zipSync(files, { level: 0 });
  } catch {
    throw fail('unreadable');
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
function entryBytes(bytes: Uint8Array, entry: ZipEntry, fail: (problem: ZipProblem) => Error): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== 0x04034b50) throw fail('unreadable');
  const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw fail('unreadable');
  if (entry.method === 0) return data.subarray(0, entry.size);
  if (entry.method !== 8) throw fail('unreadable');

  const chunks: Uint8Array[] = [];
  let inflated = 0;
  let lied = false;
  const inflater = new Inflate((chunk) => {
    inflated += chunk.length;
    // More than it declared: the directory lied, and nothing it says can be trusted.
    if (inflated > entry.size) {
      lied = true;
      throw new Error('entry larger than declared');
    }
    chunks.push(chunk);
  });
  const STEP = 16 * 1024; // deflate expands at most ~1032:1, so one step yields ≤ ~17 MB
  try {
    for (let at = 0; at < data.length || at === 0; at += STEP) inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
  } catch {
    throw fail(lied ? 'zipBomb' : 'unreadable');
  }
  const out = new Uint8Array(inflated);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
