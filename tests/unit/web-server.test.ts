import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { Context } from '../../main/api/channel';
import { startWebServer, type WebServer, type WebServerOptions } from '../../main/web/server';

const INDEX = '<!doctype html><title>Delegation Desk test page</title>';
const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'dd-web-server-'));
writeFileSync(path.join(rendererDir, 'index.html'), INDEX);

const servers: WebServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => rmSync(rendererDir, { recursive: true, force: true }));

async function start(options: Partial<WebServerOptions> = {}): Promise<WebServer> {
  const server = await startWebServer({
    // The server only hands the context to dispatch; every test here injects its own dispatch.
    context: {} as Context,
    rendererDir,
    dispatch: async (channel, input) => ({ ok: true, value: { channel, input } }),
    ...options,
  });
  servers.push(server);
  return server;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One request with a raw path (fetch would normalise '/%' and friends). Host is the server's own,
 * as a browser on the page would send it; a fresh connection each time unless an agent is given.
 */
function request(
  server: WebServer,
  method: string,
  rawPath: string,
  { body, auth = true, agent }: { body?: string; auth?: boolean; agent?: http.Agent } = {},
): Promise<Answer> {
  const { hostname, port, host } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        hostname,
        port,
        method,
        path: rawPath,
        agent: agent ?? false,
        headers: {
          Host: host,
          ...(auth ? { Authorization: `Bearer ${server.token}` } : {}),
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const INVALID = { ok: false, error: { code: 'errors.invalid', message: 'errors.invalid' } };

describe('browser-mode server: malformed percent escapes', () => {
  it('serves index.html for GET /', async () => {
    const server = await start();
    const answer = await request(server, 'GET', '/', { auth: false });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.body).toBe(INDEX);
  });

  it.each(['/%', '/%E0%A4%A', '/assets/%zz.js'])('answers GET %s with 400 errors.invalid', async (rawPath) => {
    const server = await start();
    const answer = await request(server, 'GET', rawPath, { auth: false });
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['content-security-policy']).toBeTruthy();
    expect(JSON.parse(answer.body)).toEqual(INVALID);
  });

  it.each(['/api/%zz', '/api/%', '/api/%E0%A4%A'])('answers POST %s with 400 errors.invalid', async (rawPath) => {
    let dispatched = 0;
    const server = await start({
      dispatch: async () => {
        dispatched++;
        return { ok: true, value: null };
      },
    });
    const answer = await request(server, 'POST', rawPath, { body: '{}' });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual(INVALID);
    expect(dispatched).toBe(0);
  });

  it('still hands a well-formed escaped channel to dispatch, decoded', async () => {
    const server = await start();
    const answer = await request(server, 'POST', '/api/events%3Alist', { body: '{"a":1}' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, value: { channel: 'events:list', input: { a: 1 } } });
  });

  it('still refuses an API call without the token', async () => {
    const server = await start();
    const answer = await request(server, 'POST', '/api/%zz', { body: '{}', auth: false });
    expect(answer.status).toBe(401);
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('browser-mode server: close()', () => {
  it('lets a request in flight finish and answer, then resolves; new connections are refused', async () => {
    const events: string[] = [];
    const server = await start({
      dispatch: async (channel, input) => {
        await sleep(300);
        events.push('dispatched');
        return { ok: true, value: { channel, input } };
      },
    });
    const inFlight = request(server, 'POST', '/api/changes%3Asave', { body: '{"x":1}' }).then((answer) => {
      events.push('answered');
      return answer;
    });
    await sleep(50);
    const closing = Date.now();
    const closed = server.close().then(() => {
      events.push('closed');
      return Date.now() - closing;
    });

    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body)).toEqual({ ok: true, value: { channel: 'changes:save', input: { x: 1 } } });
    const closedAfter = await closed;
    // close() waited for the answer to be written: not before the slow dispatch ended (the client may
    // read the answer just after the server has closed its side, so 'answered' and 'closed' may swap).
    expect(closedAfter).toBeGreaterThanOrEqual(200);
    expect(events.indexOf('closed')).toBeGreaterThan(events.indexOf('dispatched'));
    expect(events).toContain('answered');

    await expect(request(server, 'GET', '/', { auth: false })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('closes idle kept-alive connections and the answered one without waiting for them to time out', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
    try {
      const server = await start({
        dispatch: async (channel) => {
          if (channel === 'slow') await sleep(300);
          return { ok: true, value: channel };
        },
      });
      // Two kept-alive connections: one will carry the slow request, the other stays idle and is closed.
      await Promise.all([
        request(server, 'GET', '/', { agent, auth: false }),
        request(server, 'GET', '/', { agent, auth: false }),
      ]);
      const slow = request(server, 'POST', '/api/slow', { body: '{}', agent });
      await sleep(50);
      const closing = Date.now();
      const closed = server.close();
      const answer = await slow;
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({ ok: true, value: 'slow' });
      await closed;
      // Neither the idle kept-alive connection nor the answered one holds close() up (keepAliveTimeout is 5 s).
      expect(Date.now() - closing).toBeLessThan(1000);
    } finally {
      agent.destroy();
    }
  });

  it('does not wait for a browser’s pre-opened connection that carries no request', async () => {
    const server = await start();
    const { hostname, port } = new URL(server.origin);
    const socket = net.connect(Number(port), hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    const ended = new Promise((resolve) => socket.once('close', resolve));

    const started = Date.now();
    await server.close();

    expect(Date.now() - started).toBeLessThan(500);
    await ended;
  });

  it('answers 503 errors.shuttingDown to a request still arriving while another is being answered', async () => {
    const server = await start({ dispatch: () => sleep(300).then(() => ({ ok: true, value: 'slow' })) });
    const slow = request(server, 'POST', '/api/slow', { body: '{}' });
    await sleep(50);
    const { hostname, port, host } = new URL(server.origin);
    const socket = net.connect(Number(port), hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    const ended = new Promise((resolve) => socket.once('close', resolve));
    // Half a request: the connection is busy, not idle, when close() begins; the rest comes after.
    socket.write(`GET / HTTP/1.1\r\nHost: ${host}\r\n`);
    await sleep(50);
    const closed = server.close();
    await sleep(20);
    socket.write('\r\n');
    await ended;
    await closed;
    const text = Buffer.concat(received).toString('utf8');
    expect(text).toMatch(/^HTTP\/1\.1 503 /);
    expect(text).toMatch(/\r\nConnection: close\r\n/i);
    expect(text).toContain('{"ok":false,"error":{"code":"errors.shuttingDown","message":"errors.shuttingDown"}}');
    expect((await slow).status).toBe(200);
  });

  it('cuts what remains after the grace period', async () => {
    const server = await start({ dispatch: () => new Promise<never>(() => {}), graceMs: 200 });
    const hanging = request(server, 'POST', '/api/never', { body: '{}' });
    hanging.catch(() => {}); // its connection is cut: the rejection is expected
    await sleep(50);
    const started = Date.now();
    await server.close();
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(150);
    expect(took).toBeLessThan(1000);
    await expect(hanging).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('can be called twice', async () => {
    const server = await start();
    await Promise.all([server.close(), server.close()]);
    await server.close();
  });
});

describe('change stream (GET /api/push)', () => {
  /** A fake change source: the test says when a change happens. */
  function changes() {
    const listeners = new Set<(notice: { seq: number; writes: [] }) => void>();
    return {
      onChange: (listener: (notice: { seq: number; writes: [] }) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      emit: (seq: number) => listeners.forEach((l) => l({ seq, writes: [] })),
      get count() {
        return listeners.size;
      },
    };
  }

  function openStream(server: WebServer, auth = true) {
    const { hostname, port, host } = new URL(server.origin);
    return new Promise<http.IncomingMessage>((resolve, reject) => {
      http
        .get({ hostname, port, path: '/api/push', agent: false, headers: { Host: host, ...(auth ? { Authorization: `Bearer ${server.token}` } : {}) } }, resolve)
        .on('error', reject);
    });
  }

  it('refuses a stream without the token', async () => {
    const source = changes();
    const server = await start({ onChange: source.onChange });
    const res = await openStream(server, false);
    expect(res.statusCode).toBe(401);
    res.resume();
    expect(source.count).toBe(0);
  });

  it('sends each change as a data:changed event, and stops listening when the page goes', async () => {
    const source = changes();
    const server = await start({ onChange: source.onChange });
    const res = await openStream(server);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    res.setEncoding('utf8');
    let text = '';
    const got = new Promise<void>((resolve) =>
      res.on('data', (chunk: string) => {
        text += chunk;
        if (text.includes('"seq":7')) resolve();
      }),
    );
    source.emit(7);
    await got;
    expect(text).toContain('event: data:changed\ndata: {"seq":7,"writes":[]}\n\n');
    res.destroy();
    await vi.waitFor(() => expect(source.count).toBe(0));
  });

  it('does not hold close() back: an open stream is ended at once', async () => {
    const source = changes();
    const server = await start({ onChange: source.onChange, graceMs: 60_000 });
    const res = await openStream(server);
    const ended = new Promise<void>((resolve) => res.on('end', resolve).resume());
    const started = Date.now();
    await server.close();
    await ended;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(source.count).toBe(0);
  });
});
