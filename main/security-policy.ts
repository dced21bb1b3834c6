/**
 * The one Content-Security-Policy: renderer/index.html's meta tag (the desktop app loads the page from a
 * file, which has no headers) must say exactly this (a unit test checks), and browser mode sends it as a header.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
