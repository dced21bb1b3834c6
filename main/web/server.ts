// Browser mode: the same handler table over HTTP, on 127.0.0.1 only, behind a per-run token.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { dispatch } from '../api/dispatch';
import type { Context } from '../api/channel';
import type { ChangeNotice } from '../store/status';
import { CONTENT_SECURITY_POLICY } from '../security-policy';

export const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** How long close() lets requests in flight finish before it cuts their connections. */
export const SHUTDOWN_GRACE_MS = 10_000;
/** A comment line on the change stream this often keeps proxies and the browser from timing it out. */
const KEEP_ALIVE_MS = 25_000;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};

export interface WebServer {
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

export interface WebServerOptions {
  context: Context;
  rendererDir: string;
  port?: number;
  /** What answers /api/<channel>; by default the app's handler table with `context`. */
  dispatch?: (channel: unknown, input: unknown) => Promise<unknown>;
  /** How long close() waits for requests in flight (default SHUTDOWN_GRACE_MS). */
  graceMs?: number;
  /** Where the change stream (GET /api/push) hears of changes; by default the context's store. */
  onChange?: (listener: (notice: ChangeNotice) => void) => () => void;
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function sendError(res: http.ServerResponse, status: number, code: string): void {
  sendJson(res, status, { ok: false, error: { code, message: code } });
}

/** decodeURIComponent, or null for a malformed escape ('%', '%zz', a cut UTF-8 sequence). */
function decodePath(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

async function readBody(req: http.IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * GET /api/push: server-sent events, one `data:changed` message per change notice. Not counted as a
 * request in flight: close() ends it at once (the page reconnects to the next server, if any).
 */
function streamChanges(
  res: http.ServerResponse,
  onChange: NonNullable<WebServerOptions['onChange']>,
  streams: Set<http.ServerResponse>,
): void {
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  const stop = onChange((notice) => res.write(`event: data:changed\ndata: ${JSON.stringify(notice)}\n\n`));
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  keepAlive.unref();
  streams.add(res);
  res.once('close', () => {
    stop();
    clearInterval(keepAlive);
    streams.delete(res);
  });
}

async function serveStatic(res: http.ServerResponse, rendererDir: string, pathname: string): Promise<void> {
  const decoded = pathname === '/' ? '/index.html' : decodePath(pathname);
  if (decoded === null) return sendError(res, 400, 'errors.invalid');
  const relative = decoded.replace(/^\/+/, '');
  const file = path.resolve(rendererDir, relative);
  if (!file.startsWith(path.resolve(rendererDir) + path.sep)) return sendError(res, 404, 'errors.notFound');
  try {
    const body = await fs.readFile(file);
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    sendError(res, 404, 'errors.notFound');
  }
}

export async function startWebServer({
  context,
  rendererDir,
  port = 0,
  dispatch: dispatchChannel = (channel, input) => dispatch(channel, input, context),
  graceMs = SHUTDOWN_GRACE_MS,
  onChange = (listener) => context.store.onChange(listener),
}: WebServerOptions): Promise<WebServer> {
  const token = randomBytes(24).toString('base64url');
  let origin = '';
  // Requests being handled; on close() they finish and get their answer, on a connection that then closes.
  const inFlight = new Set<http.ServerResponse>();
  const streams = new Set<http.ServerResponse>();
  let closing: Promise<void> | null = null;
  // Once close() began and every request in flight has its answer, no connection carries anything we
  // owe: the rest (a browser's idle or pre-opened sockets) are closed rather than waited for.
  let answeredAll: () => void = () => undefined;

  const server = http.createServer(async (req, res) => {
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      if (closing && inFlight.size === 0) answeredAll();
    });
    // Answered after close() began but with headers already sent as keep-alive: end the connection anyway.
    res.once('finish', () => {
      if (closing && !res.socket?.destroyed) res.socket?.end();
    });
    try {
      // A page on another site may point a request at 127.0.0.1 (DNS rebinding, cross-site POST):
      // only our own Host and Origin are served.
      const host = req.headers.host ?? '';
      if (`http://${host}` !== origin) return sendError(res, 421, 'errors.forbidden');
      if (req.headers.origin !== undefined && req.headers.origin !== origin) return sendError(res, 403, 'errors.forbidden');
      if (closing) {
        // A request read after close() began, on a connection opened before: refuse it, and end the connection.
        res.setHeader('Connection', 'close');
        return sendError(res, 503, 'errors.shuttingDown');
      }
      const { pathname } = new URL(req.url ?? '/', origin);
      const isApi = pathname.startsWith('/api/');

      if (!isApi && (req.method === 'GET' || req.method === 'HEAD')) return await serveStatic(res, rendererDir, pathname);
      if (!isApi) return sendError(res, 405, 'errors.forbidden');

      const auth = req.headers.authorization ?? '';
      if (!auth.startsWith('Bearer ') || !sameToken(auth.slice(7), token)) {
        return sendError(res, 401, 'errors.forbidden');
      }
      if (pathname === '/api/push' && req.method === 'GET') {
        inFlight.delete(res);
        return streamChanges(res, onChange, streams);
      }
      if (req.method !== 'POST') return sendError(res, 405, 'errors.forbidden');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendError(res, 415, 'errors.invalid');
      }
      const channel = decodePath(pathname.slice('/api/'.length));
      if (channel === null) return sendError(res, 400, 'errors.invalid');
      const body = await readBody(req);
      if (body === null) return sendError(res, 413, 'errors.requestTooLarge');
      let input: unknown;
      try {
        input = body === '' ? undefined : JSON.parse(body);
      } catch {
        return sendError(res, 400, 'errors.invalid');
      }
      sendJson(res, 200, await dispatchChannel(channel, input));
    } catch (error) {
      console.error(error);
      if (!res.headersSent) sendError(res, 500, 'errors.unexpected');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    token,
    url: `${origin}/#token=${token}`,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        // Stop accepting connections; resolves once every connection has ended.
        const grace = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearTimeout(grace);
          resolve();
        });
        // Answers still to come end their connection rather than keep it alive.
        for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
        server.closeIdleConnections();
        for (const stream of streams) stream.end();
        answeredAll = () => server.closeAllConnections();
        if (inFlight.size === 0) answeredAll();
      });
      return closing;
    },
  };
}
