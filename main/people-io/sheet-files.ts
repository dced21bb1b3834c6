// The Node side of spreadsheets, as the channels get it (see SheetFiles in main/api/channel.ts).
import type { SheetFiles } from '../api/channel';
import { readSheet } from './read-sheet';
import { writeCsv, writeXlsx } from './write';

export const sheetFiles: SheetFiles = {
  read: (bytes, fileName) => readSheet(bytes, fileName),
  write: async (format, sheetName, headers, rows) => (format === 'csv' ? writeCsv(headers, rows) : writeXlsx(sheetName, headers, rows)),
};
