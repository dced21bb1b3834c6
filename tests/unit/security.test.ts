import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isWebAddress } from '../../main/api/handlers/settings';
import { isAppPage } from '../../main/app-page';
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
  const index = path.join(root, 'dist/renderer/index.html');
  const page = pathToFileURL(index).href;

  it('accepts the bundled page, with any route', () => {
    expect(isAppPage(page, index)).toBe(true);
    expect(isAppPage(`${page}#/events/abc`, index)).toBe(true);
  });

  it('refuses other files, other schemes and file URLs on a network host', () => {
    expect(isAppPage(pathToFileURL(path.join(root, 'package.json')).href, index)).toBe(false);
    expect(isAppPage(page.replace('file:///', 'file://attacker.example/'), index)).toBe(false);
    expect(isAppPage('https://example.org/', index)).toBe(false);
    expect(isAppPage('not a url', index)).toBe(false);
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
