// The narrow door: one frozen window.api, no Node, no raw ipcRenderer.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { APP_EVENTS } from '../main/api/events';
import { CHANNELS } from '../main/api/channels';

const refused = (code: string) => Promise.resolve({ ok: false, error: { code, message: code } });

const api = Object.freeze({
  invoke(channel: string, input?: unknown): Promise<unknown> {
    if (!(CHANNELS as readonly string[]).includes(channel)) return refused('errors.unknownChannel');
    return ipcRenderer.invoke(channel, input);
  },
  on(event: string, callback: (payload: unknown) => void): () => void {
    if (!(APP_EVENTS as readonly string[]).includes(event)) return () => undefined;
    const listener = (_event: IpcRendererEvent, payload: unknown) => callback(payload);
    ipcRenderer.on(event, listener);
    return () => ipcRenderer.removeListener(event, listener);
  },
});

contextBridge.exposeInMainWorld('api', api);
