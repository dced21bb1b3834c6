// What ties the store to the window and to quitting: change notices pushed to the page, and a quit
// that waits until every pending write is on disk and the folder unlocked.
import type { App, BrowserWindow, WebContents } from 'electron';
import type { PushMessage, PushPayloads } from '../api/push';
import type { ChangeNotice } from '../store/status';

interface ChangeSource {
  onChange(listener: (notice: ChangeNotice) => void): () => void;
}

/** A push message to a page, typed by the contract's list (preload lets the page subscribe to these only). */
export function push<M extends PushMessage>(contents: WebContents, message: M, payload: PushPayloads[M]): void {
  contents.send(message, payload);
}

/**
 * Sends each change notice to this window's page, and to no other contents, while the window is
 * alive; stops listening when the window closes. Returns what stops it sooner.
 */
export function forwardChanges(store: ChangeSource, window: BrowserWindow): () => void {
  const stop = store.onChange((notice) => {
    if (!window.isDestroyed()) push(window.webContents, 'data:changed', notice);
  });
  window.once('closed', stop);
  return stop;
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
