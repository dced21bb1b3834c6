// The official letter every document is: the delegation's letterhead, the reference and the date
// line, the addressee, the subject, the body (paragraphs, headings, tables), the closing and the
// signature, and "Page X of Y" in the footer. Fed by plain data, in any of the six languages (the
// document's own, not the interface's), Arabic right to left throughout; returns the .docx.
// Its fixed words (Ref.:, the date line, Page X of Y) live in locales/<lng>/documents.json, letter.*.
import {
  AlignmentType, BorderStyle, Document, Footer, ImageRun, Packer, PageNumber, PageOrientation, Paragraph, ShadingType,
  Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType,
  type IFontAttributesProperties, type IParagraphOptions, type IRunOptions, type ParagraphChild,
} from 'docx';
import { isIsoDate } from '../domain/dates';
import type { Language } from '../domain/enums';
import { AppError } from '../errors';
import { createTranslator } from '../i18n';

/** A4 portrait, in twentieths of a point (DXA), the unit of every width below. */
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1417, right: 1417, header: 567, footer: 567 };
/** The width tables span: the page less its side margins (16 cm). */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** The logo is fitted into a box this high (3 cm) and at most as wide as the text. */
const LOGO_HEIGHT_PX = Math.round((3 / 2.54) * 96);
const TEXT_WIDTH_PX = Math.floor((TEXT_WIDTH / 1440) * 96);

const LTR_EMBEDDING = '\u202A';
const POP_DIRECTIONAL = '\u202C';
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;

interface Typography {
  /** Fonts per script. The names are those Windows and macOS have; LibreOffice on Linux substitutes
   *  metric-compatible ones (Times New Roman → Liberation Serif, Arial → Liberation Sans) and finds the
   *  Arabic and CJK glyphs in the system's fallback fonts (Noto / DejaVu; SimSun → Noto CJK SC). */
  fonts: IFontAttributesProperties;
  /** Half-points. */
  size: number;
  language: { value: string; eastAsia: string; bidirectional: string };
  rtl: boolean;
  /** Chinese and Russian letters justify their body text; the others are ragged, so that an e-mail
   *  address does not stretch a line's spaces. */
  justify: boolean;
  /** The first line of body paragraphs is indented: two characters in Chinese letters, 1.25 cm in
   *  Russian ones (GOST R 7.0.97). */
  firstLine: number;
  /** A Chinese letter's subject is its title, centred above the salutation. */
  subjectCentred: boolean;
  /** Whether the signature block sits at the end side of the page (right in LTR, left in Arabic). */
  signatureAtEnd: boolean;
}

const LATIN_FONTS: IFontAttributesProperties = {
  ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: 'SimSun',
};
/** Word's way: Latin text keeps a Latin language (else LibreOffice breaks Latin words anywhere in a
 *  Chinese letter), Chinese and Arabic text take theirs. */
const base = (value: string) => ({ value, eastAsia: 'zh-CN', bidirectional: 'ar-SA' });

const TYPOGRAPHY: Record<Language, Typography> = {
  ar: {
    fonts: { ascii: 'Arial', hAnsi: 'Arial', cs: 'Arial', eastAsia: 'SimSun' },
    size: 24, language: base('en-GB'), rtl: true, justify: false, firstLine: 0, subjectCentred: false, signatureAtEnd: true,
  },
  en: { fonts: LATIN_FONTS, size: 24, language: base('en-GB'), rtl: false, justify: false, firstLine: 0, subjectCentred: false, signatureAtEnd: false },
  es: { fonts: LATIN_FONTS, size: 24, language: base('es-ES'), rtl: false, justify: false, firstLine: 0, subjectCentred: false, signatureAtEnd: true },
  fr: { fonts: LATIN_FONTS, size: 24, language: base('fr-FR'), rtl: false, justify: false, firstLine: 0, subjectCentred: false, signatureAtEnd: true },
  ru: { fonts: LATIN_FONTS, size: 24, language: base('ru-RU'), rtl: false, justify: true, firstLine: 709, subjectCentred: false, signatureAtEnd: false },
  zh: {
    fonts: LATIN_FONTS,
    size: 24, language: base('en-GB'), rtl: false, justify: true, firstLine: 480, subjectCentred: true, signatureAtEnd: true,
  },
};

/** British usage for English dates ("15 October 2024"), as ITU writes them. */
const DATE_LOCALES: Record<Language, string> = { ar: 'ar', en: 'en-GB', es: 'es', fr: 'fr', ru: 'ru', zh: 'zh' };

import type { Logo } from '../domain/document-data';

export type { Logo };

export interface Letterhead {
  administration: string;
  /** One line per line of the address. */
  address: string;
  logo?: Logo;
}

export type LetterBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  /** Widths are shares of the text width (3, 2, 2), turned into DXA that add up to it. */
  | { kind: 'table'; headings: string[]; widths: number[]; rows: string[][] };

export interface Letter {
  language: Language;
  letterhead: Letterhead;
  outgoingReference?: string;
  /** Where the letter is signed, written before the date ("Rabat, 3 October 2025"). */
  place?: string;
  /** 'YYYY-MM-DD'. */
  date: string;
  addressee: string;
  subject: string;
  salutation: string;
  body: LetterBlock[];
  closing: string;
  signatory: { name: string; title: string };
}

/** The document's words (documents.json), its values kept left to right inside Arabic sentences. */
export type DocumentWords = (key: string, values?: Record<string, string>) => string;

export function documentWords(language: Language): DocumentWords {
  const t = createTranslator(language);
  return (key, values = {}) => {
    const kept = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, directed(value, language)]));
    return t(key, { ...kept, ns: 'documents' });
  };
}

/**
 * Text without right-to-left letters (a reference "DM-24/1010", an e-mail, a phone number, a Latin
 * name), embedded left to right in an Arabic document: else the bidi algorithm reorders its digits and
 * punctuation ("1010/24-DM"). Recorded text is otherwise left as it is, never transliterated.
 */
export function directed(text: string, language: Language): string {
  if (!TYPOGRAPHY[language].rtl || RTL_LETTER.test(text) || !/[\p{L}\p{N}]/u.test(text) || text.startsWith(LTR_EMBEDDING)) return text;
  return `${LTR_EMBEDDING}${text}${POP_DIRECTIONAL}`;
}

function utc(isoDate: string): number {
  if (!isIsoDate(isoDate)) throw new AppError('errors.dateInvalid');
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

const dateFormat = (language: Language) => new Intl.DateTimeFormat(DATE_LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' });

/** A calendar date in the document's language, at UTC midnight so that it never moves with the time zone. */
export function longDate(isoDate: string, language: Language): string {
  return dateFormat(language).format(utc(isoDate));
}

/** "17–28 November 2025". Chinese is built by hand: some ICU versions write its ranges as "2025/11/17 – 2025/11/28". */
export function dateRange(start: string, end: string, language: Language): string {
  if (!end || end === start) return longDate(start, language);
  if (language !== 'zh') return dateFormat(language).formatRange(utc(start), utc(end));
  const [sy, sm] = start.split('-').map(Number);
  const [ey, em, ed] = end.split('-').map(Number);
  const tail = sy !== ey ? longDate(end, language) : sm !== em ? `${em}月${ed}日` : `${ed}日`;
  return `${longDate(start, language)}至${tail}`;
}

/** A country's name in the document's language, from its ISO code. */
export function countryName(code: string | undefined, language: Language): string {
  if (!code) return '';
  return new Intl.DisplayNames([DATE_LOCALES[language]], { type: 'region', fallback: 'code' }).of(code) ?? code;
}

/** The image's size in pixels, from its own header: PNG IHDR, or a JPEG start-of-frame marker. */
export function imageSize(logo: Logo): { width: number; height: number } {
  const b = logo.bytes;
  const u16 = (i: number) => (b[i] << 8) | b[i + 1];
  const u32 = (i: number) => ((b[i] << 24) >>> 0) + (b[i + 1] << 16) + (b[i + 2] << 8) + b[i + 3];
  if (logo.type === 'png') {
    const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    const ihdr = String.fromCharCode(...b.subarray(12, 16));
    if (b.length >= 24 && signature.every((byte, i) => b[i] === byte) && ihdr === 'IHDR') {
      const size = { width: u32(16), height: u32(20) };
      if (size.width > 0 && size.height > 0) return size;
    }
  } else if (b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) break;
      const marker = b[i + 1];
      if (marker === 0xff) { i += 1; continue; }
      // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC): precision, height, width.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        const size = { width: u16(i + 7), height: u16(i + 5) };
        if (size.width > 0 && size.height > 0) return size;
        break;
      }
      if (marker === 0xd9 || marker === 0xda) break;
      i += marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7) ? 2 : 2 + u16(i + 2);
    }
  }
  throw new AppError('errors.invalid', { field: 'logo' });
}

/** Pixels at 96 to the inch, as docx's ImageRun takes them: 3 cm high, narrower when the logo is very wide. */
function logoBox(logo: Logo): { width: number; height: number } {
  const { width, height } = imageSize(logo);
  const scale = Math.min(LOGO_HEIGHT_PX / height, TEXT_WIDTH_PX / width);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Shares (3, 2, 2) → DXA that add up to the text width exactly. */
function columnWidths(shares: number[]): number[] {
  const total = shares.reduce((sum, share) => sum + share, 0);
  const widths = shares.map((share) => Math.floor((TEXT_WIDTH * share) / total));
  widths[0] += TEXT_WIDTH - widths.reduce((sum, width) => sum + width, 0);
  return widths;
}

const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

export async function buildLetter(letter: Letter): Promise<Buffer> {
  const { language } = letter;
  const style = TYPOGRAPHY[language];
  const say = documentWords(language);

  const run = (text: string, options: Omit<IRunOptions, 'text'> = {}) => new TextRun({
    text: directed(text, language), font: style.fonts, size: style.size, language: style.language,
    ...(style.rtl ? { rightToLeft: true } : {}), ...options,
  });
  const paragraph = (children: ParagraphChild[], options: Omit<IParagraphOptions, 'children'> = {}) => new Paragraph({
    alignment: AlignmentType.START, ...(style.rtl ? { bidirectional: true } : {}), ...options, children,
  });
  const text = (value: string, options: Omit<IParagraphOptions, 'children'> = {}, runOptions: Omit<IRunOptions, 'text'> = {}) =>
    paragraph([run(value, runOptions)], options);

  const children: (Paragraph | Table)[] = [];

  // Letterhead: logo, administration, address, ruled off.
  const { administration, address, logo } = letter.letterhead;
  const head: Paragraph[] = [];
  if (logo) {
    head.push(paragraph([new ImageRun({
      type: logo.type, data: logo.bytes, transformation: logoBox(logo),
      altText: { name: 'logo', title: lines(administration).join(', '), description: lines(administration).join(', ') },
    })], { alignment: AlignmentType.CENTER, spacing: { after: 120 } }));
  }
  const headLines = [
    ...lines(administration).map((line) => ({ line, options: { bold: true, size: style.size + 4 } })),
    ...lines(address).map((line) => ({ line, options: { size: style.size - 4 } })),
  ];
  headLines.forEach(({ line, options }, i) => {
    const last = i === headLines.length - 1;
    head.push(text(line, {
      alignment: AlignmentType.CENTER,
      ...(last ? { border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '808080', space: 6 } } } : {}),
    }, options));
  });
  children.push(...head);

  // Reference (start) and the place and date (end).
  const date = longDate(letter.date, language);
  const reference = letter.outgoingReference?.trim();
  if (reference) children.push(text(say('letter.reference', { reference }), { spacing: { before: 360 } }));
  children.push(text(letter.place?.trim() ? say('letter.dateLine', { place: letter.place.trim(), date }) : date, {
    alignment: AlignmentType.END, spacing: { before: reference ? 0 : 360 },
  }));

  // Addressee, subject, salutation.
  const addressee = lines(letter.addressee);
  addressee.forEach((line, i) => children.push(text(line, {
    spacing: { before: i === 0 ? 360 : 0, after: i === addressee.length - 1 ? 360 : 0 },
  })));
  children.push(text(style.subjectCentred ? letter.subject : say('letter.subject', { subject: letter.subject }), {
    alignment: style.subjectCentred ? AlignmentType.CENTER : AlignmentType.START,
    spacing: { after: 240 }, keepNext: true,
  }, { bold: true, ...(style.subjectCentred ? { size: style.size + 4 } : {}) }));
  for (const line of lines(letter.salutation)) children.push(text(line, { spacing: { after: 120 }, keepNext: true }));

  // Body: after a table, a paragraph keeps its distance from the table's last row.
  letter.body.forEach((block, i) => {
    const afterTable = letter.body[i - 1]?.kind === 'table';
    if (block.kind === 'paragraph') {
      children.push(text(block.text, {
        alignment: style.justify ? AlignmentType.BOTH : AlignmentType.START,
        spacing: { before: afterTable ? 240 : 0, after: 160 },
        ...(style.firstLine ? { indent: { firstLine: style.firstLine } } : {}),
      }));
    } else if (block.kind === 'heading') {
      children.push(text(block.text, { spacing: { before: afterTable ? 200 : 120, after: 80 }, keepNext: true }, { bold: true }));
    } else {
      children.push(table(block));
    }
  });

  // Closing: its first line is indented like the body (Chinese 此致, then 敬礼 at the margin).
  const closing = lines(letter.closing);
  closing.forEach((line, i) => children.push(text(line, {
    spacing: { before: i === 0 ? 240 : 0 }, keepNext: true, keepLines: true,
    ...(i === 0 && style.firstLine ? { indent: { firstLine: style.firstLine } } : {}),
  })));

  // Room to sign, then the signatory's name and title.
  const signature = { keepNext: true, keepLines: true, ...(style.signatureAtEnd ? { indent: { start: TEXT_WIDTH / 2 } } : {}) };
  children.push(text(letter.signatory.name, { ...signature, spacing: { before: 1080 } }, { bold: true }));
  const title = lines(letter.signatory.title);
  title.forEach((line, i) => children.push(text(line, { ...signature, keepNext: i < title.length - 1 })));

  const footer = new Footer({ children: [paragraph(pageNumbers(), { alignment: AlignmentType.CENTER })] });

  const document = new Document({
    creator: lines(administration).join(', '),
    title: letter.subject,
    styles: {
      default: {
        document: {
          run: { font: style.fonts, size: style.size, language: style.language, ...(style.rtl ? { rightToLeft: true } : {}) },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [{
      properties: {
        page: {
          size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
          margin: MARGIN,
        },
      },
      footers: { default: footer },
      children,
    }],
  });
  return Packer.toBuffer(document);

  function table(block: Extract<LetterBlock, { kind: 'table' }>): Table {
    const widths = columnWidths(block.widths);
    const cell = (value: string, width: number, header: boolean) => new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 100, right: 100 },
      ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8E8E8' } } : {}),
      children: [text(value, {}, { ...(header ? { bold: true } : {}), size: style.size - 2 })],
    });
    const row = (values: string[], header: boolean) => new TableRow({
      tableHeader: header, cantSplit: true,
      children: widths.map((width, i) => cell(values[i] ?? '', width, header)),
    });
    return new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      ...(style.rtl ? { visuallyRightToLeft: true } : {}),
      // A table of labels and values (an expert's entity, e-mail, biography) has no heading row.
      rows: [...(block.headings.length > 0 ? [row(block.headings, true)] : []), ...block.rows.map((values) => row(values, false))],
    });
  }

  /** "Page {{page}} of {{pages}}" with Word's PAGE and NUMPAGES fields where the placeholders are. */
  function pageNumbers(): TextRun[] {
    const marks = { page: '\uE000', pages: '\uE001' };
    return say('letter.page', marks).split(/(\uE000|\uE001)/).filter(Boolean).map((part) => {
      const field = part === marks.page ? PageNumber.CURRENT : part === marks.pages ? PageNumber.TOTAL_PAGES : undefined;
      const size = style.size - 6;
      if (!field) return run(part, { size });
      return new TextRun({ children: [field], font: style.fonts, size, language: style.language, ...(style.rtl ? { rightToLeft: true } : {}) });
    });
  }
}
