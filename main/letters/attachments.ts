// Files the app keeps under the data folder's attachments/ (original letters, a contribution's drafts),
// each under a generated name (the user's file name stays in the record): written durably before the
// record that points to it.
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DurableTextFile } from '../store/durable-file';

export const ATTACHMENTS_DIR = 'attachments';
const GENERATED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[a-z0-9]{1,8}$/;

/** Writes the bytes as a new attachment, as durably as the data file (temp file, fsync, rename, fsync the folder); returns its name. */
export async function saveAttachment(dataDir: string, bytes: Uint8Array, extension: string): Promise<string> {
  const dir = path.join(dataDir, ATTACHMENTS_DIR);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  if (!/^[a-z0-9]{1,8}$/.test(extension)) throw new Error(`not an extension: ${extension}`);
  const name = `${randomUUID()}.${extension}`;
  await new DurableTextFile(path.join(dir, name)).write(bytes);
  return name;
}

/** Where an attachment is, for a name the app generated (anything else, such as '../x', is refused). */
export function attachmentPath(dataDir: string, name: string): string | null {
  return GENERATED.test(name) ? path.join(dataDir, ATTACHMENTS_DIR, name) : null;
}

/** Removes an attachment whose record could not be written (so that nothing is left half-imported). */
export async function removeAttachment(dataDir: string, name: string): Promise<void> {
  const file = attachmentPath(dataDir, name);
  if (file) await fs.rm(file, { force: true });
}
