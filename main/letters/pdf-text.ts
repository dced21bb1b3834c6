// A PDF's text layer, by pdf.js, put back into lines that read like the letter.
// The worker module's types (pdf.js ships none); referenced so every tsconfig that reaches this file has them.
/// <reference path="./pdfjs.d.ts" />
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { AppError } from '../errors';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

/**
 * pdf.js is loaded on first use (it is a few MB). Its parser normally runs in a Web Worker; in Node
 * it runs on this thread (the "fake worker"). Handing it the worker module through
 * globalThis.pdfjsWorker spares it an import() of './pdf.worker.mjs' relative to its own file,
 * which fails once pdf.js is bundled.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    // pdf.js's canvas renderer makes one DOMMatrix as it loads. Node has none unless pdf.js finds
    // the optional native @napi-rs/canvas (and bundled, it cannot look for it): without one the
    // import throws. Text extraction never renders, so a stand-in is lent for the import alone.
    const scope = globalThis as { DOMMatrix?: unknown };
    const lent = scope.DOMMatrix === undefined;
    if (lent) scope.DOMMatrix = class DOMMatrixStandIn {};
    try {
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      if (lent) delete scope.DOMMatrix;
    }
  })().catch((error: unknown) => {
    pdfjs = undefined; // let a later call try again
    throw error;
  });
  return pdfjs;
}

export async function pdfText(bytes: Uint8Array, name: string): Promise<string> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    data: new Uint8Array(bytes), // a copy: pdf.js detaches the buffer it is given
    // Text needs none of these, and each would read fonts or run code: off.
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const pages: string[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      pages.push(pageText(content.items.filter((item): item is TextItem => 'str' in item)));
      page.cleanup();
    }
    const text = pages.join('\n\n').replace(/\n{3,}/g, '\n\n').trim();
    if (!text) throw new AppError('letters.pdfNoText', { pages: doc.numPages, name });
    return text;
  } catch (error) {
    if (error instanceof AppError) throw error;
    // pdf.js 5 does not export PasswordException; errors cross its worker boundary by name, so the name holds.
    if ((error as { name?: unknown } | null)?.name === 'PasswordException') throw new AppError('letters.pdfPassword', { name });
    throw new AppError('letters.unreadable', { name });
  } finally {
    // Destroys the document too (PDFDocumentProxy.destroy() is this), also when it failed to open.
    await task.destroy();
  }
}

interface Line {
  y: number;
  size: number;
  items: TextItem[];
}

/** Items → lines: a new line at hasEOL or when the baseline moves; a blank line at a paragraph's gap. */
function pageText(items: TextItem[]): string {
  const lines: Line[] = [];
  let line: Line | undefined;
  let broken = false;
  for (const item of items) {
    if (item.str !== '') {
      const y = item.transform[5] as number;
      const size = fontSize(item);
      if (!line || broken || Math.abs(y - line.y) > Math.max(size, line.size) / 2) {
        line = { y, size, items: [] };
        lines.push(line);
      }
      line.items.push(item);
      broken = false;
    }
    // pdf.js also marks a break with an empty item: the break holds until the next text.
    if (item.hasEOL) broken = true;
  }
  let text = '';
  lines.forEach((current, i) => {
    const previous = lines[i - 1];
    if (previous) text += previous.y - current.y > 1.7 * Math.max(current.size, previous.size) ? '\n\n' : '\n';
    text += lineText(current.items);
  });
  return text;
}

function fontSize(item: TextItem): number {
  return item.height || Math.hypot(item.transform[2] as number, item.transform[3] as number) || 1;
}

/** One line's items, with a space where there is a gap, in reading order (see logicalOrder). */
function lineText(items: TextItem[]): string {
  const rtl = items.some((item) => kind(item.str) === 'R');
  // pdf.js gives items in content-stream order. Right-to-left text is reordered from positions,
  // so it starts from left-to-right (visual) order whatever order the producer wrote it in.
  const visual = rtl ? [...items].sort((a, b) => (a.transform[4] as number) - (b.transform[4] as number)) : items;
  const pieces: string[] = [];
  visual.forEach((item, i) => {
    const previous = visual[i - 1];
    if (previous) {
      const gap = (item.transform[4] as number) - ((previous.transform[4] as number) + previous.width);
      // An Arabic vowel sign is its own item, drawn over its letter: no word break around it.
      const spaced = /\s$/.test(previous.str) || /^\s/.test(item.str) || /^\p{M}+$/u.test(item.str) || /^\p{M}+$/u.test(previous.str);
      // A wide gap is a table's column break: kept as a tab, so that a row reads "date<TAB>what is due".
      if (!spaced && gap > 1.5 * fontSize(item)) pieces.push('\t');
      else if (!spaced && gap > 0.15 * fontSize(item)) pieces.push(' ');
    }
    pieces.push(compatibilityForms(item.str));
  });
  return (rtl ? logicalOrder(pieces) : pieces).join('').replace(/[^\S\t]+/g, ' ').replace(/ ?\t[\t ]*/g, '\t').trim();
}

/**
 * Fonts often map glyphs to look-alike compatibility characters: Chinese 月 comes out as the Kangxi
 * radical ⽉, Arabic letters as their presentation forms (ﻧ for ن), ligatures as ﬁ. NFKC on those
 * blocks alone gives back the characters a reader searches for, and leaves the rest as it was.
 */
function compatibilityForms(text: string): string {
  return text.replace(/[\u2e80-\u2fdf\uf900-\ufaff\ufb00-\ufdff\ufe70-\ufefe]+/g, (run) => run.normalize('NFKC'));
}

type Kind = 'R' | 'L' | 'E' | 'N';
const RTL_LETTER = /(?=\p{L})[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** A piece's bidi class, roughly as in Unicode's bidi algorithm: right-to-left, left-to-right, number, neutral. */
function kind(text: string): Kind {
  if (RTL_LETTER.test(text)) return 'R';
  if (/\p{L}/u.test(text)) return 'L';
  return /\p{N}/u.test(text) ? 'E' : 'N';
}

/**
 * Pieces of one line, in visual (left-to-right) order → logical (reading) order, by a small version
 * of the Unicode bidi algorithm (UAX #9): the line is right-to-left when most of its letters are;
 * numbers and neutrals take their direction from their neighbours; then each run is reversed from
 * the highest level down (rule L2). Each piece's own characters are already in logical order, or
 * one glyph long: pdf.js reorders the characters inside an item.
 */
function logicalOrder(pieces: string[]): string[] {
  const kinds = pieces.map(kind);
  const letters = (pattern: RegExp) => pieces.join('').match(pattern)?.length ?? 0;
  const rtl = letters(new RegExp(RTL_LETTER, 'gu')) > letters(/\p{L}/gu) / 2;
  const base: Kind = rtl ? 'R' : 'L';
  /** The nearest strong kind (L or R) from i going by step, or the base direction at the line's end. */
  const strong = (i: number, step: number, numbersAreR: boolean): Kind | undefined => {
    for (let at = i + step; at >= 0 && at < kinds.length; at += step) {
      if (kinds[at] === 'L' || kinds[at] === 'R') return kinds[at];
      if (numbersAreR && kinds[at] === 'E') return 'R';
    }
    return undefined;
  };
  const resolved = kinds.map((k, i): Kind => {
    // A number right after left-to-right text belongs to it ("WRC 23"); otherwise it stays a number.
    if (k === 'E') return (strong(i, -1, false) ?? base) === 'L' ? 'L' : 'E';
    if (k !== 'N') return k;
    // A neutral between two of the same direction takes it (numbers count as R here); else the base's.
    const before = strong(i, -1, true) ?? base;
    return before === (strong(i, 1, true) ?? base) ? before : base;
  });
  const levels = resolved.map((k) => (k === 'E' ? 2 : k === 'R' ? 1 : rtl ? 2 : 0));
  // Rule L4: a bracket in right-to-left text is drawn mirrored, so "(" on the page reads ")".
  const shown = pieces.map((piece, i) => (kinds[i] === 'N' && levels[i] % 2 === 1 ? piece.replace(/[()[\]{}<>«»]/g, (c) => MIRRORED[c]) : piece));
  const order = pieces.map((_, i) => i);
  for (let level = Math.max(...levels); level >= 1; level--) {
    for (let start = 0; start < order.length; start++) {
      if (levels[order[start]] < level) continue;
      let end = start;
      while (end + 1 < order.length && levels[order[end + 1]] >= level) end++;
      order.splice(start, end - start + 1, ...order.slice(start, end + 1).reverse());
      start = end;
    }
  }
  return order.map((i) => shown[i]);
}

const MIRRORED: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«' };
