// What ties the store to the window and to quitting: change notices pushed to the page, and a quit
// that waits until every pending write is on disk and the folder unlocked.
import type { App, BrowserWindow } from 'electron';
import type { ChangeNotice } from '../store/status';

interface ChangeSource {
  onChange(listener: (notice: ChangeNotice) => void): () => void;
}

/** Sends each change notice to our window's page (only while it exists); returns what stops it. */
export function forwardChanges(store: ChangeSource, window: () => BrowserWindow | undefined): () => void {
  return store.onChange((notice) => {
    const target = window();
    if (target && !target.isDestroyed()) target.webContents.send('data:changed', notice);
  });
}

/**
 * Quit only once the store is closed: the first quit is held back while it closes, then the app
 * quits for real. A second quit meanwhile does not close it twice.
 */
export function flushOnQuit(app: Pick<App, 'on' | 'quit'>, store: () => { close(): Promise<void> } | undefined): void {
  let closing: Promise<void> | undefined;
  let closed = false;
  app.on('before-quit', (event) => {
    const current = store();
    if (closed || !current) return;
    event.preventDefault();
    closing ??= current.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}
