import { searchTextOf } from './lists';

/**
 * Folds a list's records while the page is idle, in small slices, so that the first keystroke in
 * its search box finds the work done. Returns a function that stops.
 */
export function foldWhenIdle<T extends object>(records: readonly T[], parts: (record: T) => (string | undefined)[]): () => void {
  let next = 0;
  let handle = 0;
  const work = (deadline: IdleDeadline) => {
    while (next < records.length && deadline.timeRemaining() > 2) searchTextOf(records[next++], parts);
    if (next < records.length) handle = requestIdleCallback(work);
  };
  handle = requestIdleCallback(work);
  return () => cancelIdleCallback(handle);
}
