// The desktop app's save: the native dialog opened by main on the user's Documents folder, the file
// written there durably (a file the user chose to replace is never left half written).
import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import path from 'node:path';
import { DurableTextFile } from '../store/durable-file';

export function saveFileWithDialog(window: () => BrowserWindow | undefined) {
  return async (suggestedName: string, bytes: Uint8Array): Promise<string | null> => {
    const extension = path.extname(suggestedName).slice(1);
    const options: SaveDialogOptions = {
      defaultPath: path.join(app.getPath('documents'), path.basename(suggestedName)),
      filters: extension ? [{ name: extension.toUpperCase(), extensions: [extension] }] : [],
    };
    const parent = window();
    const { canceled, filePath } = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    if (canceled || !filePath) return null;
    await new DurableTextFile(filePath).write(bytes);
    return path.basename(filePath);
  };
}
