// The nomination letter in the six languages: what Word reads (document.xml, footer, media), the
// wording from locales/<lng>/documents.json, and what LibreOffice makes of it (PDF text, page count,
// fonts). The LibreOffice part skips when /usr/bin/soffice is absent.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { imageSize } from '../../main/documents/letter';
import {
  buildNominationLetter, listName, nominationAddressee, type NominationData,
} from '../../main/documents/nomination';
import { LANGUAGES, ROLES, type Language } from '../../main/domain/enums';

const ROOT = path.resolve(import.meta.dirname, '../..');

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}
const wording = (language: Language) =>
  flatten(JSON.parse(readFileSync(path.join(ROOT, 'locales', language, 'documents.json'), 'utf8')) as Tree);
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/** A valid 2×1 RGB PNG, built by hand. */
function tinyPng(): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const row = Buffer.from([0, 0x1f, 0x4e, 0x79, 0xc8, 0x10, 0x2e]); // filter 0, blue, red
  return new Uint8Array(Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(row)), chunk('IEND', Buffer.alloc(0)),
  ]));
}
const LOGO = tinyPng();

const MEMBERS: NominationData['members'] = [
  { role: 'youthDelegate', givenName: 'Léa', familyName: 'Martin', function: 'Student', organisation: 'University of Rabat', email: 'lea@example.org' },
  { role: 'head', title: 'H.E.', givenName: 'Jean', familyName: 'Dupont', function: 'Minister of Digital Affairs', organisation: 'Ministry of Digital Development', email: 'j.dupont@example.org' },
  { role: 'deputyHead', givenName: 'María', familyName: 'García López', function: 'Director, International Relations', organisation: 'Telecommunications Regulatory Authority', email: 'm.garcia@example.org' },
  { role: 'delegate', givenName: 'محمد', familyName: 'العلي', function: 'مستشار', organisation: 'وزارة الاتصالات', email: 'm.alali@example.org' },
  { role: 'delegate', givenName: '芳', familyName: '王', function: 'Engineer', organisation: 'National Spectrum Agency', email: 'wang.fang@example.org' },
];

const WTDC: NominationData = {
  profile: {
    administration: 'Ministry of Digital Development', address: '12 Avenue of Nations\nRabat 10000\nMorocco', country: 'MA',
    signatoryName: 'Amina BENNANI', signatoryTitle: 'Director-General', logo: { bytes: LOGO, type: 'png' },
  },
  place: 'Rabat',
  date: '2025-10-03',
  outgoingReference: 'MTN/DG/2025/117',
  event: {
    name: 'World Telecommunication Development Conference', acronym: 'WTDC-25', kind: 'conference',
    startDate: '2025-11-17', endDate: '2025-11-28', city: 'Baku', country: 'AZ',
  },
  invitation: { reference: 'DM-24/1010', letterDate: '2024-10-15', sender: 'BDT' },
  members: MEMBERS,
  contact: { name: 'Karim Alaoui', email: 'k.alaoui@example.org', phone: '+212 5 37 00 00 00' },
};

/** The names as the letter lists them: family name first, in capitals for Latin script only. */
const LISTED = ['H.E. DUPONT Jean', 'GARCÍA LÓPEZ María', 'العلي محمد', '王芳', 'MARTIN Léa'];

/** ITU's British English dates; the other languages as Intl writes them. */
const longDate = (iso: string, language: Language) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
};

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => values[name] ?? `{{${name}}}`);

/** Bidi embedding marks the letter puts around left-to-right values in Arabic text. */
const unmarked = (text: string) => text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');

function decode(xml: string): string {
  return xml.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
/** Every paragraph's text, one a line. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    unmarked([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1])).join('')));
}
const attribute = (element: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(element)?.[1];

const built = new Map<Language, Buffer>();
async function letter(language: Language): Promise<Buffer> {
  let bytes = built.get(language);
  if (!bytes) {
    bytes = await buildNominationLetter(WTDC, language);
    built.set(language, bytes);
  }
  return bytes;
}

describe('documents.json', () => {
  const english = wording('en');

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has the same keys and placeholders as English, and no empty string', (language) => {
    const strings = wording(language);
    expect([...strings.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of strings) {
      expect(text.trim(), `${language}: ${key}`).not.toBe('');
      expect(placeholders(text), `${language}: ${key}`).toEqual(placeholders(english.get(key) ?? ''));
    }
  });

  it('has every key main/documents uses', () => {
    const dir = path.join(ROOT, 'main/documents');
    const used = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      for (const m of readFileSync(path.join(dir, file), 'utf8').matchAll(/'((?:letter|nomination|addressee)\.[\w.]+)'/g)) used.add(m[1]);
    }
    for (const role of ROLES) used.add(`nomination.roles.${role}`);
    for (const column of ['name', 'function', 'organisation']) used.add(`nomination.columns.${column}`);
    for (const who of ['sg', 'bdt', 'tsb', 'br']) for (const part of ['block', 'salutation']) used.add(`addressee.${who}.${part}`);
    expect(used.size).toBeGreaterThan(30);
    expect([...used].filter((key) => !english.has(key))).toEqual([]);
  });
});

describe('nomination letter: addressee and names', () => {
  const event = WTDC.event;
  it('goes to the Director of BDT for WTDC (WTDC or CMDT), else to the invitation’s sender or the Secretary-General', () => {
    expect(nominationAddressee({ event, invitation: { reference: 'x', sender: 'SG' } })).toBe('bdt');
    expect(nominationAddressee({ event: { ...event, acronym: 'CMDT-25' } })).toBe('bdt');
    const wrc = { ...event, name: 'World Radiocommunication Conference', acronym: 'WRC-27' };
    expect(nominationAddressee({ event: wrc, invitation: { reference: 'CA/250', sender: 'BR' } })).toBe('br');
    expect(nominationAddressee({ event: wrc, invitation: { reference: 'TSB 12', sender: 'TSB' } })).toBe('tsb');
    expect(nominationAddressee({ event: wrc, invitation: { reference: 'DM-1', sender: 'BDT' } })).toBe('bdt');
    expect(nominationAddressee({ event: wrc, invitation: { reference: 'CL-24/44', sender: 'other' } })).toBe('sg');
    expect(nominationAddressee({ event: wrc })).toBe('sg');
  });

  it('lists family name first, in capitals only for Latin script, never transliterated', () => {
    expect(MEMBERS.map(listName).sort()).toEqual([...LISTED].sort());
    expect(listName({ givenName: 'Иван', familyName: 'Петров' })).toBe('Петров Иван');
  });

  it('reads a logo’s size from its header (PNG IHDR, JPEG SOF)', () => {
    expect(imageSize({ bytes: LOGO, type: 'png' })).toEqual({ width: 2, height: 1 });
    const jpeg = new Uint8Array([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, // SOI, APP0 (2 bytes of data)
      0xff, 0xc0, 0x00, 0x0b, 0x08, 0x01, 0x2c, 0x02, 0x58, 0x01, 0x01, 0x11, 0x00, // SOF0: 300 high, 600 wide
      0xff, 0xd9,
    ]);
    expect(imageSize({ bytes: jpeg, type: 'jpg' })).toEqual({ width: 600, height: 300 });
    expect(() => imageSize({ bytes: new Uint8Array([1, 2, 3]), type: 'png' })).toThrow();
  });

  it('to a Bureau other than BDT, without the No. 339 sentence, citing a reference without a date', async () => {
    const data: NominationData = {
      ...WTDC,
      event: { ...WTDC.event, name: 'World Telecommunication Standardization Assembly', acronym: 'WTSA-24', city: 'New Delhi', country: 'IN' },
      invitation: { reference: 'TSB Circular 150', sender: 'TSB' },
      contact: { name: 'Karim Alaoui', email: 'k.alaoui@example.org' },
    };
    const xml = strFromU8(unzipSync(new Uint8Array(await buildNominationLetter(data, 'fr')))['word/document.xml']);
    const text = paragraphs(xml);
    const fr = wording('fr');
    for (const line of (fr.get('addressee.tsb.block') ?? '').split('\n')) expect(text).toContain(line);
    expect(text).toContain(fill(fr.get('nomination.openingReferenceOnly') ?? '', { reference: 'TSB Circular 150' }));
    expect(text).toContain(fr.get('nomination.listIntro'));
    expect(text).not.toContain(fr.get('nomination.convention339'));
    expect(text).toContain(fill(fr.get('nomination.contactWithoutPhone') ?? '', { name: 'Karim Alaoui', email: 'k.alaoui@example.org' }));
  });
});

describe.each(LANGUAGES)('nomination letter for WTDC-25 in %s', (language) => {
  const words = wording(language);
  const word = (key: string) => words.get(key) ?? `(missing ${key})`;

  it('is written in its language: BDT Director, the invitation, No. 339, members by role, contact, closing', async () => {
    const files = unzipSync(new Uint8Array(await letter(language)));
    const text = paragraphs(strFromU8(files['word/document.xml']));

    for (const line of word('addressee.bdt.block').split('\n')) expect(text).toContain(line);
    for (const line of word('addressee.bdt.salutation').split('\n')) expect(text).toContain(line);
    const invitationDate = longDate('2024-10-15', language);
    expect(text).toContain(fill(word('nomination.opening'), { reference: 'DM-24/1010', date: invitationDate }));
    expect(text.join('\n')).toContain(invitationDate);
    expect(text).toContain(word('nomination.convention339'));
    expect(text).toContain(fill(word('letter.dateLine'), { place: 'Rabat', date: longDate('2025-10-03', language) }));
    expect(text).toContain(fill(word('letter.reference'), { reference: 'MTN/DG/2025/117' }));
    expect(text).toContain(fill(word('nomination.contact'), { name: 'Karim Alaoui', email: 'k.alaoui@example.org', phone: '+212 5 37 00 00 00' }));
    for (const line of word('letter.closing').split('\n')) expect(text).toContain(line);
    expect(text).toContain('Amina BENNANI');
    expect(text).toContain('Director-General');

    // Each name as recorded, in a table cell of its own; groups in the order head … youth delegates.
    for (const name of LISTED) expect(text).toContain(name);
    const headings = ['head', 'deputyHead', 'delegate', 'youthDelegate'].map((role) => text.indexOf(word(`nomination.roles.${role}`)));
    expect(headings.every((at) => at >= 0)).toBe(true);
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
    expect(text).not.toContain(word('nomination.roles.observer'));
    expect(text.indexOf(word('nomination.roles.delegate'))).toBeLessThan(text.indexOf('العلي محمد'));
    expect(text.indexOf('王芳')).toBeLessThan(text.indexOf(word('nomination.roles.youthDelegate')));
    for (const column of ['name', 'function', 'organisation']) expect(text).toContain(word(`nomination.columns.${column}`));
  });

  it('is right to left in Arabic only, with explicit DXA table widths that fill the text width', async () => {
    const files = unzipSync(new Uint8Array(await letter(language)));
    const xml = strFromU8(files['word/document.xml']);
    const rtl = language === 'ar';
    expect(/<w:bidi\/>/.test(xml)).toBe(rtl);
    expect(/<w:rtl\/>/.test(xml)).toBe(rtl);
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables).toHaveLength(4);

    const pgSz = /<w:pgSz [^>]*>/.exec(xml)?.[0] ?? '';
    const pgMar = /<w:pgMar [^>]*>/.exec(xml)?.[0] ?? '';
    expect([attribute(pgSz, 'w:w'), attribute(pgSz, 'w:h')]).toEqual(['11906', '16838']); // A4 portrait
    const textWidth = Number(attribute(pgSz, 'w:w')) - Number(attribute(pgMar, 'w:left')) - Number(attribute(pgMar, 'w:right'));
    expect(textWidth).toBeGreaterThan(8000);

    for (const table of tables) {
      const tblW = /<w:tblW [^>]*>/.exec(table)?.[0] ?? '';
      expect(attribute(tblW, 'w:type')).toBe('dxa');
      expect(Number(attribute(tblW, 'w:w'))).toBe(textWidth);
      expect(table).toMatch(/<w:tblLayout w:type="fixed"\/>/);
      const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(grid).toHaveLength(3);
      expect(grid.reduce((sum, width) => sum + width, 0)).toBe(textWidth);
      expect(/<w:bidiVisual\/>/.test(table)).toBe(rtl);
    }

    const fonts = /<w:rFonts [^>]*>/.exec(xml)?.[0] ?? '';
    if (rtl) expect(attribute(fonts, 'w:cs')).toBe('Arial');
    else expect(attribute(fonts, 'w:ascii')).toBe('Times New Roman');
    expect(attribute(fonts, 'w:eastAsia')).toBe('SimSun');
  });

  it('has "page X of Y" in the footer and the logo embedded, 3 cm high', async () => {
    const files = unzipSync(new Uint8Array(await letter(language)));
    const footers = Object.keys(files).filter((name) => /^word\/footer\d+\.xml$/.test(name));
    expect(footers).toHaveLength(1);
    const footer = strFromU8(files[footers[0]]);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:jc w:val="center"\/>/);
    for (const part of word('letter.page').split(/\{\{\s*\w+\s*\}\}/).map((p) => p.trim()).filter(Boolean)) {
      expect(paragraphs(footer).join('')).toContain(part);
    }

    const media = Object.keys(files).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(Buffer.from(files[media[0]]).equals(Buffer.from(LOGO))).toBe(true);
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(strFromU8(files['word/document.xml']));
    const [cx, cy] = [Number(extent?.[1]), Number(extent?.[2])];
    expect(Math.abs(cy - 1_080_000)).toBeLessThan(10_000); // 3 cm in EMU
    expect(Math.abs(cx - 2 * cy)).toBeLessThan(20_000); // the image's own 2:1
  });
});

const hasSoffice = existsSync('/usr/bin/soffice');
const work = mkdtempSync(path.join(os.tmpdir(), 'delegation-desk-documents-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('LibreOffice reads the letters back', () => {
  const needs = hasSoffice ? '' : ' — SKIPPED: LibreOffice is not installed (/usr/bin/soffice absent)';
  it.skipIf(!hasSoffice)(`converts all six to PDF: names and subject in the text, 1 or 2 pages, no Type 3 fonts${needs}`, async () => {
    const files: string[] = [];
    for (const language of LANGUAGES) {
      const file = path.join(work, `${language}.docx`);
      writeFileSync(file, await letter(language));
      files.push(file);
    }
    const profile = path.join(work, `lo-profile-${process.pid}-${Math.random().toString(36).slice(2)}`);
    execFileSync('/usr/bin/soffice', [
      `-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, ...files,
    ], { timeout: 60_000, stdio: 'pipe' });

    for (const language of LANGUAGES) {
      const pdf = path.join(work, `${language}.pdf`);
      expect(existsSync(pdf), `${language}.pdf`).toBe(true);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
      expect([1, 2], `${language}: ${pages} pages`).toContain(pages);

      const raw = unmarked(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
      // Chinese and Arabic lines break anywhere, and PDF text comes back in lines: compare without spaces.
      // NFKC on both sides: Arabic glyphs may come back as presentation forms, Chinese punctuation as ASCII.
      const squeeze = language === 'ar' || language === 'zh';
      const flat = (value: string) => {
        const folded = value.normalize('NFKC');
        return squeeze ? folded.replace(/\s+/g, '') : folded.replace(/\s+/g, ' ').trim();
      };
      const text = flat(raw);
      for (const name of LISTED.flatMap((n) => (n === 'العلي محمد' ? ['العلي', 'محمد'] : [n]))) {
        expect(text, `${language}: ${name}`).toContain(flat(name));
      }
      const subject = fill(wording(language).get('nomination.subject') ?? '', {
        event: 'World Telecommunication Development Conference (WTDC-25)',
        venue: fill(wording(language).get('letter.venue') ?? '', {
          city: 'Baku', country: new Intl.DisplayNames([language], { type: 'region' }).of('AZ') ?? '',
        }),
        dates: '\u0000',
      });
      // Arabic reorders the Latin event name and the venue across the line break: their words are checked apart.
      const parts = language === 'ar'
        ? [subject.split('World')[0], 'World Telecommunication Development', 'أذربيجان']
        : [subject.split('\u0000')[0]];
      for (const part of parts) expect(text, `${language}: subject`).toContain(flat(part));

      if (language === 'ar' || language === 'zh') {
        const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
        expect(fonts, `${language}: ${fonts}`).not.toMatch(/Type 3/);
      }
    }
  }, 90_000);
});
