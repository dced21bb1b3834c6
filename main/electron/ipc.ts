import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { API_CHANNEL } from '../api/ipc-channel';
import type { Context } from '../api/channel';
import { dispatch } from '../api/dispatch';
import { isAppPage } from '../app-page';

/**
 * The sender check: true only for a call from our window's own contents, from its top frame (not
 * an iframe), while that frame shows our page (not a page it was somehow navigated to).
 */
export function isFromWindow(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, window: BrowserWindow | undefined): boolean {
  if (!window || window.isDestroyed() || event.sender !== window.webContents) return false;
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && isAppPage(frame.url);
}

/**
 * One IPC channel carries every call: its first argument names the contract's channel, which
 * dispatch checks against the channel table along with the input. A call is answered only when it
 * comes from our own window's top frame showing our own page.
 */
export function registerIpc(
  context: Context,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
  afterSuccess: (channel: string) => void = () => undefined,
): void {
  ipcMain.handle(API_CHANNEL, async (event, channel: unknown, input: unknown) => {
    if (!isTrustedSender(event)) return { ok: false, error: { code: 'errors.forbidden', message: 'errors.forbidden' } };
    const result = await dispatch(channel, input, context);
    if (result.ok) afterSuccess(String(channel));
    return result;
  });
}
