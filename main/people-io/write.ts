// A delegation written out for a spreadsheet: CSV (UTF-8 with BOM, so that Excel reads the accents and
// Arabic right; CRLF; RFC 4180 quotes) or XLSX (exceljs). No cell is ever a formula: every text cell
// goes through neutraliseFormula, which keeps a spreadsheet from running a name like '=HYPERLINK(…)'.
import { loadExcelJs } from './excel';

export type CellInput = string | number | boolean | null | undefined;

/** What makes a spreadsheet read a cell as a formula (or a DDE command): OWASP's list. */
const FORMULA_START = /^[=+\-@\t\r]/;
/**
 * A phone number or a number ('+41 22 730 5111', '-5', '+1 (202) 555-0100'): digits, spaces, brackets,
 * dots and hyphens after an optional sign. It calls no function and reaches nothing, so it is left as
 * written: phone numbers starting with '+' are in nearly every row, and "'+41…" would be what people see.
 */
const PLAIN_NUMBER = /^[+-]?(?=[^\d]*\d)[\d ().\u00a0-]+$/;

/**
 * A text a spreadsheet would run as a formula, prefixed with ' so that it is shown as text:
 * '=HYPERLINK("http://evil")' → "'=HYPERLINK(\"http://evil\")". A plain phone number or number is
 * left alone (see PLAIN_NUMBER). parseRows takes the ' off again, so an export reads back unchanged.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

// ---- CSV ----

export function writeCsv(headers: string[], rows: CellInput[][]): Uint8Array {
  const lines = [headers, ...rows].map((row) => row.map(csvField).join(','));
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

function csvField(value: CellInput): string {
  const text = cellString(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cellString(value: CellInput): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return neutraliseFormula(value);
}

// ---- XLSX ----

/** Characters XML 1.0 cannot hold (Excel refuses the whole file for one): shown as U+FFFD. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A workbook of one sheet: the header row bold and frozen, strings as text cells (formatted '@', so
 * that editing '+41 22 730 5111' or '007' later keeps it as written), numbers as numbers, yes/no as
 * booleans. Never a formula.
 */
export async function writeXlsx(sheetName: string, headers: string[], rows: CellInput[][]): Promise<Uint8Array> {
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  workbook.creator = 'Delegation Desk';
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths: number[] = [];
  [headers, ...rows].forEach((values, i) => {
    const row = sheet.getRow(i + 1);
    values.forEach((value, column) => {
      const cell = row.getCell(column + 1);
      const content = xlsxValue(value);
      if (content === null) return;
      cell.value = content;
      if (typeof content === 'string') cell.numFmt = '@';
      widths[column] = Math.max(widths[column] ?? 0, String(content).length);
    });
    if (i === 0) row.font = { bold: true };
  });
  widths.forEach((width, column) => (sheet.getColumn(column + 1).width = Math.min(Math.max(width, 8), 60) + 2));
  // A Node Buffer, though exceljs's typings call it an ArrayBuffer.
  const buffer: unknown = await workbook.xlsx.writeBuffer();
  return buffer instanceof Uint8Array
    ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
    : new Uint8Array(buffer as ArrayBuffer);
}

function xlsxValue(value: CellInput): string | number | boolean | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  return neutraliseFormula(value).replace(NOT_XML, '\ufffd');
}

/** Excel's rules for a sheet's name: 1–31 characters, none of : \ / ? * [ ], no ' at either end. */
function safeSheetName(name: string): string {
  const safe = name
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim()
    .slice(0, 31)
    .trim();
  return safe || 'Sheet1';
}
