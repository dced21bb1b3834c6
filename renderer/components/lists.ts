// What the lists share: search that ignores case and accents in every script, and sorting kept in
// the address ("name", "-name" for descending).
import type { SortingState } from '@tanstack/react-table';
import { fold } from '../../main/domain/text';

const folded = new WeakMap<object, string>();

/** The record's searchable text, folded once per record (answers are new objects after a change). */
export function searchTextOf<T extends object>(record: T, parts: (record: T) => (string | undefined)[]): string {
  let text = folded.get(record);
  if (text === undefined) {
    text = fold(parts(record).filter(Boolean).join(' '));
    folded.set(record, text);
  }
  return text;
}

/** Records in which every word of the search appears. */
export function matching<T extends object>(records: readonly T[], search: string, parts: (record: T) => (string | undefined)[]): readonly T[] {
  const words = fold(search).split(' ').filter(Boolean);
  if (words.length === 0) return records;
  return records.filter((record) => {
    const text = searchTextOf(record, parts);
    return words.every((word) => text.includes(word));
  });
}

export function sortingOf(sort: string | undefined, fallback: string): SortingState {
  const value = sort ?? fallback;
  return [{ id: value.replace(/^-/, ''), desc: value.startsWith('-') }];
}

export function sortParam(sorting: SortingState): string | undefined {
  const first = sorting[0];
  return first ? `${first.desc ? '-' : ''}${first.id}` : undefined;
}
