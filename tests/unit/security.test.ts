import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isWebAddress } from '../../main/api/channels/app';
import { APP_ORIGIN, APP_PAGE, bundleFile, isAppPage } from '../../main/app-page';
import { CONTENT_SECURITY_POLICY } from '../../main/security-policy';

const root = path.resolve(import.meta.dirname, '../..');

describe('content security policy', () => {
  it('is the same in the page the desktop app loads as in browser mode', () => {
    const html = readFileSync(path.join(root, 'renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });

  it('allows no inline script, no eval, no outside connection', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
  });
});

describe('what counts as the app page (navigation guard and IPC sender check)', () => {
  it('accepts the bundled page on its own origin, with any route', () => {
    expect(isAppPage(APP_PAGE)).toBe(true);
    expect(isAppPage(`${APP_PAGE}#/events/abc`)).toBe(true);
  });

  it('refuses other files of the bundle, file URLs, other origins and schemes', () => {
    expect(isAppPage(`${APP_ORIGIN}/assets/index.js`)).toBe(false);
    expect(isAppPage(`${APP_PAGE}?next=https://example.org`)).toBe(false);
    expect(isAppPage(pathToFileURL(path.join(root, 'dist/renderer/index.html')).href)).toBe(false);
    expect(isAppPage('app://other/index.html')).toBe(false);
    expect(isAppPage('https://example.org/index.html')).toBe(false);
    expect(isAppPage('not a url')).toBe(false);
  });
});

describe('the app:// protocol serves the bundle and nothing else', () => {
  const bundle = path.join(root, 'dist/renderer');

  it('maps the page and its assets into the bundle folder', () => {
    expect(bundleFile(APP_PAGE, bundle)).toBe(path.join(bundle, 'index.html'));
    expect(bundleFile(`${APP_ORIGIN}/assets/index-abc.js`, bundle)).toBe(path.join(bundle, 'assets/index-abc.js'));
  });

  it('refuses to climb out of the bundle, or to serve another host', () => {
    for (const url of [
      `${APP_ORIGIN}/../package.json`,
      `${APP_ORIGIN}/..%2f..%2fpackage.json`,
      `${APP_ORIGIN}/%2e%2e/%2e%2e/package.json`,
      `${APP_ORIGIN}/%E0%A4%A`,
      'app://elsewhere/index.html',
      'file:///etc/passwd',
    ]) {
      const file = bundleFile(url, bundle);
      expect(file === null || file.startsWith(bundle + path.sep), url).toBe(true);
      expect(file, url).not.toBe(path.join(root, 'package.json'));
    }
    expect(bundleFile('app://elsewhere/index.html', bundle)).toBeNull();
    expect(bundleFile(`${APP_ORIGIN}/..%2f..%2fpackage.json`, bundle)).toBeNull();
  });
});

describe('external links', () => {
  it('leave the app only as parsed http(s) addresses', () => {
    expect(isWebAddress('https://www.itu.int/wtdc25/')).toBe(true);
    expect(isWebAddress('http://itu.int')).toBe(true);
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'mailto:wtdc@itu.int', 'itu.int', 'https://', 'ms-msdt:/id']) {
      expect(isWebAddress(url), url).toBe(false);
    }
  });
});
