// The typed client: window.api in the desktop app, HTTP to 127.0.0.1 in browser mode.
import type { Channel, Input, Output, Result, Warning } from '../main/api/contract';
import type { PushMessage, PushPayloads } from '../main/api/push';
import type { FieldIssue } from '../main/errors';

interface Bridge {
  invoke(channel: string, input?: unknown): Promise<unknown>;
  on(event: string, callback: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    api?: Bridge;
  }
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly issues: FieldIssue[] = [],
  ) {
    super(code);
  }
}

const TOKEN_KEY = 'delegation-desk-token';

/** Browser mode: the server's URL carries #token=…; keep it for this tab and take it off the address. */
function browserToken(): string {
  const match = /^#token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', `${window.location.pathname}#/`);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

type Listener = (payload: unknown) => void;

/** Reads the change stream's server-sent events and hands each message to its listeners. */
async function readStream(token: string, listeners: Map<string, Set<Listener>>, signal: AbortSignal): Promise<void> {
  const response = await fetch('api/push', { headers: { Authorization: `Bearer ${token}` }, signal });
  if (!response.ok || !response.body) throw new Error(`push ${response.status}`);
  // Notices may have been missed while the stream was down: every screen reloads.
  for (const listener of listeners.get('data:changed') ?? []) listener({ seq: 0, writes: [], reload: true });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (!event || data === undefined) continue;
      for (const listener of listeners.get(event) ?? []) listener(JSON.parse(data));
    }
  }
}

/** The change stream, opened with the first listener and reopened (after a pause) when it drops. */
function pushStream(token: string): Bridge['on'] {
  const listeners = new Map<string, Set<Listener>>();
  let running = false;
  const run = async () => {
    running = true;
    let first = true;
    while (listeners.size > 0) {
      try {
        if (!first) await new Promise((resolve) => setTimeout(resolve, 2000));
        first = false;
        await readStream(token, listeners, new AbortController().signal);
      } catch {
        // The server stopped or restarted: try again after the pause.
      }
    }
    running = false;
  };
  return (event, callback) => {
    const set = listeners.get(event) ?? new Set<Listener>();
    set.add(callback);
    listeners.set(event, set);
    if (!running) void run();
    return () => {
      set.delete(callback);
      if (set.size === 0) listeners.delete(event);
    };
  };
}

function httpBridge(): Bridge {
  const token = browserToken();
  return {
    async invoke(channel, input) {
      let response: Response;
      try {
        response = await fetch(`api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: input === undefined ? '' : JSON.stringify(input),
        });
      } catch {
        return { ok: false, error: { code: 'errors.offline', message: 'errors.offline' } };
      }
      return response.json();
    },
    on: pushStream(token),
  };
}

/**
 * Browser mode opened without its address's token (#token=…): there is no way to reach the data,
 * and the app says how to open it rather than show an empty file.
 */
export const hasBridge: boolean = Boolean(window.api) || browserToken() !== '';

const bridge: Bridge = window.api ?? httpBridge();

const warningListeners = new Set<(warnings: Warning[]) => void>();

/** Warnings of successful calls (a likely duplicate…) go to these listeners; the caller gets the value only. */
export function onWarnings(listener: (warnings: Warning[]) => void): () => void {
  warningListeners.add(listener);
  return () => {
    warningListeners.delete(listener);
  };
}

export async function call<C extends Channel>(channel: C, input?: Input<C>): Promise<Output<C>> {
  const result = (await bridge.invoke(channel, input)) as Result<Output<C>>;
  if (result.ok) {
    if (result.warnings?.length) for (const listener of warningListeners) listener(result.warnings);
    return result.value;
  }
  throw new ApiError(result.error.code, result.error.params, result.error.issues);
}

export function onPush<M extends PushMessage>(message: M, callback: (payload: PushPayloads[M]) => void): () => void {
  return bridge.on(message, (payload) => callback(payload as PushPayloads[M]));
}
