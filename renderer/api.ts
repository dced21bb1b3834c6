// The typed client: window.api in the desktop app, HTTP to 127.0.0.1 in browser mode.
import type { Channel, Input, Output, Result, Warning } from '../main/api/contract';
import type { PushMessage as AppEvent, PushPayloads as AppEventPayloads } from '../main/api/push';
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
    on: () => () => undefined,
  };
}

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

export function onAppEvent<E extends AppEvent>(event: E, callback: (payload: AppEventPayloads[E]) => void): () => void {
  return bridge.on(event, (payload) => callback(payload as AppEventPayloads[E]));
}
