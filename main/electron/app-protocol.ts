import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { APP_SCHEME, bundleFile } from '../app-page';
import { CONTENT_SECURITY_POLICY } from '../security-policy';

/** Must run before the app is ready: app:// behaves like https (standard, secure) for the page. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
}

/** Serves the built renderer on app://bundle, and nothing else, with the CSP as a header too. */
export function serveBundle(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = bundleFile(request.url, rendererDir);
    if (!file) return new Response(null, { status: 404 });
    const response = await net.fetch(pathToFileURL(file).href);
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
