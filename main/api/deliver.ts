// A file the app makes for the user (an export, a document, a calendar) leaves main one way: where the
// host has a save dialog, main asks where and writes it; elsewhere (browser mode, the CLI) the bytes go
// back with the call and the caller writes or downloads them.
import { toBase64 } from '../domain/base64';
import type { Host } from './channel';

export type Delivered =
  | { delivery: 'saved'; fileName: string }
  | { delivery: 'cancelled'; fileName: string }
  | { delivery: 'download'; fileName: string; content: string };

export async function deliverFile(host: Host, fileName: string, bytes: Uint8Array): Promise<Delivered> {
  if (!host.saveFile) return { delivery: 'download', fileName, content: toBase64(bytes) };
  const saved = await host.saveFile(fileName, bytes);
  return saved === null ? { delivery: 'cancelled', fileName } : { delivery: 'saved', fileName: saved };
}
