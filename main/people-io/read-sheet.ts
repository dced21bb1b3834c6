// A ministry's people sheet (CSV or XLSX) → its header and rows as text, each row with its line in the
// file, so that every problem can be shown where the user will find it. Runs in Node only (main process,
// CLI, tests). Every failure a user can cause is an AppError with a people.* code (PeopleErrorCode).
import Papa from 'papaparse';
import type { Cell, CellValue, Workbook } from 'exceljs';
import { AppError } from '../errors';
import { looksBinary, windows1252 } from '../letters/read-letter';
import { checkedZip } from '../letters/zip-guard';
import { loadExcelJs } from './excel';
import type { SheetData } from './fields';
import { guessMapping } from './mapping';

export type { SheetData } from './fields';

export const MAX_SHEET_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 20_000;

type Format = 'csv' | 'xlsx';
const EXTENSIONS: Record<string, Format> = { csv: 'csv', txt: 'csv', tsv: 'csv', xlsx: 'xlsx' };

export async function readSheet(bytes: Uint8Array, fileName: string, options: { maxRows?: number } = {}): Promise<SheetData> {
  // Before anything else, so that a huge file costs nothing but this comparison.
  if (bytes.length > MAX_SHEET_BYTES) throw new AppError('peopleImport.tooLarge', { max: MAX_SHEET_BYTES / 1024 / 1024 });
  if (bytes.length === 0) throw new AppError('peopleImport.empty');
  // What the bytes are, whatever the name says: a workbook renamed .csv is still a workbook.
  const isZip = startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]); // PK\x03\x04
  const format = isZip ? 'xlsx' : EXTENSIONS[extension(fileName)];
  if (!format) throw new AppError('peopleImport.unsupported');
  // Named .xlsx but not a ZIP: a damaged workbook.
  if (format === 'xlsx' && !isZip) throw new AppError('peopleImport.unreadable');

  const table = new Table(options.maxRows ?? MAX_ROWS);
  if (format === 'xlsx') {
    await readXlsx(bytes, table);
    return table.sheet();
  }
  const { encoding, separator } = readCsv(bytes, table);
  return { ...table.sheet(), encoding, separator };
}

function extension(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot + 1).toLowerCase();
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

// ---- Rows → header and data ----

/** Rows before the header that hold a single cell are a title ("Délégation du Sénégal"); this many at most. */
const MAX_TITLE_ROWS = 10;

/**
 * Receives a file's rows in order and keeps: the header (the first row with two cells or more, after
 * at most a few title rows of one cell; else the first non-empty row), and up to maxRows data rows.
 * Fully empty rows are skipped; rows past maxRows are only counted, for the message.
 */
class Table {
  private headers: string[] | null = null;
  private pending: { cells: string[]; line: number }[] = [];
  private readonly rows: string[][] = [];
  private readonly lines: number[] = [];
  private found = 0;

  constructor(private readonly maxRows: number) {}

  add(cells: string[], line: number): void {
    const filled = cells.reduce((n, cell) => (cell.trim() ? n + 1 : n), 0);
    if (filled === 0) return;
    if (this.headers) return this.addData(cells, line);
    if (filled >= 2) {
      this.headers = cells;
      this.pending = []; // title rows: not people
      return;
    }
    this.pending.push({ cells, line });
    if (this.pending.length >= MAX_TITLE_ROWS) this.settleHeader();
  }

  /** No row of two cells came soon enough: the first non-empty row is the header after all. */
  private settleHeader(): void {
    const [first, ...rest] = this.pending;
    this.pending = [];
    if (!first) return;
    this.headers = first.cells;
    for (const row of rest) this.addData(row.cells, row.line);
  }

  private addData(cells: string[], line: number): void {
    this.found++;
    if (this.found > this.maxRows) return;
    this.rows.push(cells);
    this.lines.push(line);
  }

  sheet(): SheetData {
    if (!this.headers) this.settleHeader();
    if (this.found > this.maxRows) throw new AppError('peopleImport.tooManyRows', { max: this.maxRows, found: this.found });
    const headers = (this.headers ?? []).map((header) => header.replace(/^\uFEFF/, '').trim());
    if (guessMapping(headers).every((field) => field === null) && headers.some(looksLikeAValue)) {
      throw new AppError('peopleImport.noHeader');
    }
    if (this.rows.length === 0) throw new AppError('peopleImport.empty');
    // Every row as wide as the widest (extra cells get a blank header: the UI asks what they are),
    // less the columns with nothing in them at all (a trailing separator, an empty column B).
    const width = Math.max(headers.length, ...this.rows.map((row) => row.length));
    const keep: number[] = [];
    for (let column = 0; column < width; column++) {
      if (headers[column] || this.rows.some((row) => row[column]?.trim())) keep.push(column);
    }
    return {
      headers: keep.map((column) => headers[column] ?? ''),
      rows: this.rows.map((row) => keep.map((column) => row[column] ?? '')),
      lineNumbers: this.lines,
    };
  }
}

/** A cell no header has: an e-mail address, a date, a number (the file starts with its people). */
function looksLikeAValue(cell: string): boolean {
  return /^\S+@\S+\.\S+$/.test(cell) || /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/.test(cell) || /^[+-]?\d[\d\s.,]*$/.test(cell);
}

// ---- CSV ----

type Encoding = NonNullable<SheetData['encoding']>;
type Separator = NonNullable<SheetData['separator']>;

function readCsv(bytes: Uint8Array, table: Table): { encoding: Encoding; separator: Separator } {
  // An old Excel workbook (.xls, OLE2) saved with a .csv name: not a text file.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) throw new AppError('peopleImport.unsupported');
  const { text: decoded, encoding } = decode(bytes);
  // Line breaks as \n only, so that a row's line is the number of \n before it (quoted ones included).
  const text = decoded.replace(/\r\n?/g, '\n');
  const separator = detectSeparator(text);

  let line = 1;
  let lineStart = 0;
  let rowStart = 0;
  let unclosedAt = 0;
  Papa.parse<string[]>(text, {
    delimiter: separator,
    newline: '\n',
    quoteChar: '"',
    step: (result, parser) => {
      // The lines before this row's first character.
      for (let next = text.indexOf('\n', lineStart); next !== -1 && next < rowStart; next = text.indexOf('\n', lineStart)) {
        line++;
        lineStart = next + 1;
      }
      if (result.errors.some((error) => error.code === 'MissingQuotes')) {
        // The rest of the file would be one cell of this row: nothing after it can be trusted.
        unclosedAt = line;
        parser.abort();
        return;
      }
      table.add(result.data, line);
      rowStart = result.meta.cursor + 1;
    },
  });
  if (unclosedAt) throw new AppError('peopleImport.unclosedQuote', { line: unclosedAt });
  return { encoding, separator };
}

function decode(bytes: Uint8Array): { text: string; encoding: Encoding } {
  // The decoders drop the BOM (ignoreBOM is false by default).
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  if (looksBinary(bytes)) throw new AppError('peopleImport.unsupported');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: what Excel for Windows writes as "CSV" in Western Europe and Latin America.
    return { text: windows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * UTF-16 saved without its BOM: one byte in two is NUL (Latin text), always on the same side, and the
 * characters with a NUL high byte are text (no control characters but tab and line breaks).
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const head = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (head.length < 4) return undefined;
  const isText = (byte: number) => byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
  for (const [low, high, encoding] of [[0, 1, 'utf-16le'], [1, 0, 'utf-16be']] as const) {
    let latin = 0;
    let other = true;
    for (let i = 0; i < head.length; i += 2) {
      if (head[i + low] === 0) other = false; // a NUL low byte: U+xx00, not text this way round
      if (head[i + high] === 0) {
        if (!isText(head[i + low])) other = false;
        latin++;
      }
    }
    if (other && latin > head.length / 2 * 0.4) return encoding;
  }
  return undefined;
}

const SEPARATORS: Separator[] = [';', ',', '\t'];
const SAMPLE_ROWS = 20;

/**
 * The separator that splits the first rows into the same number of columns, more than one (the most
 * columns if several do: a French file's ';' over the commas in its addresses). Else the one that gives
 * the most columns most often; a single column is read with ','.
 */
function detectSeparator(text: string): Separator {
  let sample = text.slice(0, 64 * 1024);
  const truncated = sample.length < text.length;
  if (truncated && sample.lastIndexOf('\n') > 0) sample = sample.slice(0, sample.lastIndexOf('\n'));
  let best: { separator: Separator; constant: boolean; columns: number; rows: number } | null = null;
  for (const separator of SEPARATORS) {
    const rows = Papa.parse<string[]>(sample, { delimiter: separator, newline: '\n', preview: SAMPLE_ROWS }).data;
    const counts = rows.filter((row) => row.some((cell) => cell.trim())).map((row) => row.length);
    if (counts.length === 0) continue;
    const columns = mode(counts);
    const rowsWithMode = counts.filter((count) => count === columns).length;
    const constant = rowsWithMode === counts.length;
    if (columns < 2) continue;
    const better =
      !best ||
      (constant && !best.constant) ||
      (constant === best.constant &&
        (constant ? columns > best.columns : rowsWithMode > best.rows || (rowsWithMode === best.rows && columns > best.columns)));
    if (better) best = { separator, constant, columns, rows: rowsWithMode };
  }
  return best?.separator ?? ',';
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = values[0];
  for (const [value, count] of counts) if (count > (counts.get(best) ?? 0) || (count === counts.get(best) && value > best)) best = value;
  return best;
}

// ---- XLSX ----

async function readXlsx(bytes: Uint8Array, table: Table): Promise<void> {
  // peopleImport.unreadable or peopleImport.zipBomb, decided before exceljs sees a byte.
  const checked = checkedZip(bytes, (problem) => new AppError(`peopleImport.${problem}`));
  const { Workbook: WorkbookClass } = await loadExcelJs();
  const workbook: Workbook = new WorkbookClass();
  try {
    // exceljs's typings call a Buffer an ArrayBuffer; in Node it wants (and gets) a Node Buffer.
    const buffer = Buffer.from(checked.buffer, checked.byteOffset, checked.byteLength);
    await workbook.xlsx.load(buffer as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  } catch {
    throw new AppError('peopleImport.unreadable');
  }
  // The first sheet the user sees: a hidden one first is usually a template's lists of choices.
  const sheet = workbook.worksheets.find((worksheet) => worksheet.state === 'visible') ?? workbook.worksheets[0];
  if (!sheet) throw new AppError('peopleImport.unreadable');
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value, cell);
    });
    table.add(Array.from(cells, (cell) => cell ?? ''), rowNumber);
  });
}

/**
 * A cell as text: a date as 'YYYY-MM-DD', a number as written (with the leading zeros a "000000"
 * format shows), rich text flattened, a formula as its cached result (never evaluated) or, with none,
 * its text ('=HYPERLINK(…)'), an error as Excel shows it ('#N/A').
 */
function cellText(value: CellValue | undefined, cell: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, cell.numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDay(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    if (value.result !== undefined && value.result !== null) return cellText(value.result, cell);
    const formula = 'formula' in value && value.formula ? value.formula : (cell.formula ?? '');
    return formula ? `=${formula}` : '';
  }
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text, cell);
  if ('error' in value) return String(value.error);
  return '';
}

function numberText(value: number, format: string | undefined): string {
  const text = String(value);
  if (format && /^0+$/.test(format) && Number.isInteger(value) && value >= 0) return text.padStart(format.length, '0');
  return text;
}

/** exceljs gives a date cell as the UTC midnight of its day (a time of day, if any, after it). */
function isoDay(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  return date.toISOString().slice(0, 10);
}
