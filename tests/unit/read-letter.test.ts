// A letter file a user drops in → its text, or one clear letters.* error. The files are made by
// tests/fixtures/letters/make-files.mjs (real PDFs printed by Chromium, a hand-encrypted PDF, e-mails).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import mammoth from 'mammoth';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../main/errors';
import { MAX_LETTER_BYTES, readLetter } from '../../main/letters/read-letter';

const FILES = path.join(import.meta.dirname, '../fixtures/letters/files');
const file = (name: string) => new Uint8Array(readFileSync(path.join(FILES, name)));

/** The error readLetter threw: its code and params. */
async function failure(bytes: Uint8Array, name: string): Promise<{ code: string; params: Record<string, string | number> }> {
  const error: unknown = await readLetter(bytes, name).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof AppError)) throw new Error(`${name}: expected an AppError, got ${String(error)}`);
  return { code: error.code, params: error.params };
}

/** Runs of whitespace (line breaks included) as one space: how a person reads across lines. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** A small docx, its paragraphs as given. */
function docx(paragraphs: string[]): Uint8Array {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ),
  });
}

/** Rewrites the uncompressed sizes a ZIP declares (local and central headers) for the named entries. */
function declareSizes(zip: Uint8Array, sizes: Record<string, number>): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at + 46 <= out.length; at++) {
    const signature = view.getUint32(at, true);
    const local = signature === 0x04034b50;
    if (!local && signature !== 0x02014b50) continue;
    const nameAt = at + (local ? 30 : 46);
    const name = new TextDecoder().decode(out.subarray(nameAt, nameAt + view.getUint16(at + (local ? 26 : 28), true)));
    if (name in sizes) view.setUint32(at + (local ? 22 : 24), sizes[name], true);
  }
  return out;
}

/** An e-mail with a text body (maybe empty) and attachments. */
function email(body: string, attachments: { name: string; type: string; bytes: Uint8Array }[]): Uint8Array {
  const parts = [
    `--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n`,
    ...attachments.map(
      ({ name, type, bytes }) =>
        `--b\r\nContent-Type: ${type}; name="${name}"\r\nContent-Disposition: attachment; filename="${name}"\r\n` +
        `Content-Transfer-Encoding: base64\r\n\r\n${Buffer.from(bytes).toString('base64')}\r\n`,
    ),
  ];
  return strToU8(
    `Subject: CL-24/99\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n${parts.join('')}--b--\r\n`,
  );
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('plain text', () => {
  it('reads UTF-8, with its line ends made \\n', async () => {
    const letter = await readLetter(file('letter.txt'), 'letter.txt');
    expect(letter.format).toBe('txt');
    expect(letter.attachments).toEqual([]);
    expect(letter.text).toContain('du 17 au 28 novembre 2025');
    expect(letter.text).toContain('avant le 26 août 2024');
    expect(letter.text).toContain('J’ai l’honneur');
    expect(letter.text).not.toContain('\r');
  });

  it('reads the same letter from UTF-16 (by its BOM, either byte order), windows-1252 and UTF-8 with a BOM', async () => {
    const { text } = await readLetter(file('letter.txt'), 'letter.txt');
    const le = file('letter-utf16.txt');
    const be = le.slice();
    for (let i = 0; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [le[i + 1], le[i]];
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...file('letter.txt')]);
    expect((await readLetter(le, 'letter-utf16.txt')).text).toBe(text);
    expect((await readLetter(be, 'letter-utf16be.txt')).text).toBe(text);
    // ’ and — are 0x92 and 0x97 there, which Latin-1 would turn into control characters.
    expect((await readLetter(file('letter-1252.txt'), 'letter-1252.txt')).text).toBe(text);
    expect((await readLetter(withBom, 'bom.text')).text).toBe(text);
  });

  it('refuses a binary file renamed .txt, and one that is mostly control characters', async () => {
    expect((await failure(file('binary.txt'), 'binary.txt')).code).toBe('letters.notText');
    const controls = strToU8('Lettre\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11');
    expect((await failure(controls, 'odd.txt')).code).toBe('letters.notText');
    // Tabs, form feeds and line ends are text.
    expect((await readLetter(strToU8('Objet :\tCL-24/99\f\r\nfin'), 'ok.txt')).text).toBe('Objet :\tCL-24/99\f\nfin');
  });

  it('calls an empty or blank file empty', async () => {
    expect(await failure(file('empty.txt'), 'empty.txt')).toEqual({ code: 'letters.empty', params: { name: 'empty.txt' } });
    expect((await failure(strToU8(' \r\n\t\n'), 'blank.txt')).code).toBe('letters.empty');
  });
});

describe('which reader', () => {
  it('goes by the bytes first: a PDF or a docx under another name is still read', async () => {
    const pdf = await readLetter(file('letter.pdf'), 'letter.txt');
    expect(pdf.format).toBe('pdf');
    expect(pdf.text).toContain('du 17 au 28 novembre 2025');
    const word = await readLetter(file('letter.docx'), 'CL-24-99.doc');
    expect(word.format).toBe('docx');
    expect(word.text).toContain('avant le 26 août 2024');
  });

  it('refuses other files by their name, naming the file without its folders', async () => {
    expect(await failure(strToU8('GIF89a…'), 'C:\\Users\\me\\Letters\\photo.GIF')).toEqual({
      code: 'letters.unsupported',
      params: { name: 'photo.GIF' },
    });
    expect(await failure(strToU8('text'), '/tmp/README')).toEqual({ code: 'letters.unsupported', params: { name: 'README' } });
    const long = `${'x'.repeat(300)}.odt`;
    expect((await failure(strToU8('text'), long)).params.name).toBe(long.slice(0, 200));
  });

  it('refuses more than 20 MB at once, before reading any of it', async () => {
    const started = performance.now();
    const huge = new Uint8Array(50 * 1024 * 1024);
    huge.set(strToU8('%PDF-1.7'));
    expect(await failure(huge, 'huge.pdf')).toEqual({ code: 'letters.tooLarge', params: { max: 20, name: 'huge.pdf' } });
    expect(performance.now() - started).toBeLessThan(200);
    expect((await failure(new Uint8Array(MAX_LETTER_BYTES + 1), 'a.txt')).code).toBe('letters.tooLarge');
  });
});

describe('Word', () => {
  it('reads the paragraphs of a docx', async () => {
    const extract = vi.spyOn(mammoth, 'extractRawText');
    const letter = await readLetter(file('letter.docx'), 'letter.docx');
    expect(extract).toHaveBeenCalledTimes(1); // so the spies below do see mammoth's calls
    expect(letter.format).toBe('docx');
    expect(letter.text).toContain('Objet : Atelier régional sur la gestion du spectre, du 17 au 28 novembre 2025');
    expect(letter.text).toContain('Madame, Monsieur,\n\nJ’ai l’honneur');
    expect(letter.text).toContain('avant le 26 août 2024');
  });

  it('calls a truncated or foreign ZIP unreadable and a docx with no words empty', async () => {
    const word = file('letter.docx');
    expect(await failure(word.subarray(0, word.length / 2), 'cut.docx')).toEqual({
      code: 'letters.unreadable',
      params: { name: 'cut.docx' },
    });
    const notWord = zipSync({ 'content.xml': strToU8('<office:document/>') });
    expect((await failure(notWord, 'sheet.docx')).code).toBe('letters.unreadable');
    expect((await failure(docx(['  ']), 'blank.docx')).code).toBe('letters.empty');
  });

  it('refuses ZIP bombs from the sizes they declare, and never hands them to mammoth', async () => {
    const extract = vi.spyOn(mammoth, 'extractRawText');
    // 300 MB declared for a few hundred bytes.
    expect(await failure(file('bomb.docx'), 'bomb.docx')).toEqual({ code: 'letters.zipBomb', params: { name: 'bomb.docx' } });
    // No entry alone is absurd, but together they are 225 MB.
    const parts = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((name) => [`word/media/${name}.bin`, new Uint8Array(10)]));
    const many = declareSizes(zipSync(parts), Object.fromEntries(Object.keys(parts).map((name) => [name, 45 * 1024 * 1024])));
    expect((await failure(many, 'many.docx')).code).toBe('letters.zipBomb');
    expect(extract).not.toHaveBeenCalled();
  });

  it('trusts no declared size: an entry that inflates past it is stopped there', async () => {
    const extract = vi.spyOn(mammoth, 'extractRawText');
    // 8 MB of zeros, deflated to a few KB and declared as 1 KB: the declared ratio looks harmless.
    const honest = zipSync({ 'word/document.xml': new Uint8Array(8 * 1024 * 1024) });
    const lying = declareSizes(honest, { 'word/document.xml': 1024 });
    expect(lying.length).toBeLessThan(20_000);
    const started = performance.now();
    expect((await failure(lying, 'liar.docx')).code).toBe('letters.zipBomb');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(extract).not.toHaveBeenCalled();
  });
});

describe('PDF', () => {
  it('reads the text layer back as the letter’s lines, words apart', async () => {
    const letter = await readLetter(file('letter.pdf'), 'letter.pdf');
    expect(letter.format).toBe('pdf');
    expect(letter.text).toContain('Objet : Atelier régional sur la gestion du spectre, du 17 au 28 novembre 2025');
    expect(letter.text).toContain('avant le 26 août 2024.');
    // This sentence wraps after "novembre" on the page: a line break, never two words glued.
    expect(flat(letter.text)).toContain('se tiendra du 17 au 28 novembre 2025 à Genève.');
    expect(letter.text).toMatch(/^Madame, Monsieur,$/m);
    // Paragraphs are apart by a blank line, the lines inside one by a line break.
    expect(letter.text).toContain('Madame, Monsieur,\n\nJ’ai');
  });

  it('keeps Russian, Chinese and Arabic, the Arabic in reading order', async () => {
    const { text } = await readLetter(file('letter-ru-zh-ar.pdf'), 'letter-ru-zh-ar.pdf');
    expect(text).toContain('с 5 по 14 июля 2016 года');
    // The font maps 月 日 至 to look-alike Kangxi radicals (⽉ ⽇ ⾄); they are given back as the characters.
    expect(text).toContain('2017年10月16日至27日');
    // Printed glyph by glyph in visual order, as presentation forms: read back right to left, in letters.
    expect(text).toContain('من 17 إلى 28 نوفمبر 2025');
  });

  it('tells a password-protected PDF, a scan and a broken file apart', async () => {
    expect(await failure(file('encrypted.pdf'), 'encrypted.pdf')).toEqual({
      code: 'letters.pdfPassword',
      params: { name: 'encrypted.pdf' },
    });
    expect(await failure(file('scanned.pdf'), 'scanned.pdf')).toEqual({
      code: 'letters.pdfNoText',
      params: { pages: 1, name: 'scanned.pdf' },
    });
    expect(await failure(file('truncated.pdf'), 'truncated.pdf')).toEqual({
      code: 'letters.unreadable',
      params: { name: 'truncated.pdf' },
    });
    expect((await failure(strToU8('%PDF-1.7\nnothing else'), 'junk.pdf')).code).toBe('letters.unreadable');
  });

  it('fetches nothing', async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('no network')));
    vi.stubGlobal('fetch', fetch);
    await readLetter(file('letter-ru-zh-ar.pdf'), 'letter-ru-zh-ar.pdf');
    await readLetter(file('letter.pdf'), 'letter.pdf');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('leaves the caller’s bytes as they were (pdf.js is given a copy)', async () => {
    const bytes = file('letter.pdf');
    const before = bytes.slice();
    await readLetter(bytes, 'letter.pdf');
    expect(bytes.byteLength).toBe(before.byteLength);
    expect(bytes).toEqual(before);
  });
});

describe('e-mail', () => {
  it('puts the attached letter first, then the subject and body', async () => {
    const letter = await readLetter(file('letter.eml'), 'letter.eml');
    expect(letter.format).toBe('eml');
    expect(letter.attachments).toEqual(['CL-24-99.pdf']);
    expect(letter.text.startsWith('--- CL-24-99.pdf ---\n')).toBe(true);
    expect(letter.text).toContain('du 17 au 28 novembre 2025');
    const body = letter.text.indexOf('Circular letter CL-24/99\n\nPlease find attached the circular letter.');
    expect(body).toBeGreaterThan(letter.text.indexOf('avant le 26 août 2024'));
  });

  it('reads an HTML-only body as text: no tags, scripts or styles; entities decoded', async () => {
    const { text, attachments } = await readLetter(file('html-only.eml'), 'html-only.eml');
    expect(attachments).toEqual([]);
    expect(text).toContain('Lettre circulaire CL-24/99 — réunion'); // the encoded subject
    expect(text).toContain('L’atelier se tiendra du 17 au 28 novembre 2025 à Genève.');
    expect(text).toContain('Merci de répondre avant le 26 août 2024.');
    expect(text).toContain('Madame, Monsieur,\n\nL’atelier');
    expect(text).toContain('Le Directeur\nBureau des radiocommunications & UIT');
    expect(text).not.toMatch(/color|not the letter|<|&\w+;/);
  });

  it('decodes numeric entities and leaves unknown names as written', async () => {
    const mail = strToU8(
      'Subject: x\r\nContent-Type: text/html; charset=utf-8\r\n\r\n' +
        '<p>R&#233;union &#x2014; 17&nbsp;au&nbsp;28 novembre</p><p>&constructor; &bogus; &lt;b&gt;</p>',
    );
    const { text } = await readLetter(mail, 'entities.eml');
    expect(text).toBe('x\n\nRéunion — 17 au 28 novembre\n\n&constructor; &bogus; <b>');
  });

  it('refuses an e-mail with neither a body nor a letter attached', async () => {
    expect(await failure(file('no-letter.eml'), 'no-letter.eml')).toEqual({
      code: 'letters.emailNoLetter',
      params: { name: 'no-letter.eml' },
    });
  });

  it('reads Word attachments too, by type or name, and skips a broken one when the body has text', async () => {
    const mail = email('See the attached letters.', [
      { name: 'CL-24-99.docx', type: 'application/octet-stream', bytes: file('letter.docx') },
      { name: 'locked.pdf', type: 'application/pdf', bytes: file('encrypted.pdf') },
    ]);
    const letter = await readLetter(mail, 'mail.eml');
    expect(letter.attachments).toEqual(['CL-24-99.docx']);
    expect(letter.text).toMatch(/^--- CL-24-99\.docx ---\nUnion internationale/);
    expect(letter.text).toContain('CL-24/99\n\nSee the attached letters.');
  });

  it('says why when the only letter attached cannot be read', async () => {
    const locked = email('', [{ name: 'locked.pdf', type: 'application/pdf', bytes: file('encrypted.pdf') }]);
    expect(await failure(locked, 'mail.eml')).toEqual({ code: 'letters.pdfPassword', params: { name: 'locked.pdf' } });
  });

  it('calls a binary file named .eml unreadable', async () => {
    expect(await failure(file('binary.txt'), 'mail.eml')).toEqual({ code: 'letters.unreadable', params: { name: 'mail.eml' } });
  });
});

it('still reads every letter after the bad files, one by one and all at once', async () => {
  const bad = ['binary.txt', 'bomb.docx', 'empty.txt', 'encrypted.pdf', 'no-letter.eml', 'scanned.pdf', 'truncated.pdf'];
  const good = ['letter.txt', 'letter-utf16.txt', 'letter-1252.txt', 'letter.docx', 'letter.pdf', 'letter.eml', 'html-only.eml'];
  for (const name of bad) await expect(readLetter(file(name), name)).rejects.toBeInstanceOf(AppError);
  for (const name of good) expect(flat((await readLetter(file(name), name)).text)).toContain('du 17 au 28 novembre 2025');
  const all = await Promise.allSettled([...bad, ...good].map((name) => readLetter(file(name), name)));
  expect(all.map((result) => result.status)).toEqual([...bad.map(() => 'rejected'), ...good.map(() => 'fulfilled')]);
});
