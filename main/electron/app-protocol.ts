import { net, protocol } from 'electron';
import { stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { APP_SCHEME, bundleFile } from '../app-page';
import { CONTENT_SECURITY_POLICY } from '../security-policy';

/** Must run before the app is ready: app:// behaves like https (standard, secure) for the page. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
}

const notFound = () => new Response(null, { status: 404, headers: { 'X-Content-Type-Options': 'nosniff' } });

/** Serves the built renderer's files on app://bundle, and nothing else, with the CSP as a header too. */
export function serveBundle(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = bundleFile(request.url, rendererDir);
    // Files only: a folder would come back from file:// as a listing.
    if (!file || !(await stat(file).catch(() => null))?.isFile()) return notFound();
    let response: Response;
    try {
      response = await net.fetch(pathToFileURL(file).href);
    } catch {
      return notFound();
    }
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
