// The letter's text beside the review form, each value the app read highlighted where it was found.
import { forwardRef, type ReactNode } from 'react';

export interface Highlight {
  id: string;
  start: number;
  end: number;
}

/** The text with <mark>s; overlapping spans keep the first (the values, not whole lines). */
export const LetterText = forwardRef<HTMLPreElement, { text: string; highlights: Highlight[]; label: string }>(function LetterText(
  { text, highlights, label },
  ref,
) {
  const sorted = highlights.filter((h) => h.end > h.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const h of sorted) {
    if (h.start < at) continue;
    if (h.start > at) parts.push(text.slice(at, h.start));
    parts.push(
      <mark key={h.id} id={h.id} tabIndex={-1}>
        {text.slice(h.start, h.end)}
      </mark>,
    );
    at = h.end;
  }
  parts.push(text.slice(at));
  return (
    <pre ref={ref} className="letter-text" dir="auto" tabIndex={0} aria-label={label}>
      {parts}
    </pre>
  );
});

/** Brings a highlighted value into view and draws the eye to it. */
export function showHighlight(id: string): void {
  const mark = document.getElementById(id);
  if (!mark) return;
  mark.scrollIntoView({ block: 'center' });
  mark.focus({ preventScroll: true });
  mark.classList.remove('flash');
  void mark.offsetWidth;
  mark.classList.add('flash');
}
