// Names of files the app writes out (exports, documents, calendars) come from data the user typed or a
// letter gave: they are reduced to letters, digits, dots and dashes so that they can never be a path,
// a device name or something a file system refuses.
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A safe file name from any text: letters and digits of every script, dashes between words. */
export function safeFileName(base: string, extension: string, fallback = 'delegation'): string {
  let stem = base.normalize('NFKC').replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');
  if (!stem || RESERVED.test(stem)) stem = fallback;
  return `${stem}.${extension}`;
}

/** The extension a file kept under attachments/ gets: the user's, when it is plain letters and digits; else 'bin'. */
export function keptExtension(fileName: string): string {
  return /\.([a-z0-9]{1,8})$/i.exec(fileName)?.[1].toLowerCase() ?? 'bin';
}
