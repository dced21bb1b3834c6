// People in and out of spreadsheets: a ministry's sheet (CSV or XLSX) read into checked rows, and a
// delegation written out as CSV or XLSX. Pure Node: no store, no channel, no UI.
//   readSheet(bytes, name) → SheetData; guessMapping(headers) → a field per column (the user confirms);
//   parseRows(sheet, mapping) → each row's values and issues; writeCsv / writeXlsx for the way out.
export { TARGET_FIELDS, type PeopleErrorCode, type PeopleIssueCode, type TargetField } from './fields';
export { guessMapping } from './mapping';
export { parseRows, type ParsedRow, type RowIssue } from './parse-rows';
export { MAX_ROWS, MAX_SHEET_BYTES, readSheet, type SheetData } from './read-sheet';
export { neutraliseFormula, writeCsv, writeXlsx, type CellInput } from './write';
