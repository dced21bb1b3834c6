// Outgoing references of the documents a ministry issues ("MINCOM/2025/017"): a pattern with {year} and
// {seq}, the sequence starting again at 1 each year and counted from the documents already issued.

/** The pattern with the year and the number filled in: {seq} as is, {seq:N} zero-padded to N digits. */
export function formatReference(pattern: string, year: number, seq: number): string {
  return pattern
    .replace(/\{year\}/g, String(year))
    .replace(/\{seq(?::(\d))?\}/g, (_, width: string | undefined) => String(seq).padStart(width ? Number(width) : 0, '0'));
}

/** The next number of a year, after those already issued that year (gaps are not filled: a number is never given twice). */
export function nextSequence(issued: readonly { year: number; seq: number }[], year: number): number {
  let last = 0;
  for (const doc of issued) if (doc.year === year && doc.seq > last) last = doc.seq;
  return last + 1;
}
