import { pathToFileURL } from 'node:url';

/** True for our own page (any route inside it), false for anything else. */
export function isAppPage(url: string, rendererIndex: string): boolean {
  try {
    const parsed = new URL(url);
    // A file URL with a host (file://server/share/…) is a network share on Windows, never our page.
    return parsed.protocol === 'file:' && parsed.host === '' && parsed.pathname === pathToFileURL(rendererIndex).pathname;
  } catch {
    return false;
  }
}
