import path from 'node:path';

// The renderer is served from its own origin, app://bundle, not from file:// (a file page may read
// other local files; a page of its own origin reaches nothing but the bundle).
export const APP_SCHEME = 'app';
const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_PAGE = `${APP_ORIGIN}/index.html`;

// Scheme and host, not URL.origin: outside Chromium (main's Node) a custom scheme has no origin.
function isBundleUrl(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.port === '';
}

/** True for our own page (any route inside it), false for anything else. */
export function isAppPage(url: string): boolean {
  try {
    const parsed = new URL(url);
    return isBundleUrl(parsed) && parsed.pathname === '/index.html' && parsed.search === '';
  } catch {
    return false;
  }
}

/** The bundled file an app:// request asks for, or null for anything outside the bundle. */
export function bundleFile(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!isBundleUrl(parsed)) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${relative}`);
  return file.startsWith(root + path.sep) ? file : null;
}
