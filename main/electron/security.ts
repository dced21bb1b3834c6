import { app, session, shell, type WebContents } from 'electron';
import { isWebAddress } from '../api/channels/app';
import { isAppPage } from '../app-page';

/** A web link (http or https, parsed) goes to the system browser, as parsed; anything else nowhere. */
/** Opens a file the app keeps (an original letter) with the system's program; main chose the path. */
export async function openPath(file: string): Promise<boolean> {
  return (await shell.openPath(file)) === '';
}

export async function openExternal(url: string): Promise<boolean> {
  if (!isWebAddress(url)) return false;
  await shell.openExternal(new URL(url).href);
  return true;
}

function guardContents(contents: WebContents): void {
  const stayHome = (event: { url: string; preventDefault(): void }) => {
    if (!isAppPage(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-frame-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
}

/** App-wide guards, installed before any window exists. */
export function installSecurityGuards(): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // The app makes no network request of its own, ever: the page only loads files from the bundle.
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_details, callback) =>
    callback({ cancel: true }),
  );
}
