// Letters being imported: each file read in main in turn (nothing is written yet), with its result, until
// the user has reviewed and confirmed or discarded it. Kept above the screens, so moving between the list
// and a review keeps the queue.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LetterReading } from '../../../main/api/contract';
import { toBase64 } from '../../../main/domain/base64';
import { ApiError, call } from '../../api';

/** Main refuses a bigger file; the renderer says so before sending it. */
export const MAX_LETTER_BYTES = 20 * 1024 * 1024;

export interface ImportItem {
  key: string;
  fileName: string;
  state: 'waiting' | 'reading' | 'ready' | 'failed' | 'saved';
  reading?: LetterReading;
  error?: ApiError;
  /** Once saved: where the letter went. */
  saved?: { invitationId: string; eventId: string | null };
}

interface ImportQueue {
  items: ImportItem[];
  /** Reads the files one after the other. */
  add(files: { name: string; read: () => Promise<Uint8Array>; size: number }[]): void;
  markSaved(draftId: string, saved: ImportItem['saved']): void;
  discard(draftId: string): void;
  clearFinished(): void;
}

const Context = createContext<ImportQueue | null>(null);

export function useImportQueue(): ImportQueue {
  const queue = useContext(Context);
  if (!queue) throw new Error('useImportQueue outside LetterImportProvider');
  return queue;
}

let nextKey = 0;

export function LetterImportProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ImportItem[]>([]);
  const running = useRef(Promise.resolve());
  const update = useCallback((key: string, change: Partial<ImportItem>) => {
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const add = useCallback<ImportQueue['add']>((files) => {
    const added = files.map((file) => ({ file, key: `import-${(nextKey += 1)}` }));
    setItems((list) => [...list, ...added.map(({ file, key }) => ({ key, fileName: file.name, state: 'waiting' as const }))]);
    for (const { file, key } of added) {
      running.current = running.current.then(async () => {
        update(key, { state: 'reading' });
        try {
          if (file.size > MAX_LETTER_BYTES) throw new ApiError('letters.tooLarge', { max: MAX_LETTER_BYTES / 2 ** 20, name: file.name });
          const reading = await call('letters:read', { fileName: file.name.slice(0, 255), content: toBase64(await file.read()) });
          update(key, { state: 'ready', reading });
        } catch (error) {
          update(key, { state: 'failed', error: error instanceof ApiError ? error : new ApiError('errors.unexpected') });
        }
      });
    }
  }, [update]);

  const markSaved = useCallback((draftId: string, saved: ImportItem['saved']) => {
    setItems((list) => list.map((item) => (item.reading?.draftId === draftId ? { ...item, state: 'saved', saved } : item)));
  }, []);
  const discard = useCallback((draftId: string) => {
    void call('letters:discard', { draftId }).catch(() => undefined);
    setItems((list) => list.filter((item) => item.reading?.draftId !== draftId));
  }, []);
  const clearFinished = useCallback(() => setItems((list) => list.filter((item) => item.state === 'ready' || item.state === 'reading' || item.state === 'waiting')), []);

  const value = useMemo(() => ({ items, add, markSaved, discard, clearFinished }), [items, add, markSaved, discard, clearFinished]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}
