// The narrow door: one frozen window.api, no Node, no raw ipcRenderer.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { PUSH_MESSAGES } from '../main/api/push';
import { API_CHANNEL, CHANNEL_NAME } from '../main/api/ipc-channel';

const refused = (code: string) => Promise.resolve({ ok: false, error: { code, message: code } });

const api = Object.freeze({
  invoke(channel: string, input?: unknown): Promise<unknown> {
    if (typeof channel !== 'string' || !CHANNEL_NAME.test(channel)) return refused('errors.unknownChannel');
    return ipcRenderer.invoke(API_CHANNEL, channel, input);
  },
  on(event: string, callback: (payload: unknown) => void): () => void {
    if (!(PUSH_MESSAGES as readonly string[]).includes(event)) return () => undefined;
    const listener = (_event: IpcRendererEvent, payload: unknown) => callback(payload);
    ipcRenderer.on(event, listener);
    return () => ipcRenderer.removeListener(event, listener);
  },
});

contextBridge.exposeInMainWorld('api', api);
