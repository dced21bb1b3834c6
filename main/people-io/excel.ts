// exceljs, loaded on first use: a CSV never needs it, and it is a large CommonJS package.
type ExcelJs = typeof import('exceljs');

let excelJs: Promise<ExcelJs> | undefined;

/** In Node, a CommonJS package's API is the default export of its ES module face; bundled, it is both. */
export function loadExcelJs(): Promise<ExcelJs> {
  excelJs ??= import('exceljs').then((module) => (module as ExcelJs & { default?: ExcelJs }).default ?? module);
  return excelJs;
}
