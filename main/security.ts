import { app, session, shell, type WebContents } from 'electron';
import { pathToFileURL } from 'node:url';
import { isWebAddress } from './api/handlers/settings';

/** True for our own page (any route inside it), false for anything else. */
export function isAppPage(url: string, rendererIndex: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'file:' && parsed.pathname === pathToFileURL(rendererIndex).pathname;
  } catch {
    return false;
  }
}

export async function openExternal(url: string): Promise<boolean> {
  if (!isWebAddress(url)) return false;
  await shell.openExternal(url);
  return true;
}

function guardContents(contents: WebContents, rendererIndex: string): void {
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (!isAppPage(url, rendererIndex)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternal(url);
    return { action: 'deny' };
  });
}

/** App-wide guards, installed before any window exists. */
export function installSecurityGuards(rendererIndex: string): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents, rendererIndex));
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // The app makes no network request of its own, ever: the page only loads files from the bundle.
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_details, callback) =>
    callback({ cancel: true }),
  );
}
