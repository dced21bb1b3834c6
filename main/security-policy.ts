/**
 * The one Content-Security-Policy: renderer/index.html's meta tag must say exactly this (a unit test
 * checks), and the desktop app's app:// handler and browser mode also send it as a header.
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
