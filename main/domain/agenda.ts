// An event's agenda, typed or pasted from a letter ("- 1) Opening…", "2. Report of…", "Item 3: …"):
// the numbered items a contribution can be filed under. Sub-items ("a) …") and headings ("I Report…")
// stay in the text but are not items of their own; a list without numbers is numbered in order.
export interface AgendaItem {
  number: string;
  title: string;
}

const NUMBERED = /^\s*(?:[-•*–]\s*)?(?:(?:item|point|punto|пункт|البند)\s*)?(\d{1,3})\s*[.):]?\s+(\S.*)$/iu;
const SUB_ITEM = /^\s*(?:[-•*–]\s*)?(?:[a-z]|[ivx]{1,4})[.)]\s+/i;
const ROMAN_HEADING = /^\s*[IVX]{1,5}\s+\S/;

export function agendaItems(agenda: string): AgendaItem[] {
  const lines = agenda.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const numbered = lines.flatMap((line) => {
    const match = NUMBERED.exec(line);
    return match ? [{ number: String(Number(match[1])), title: match[2].trim() }] : [];
  });
  if (numbered.length > 0) return numbered;
  return lines
    .filter((line) => !SUB_ITEM.test(line) && !ROMAN_HEADING.test(line))
    .map((line, i) => ({ number: String(i + 1), title: line.replace(/^[-•*–]\s*/, '') }));
}
