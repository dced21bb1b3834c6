import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type Channel } from './api/channels';
import { dispatch } from './api/dispatch';
import type { Context } from './api/handlers/context';

/**
 * Registers every channel of the contract on ipcMain. A call is answered only when it comes from
 * our own window's top frame showing our own page; its input is validated by dispatch.
 */
export function registerIpc(
  context: Context,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
  afterSuccess: (channel: Channel) => void = () => undefined,
): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedSender(event)) return { ok: false, error: { code: 'errors.forbidden', message: 'errors.forbidden' } };
      const result = await dispatch(channel, input, context);
      if (result.ok) afterSuccess(channel);
      return result;
    });
  }
}
