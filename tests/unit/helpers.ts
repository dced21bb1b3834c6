// Shared by the unit tests: real temp folders and a real Store, nothing of ours replaced.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Channel, Input, Output, Result } from '../../main/api/contract';
import { dispatch } from '../../main/api/dispatch';
import type { Context, Host } from '../../main/api/channel';
import type { Delivered } from '../../main/api/deliver';
import { AppError } from '../../main/errors';
import { letterFiles } from '../../main/letters/letter-files';
import { sheetFiles } from '../../main/people-io/sheet-files';
import { documentFiles } from '../../main/documents/document-files';
import { DATA_FILE } from '../../main/store/schema';
import { JOURNAL_FILE } from '../../main/store/data-files';
import { Store, type OpenOptions } from '../../main/store/store';

const dirs: string[] = [];
const stores: Store[] = [];

/** A fresh folder in the OS temp dir, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'delegation-desk-test-'));
  dirs.push(dir);
  return dir;
}

/** Opens a store that is closed after the test (if the test has not closed it itself). */
export async function openStore(dataDir: string, options?: OpenOptions): Promise<Store> {
  const store = await Store.open(dataDir, options);
  stores.push(store);
  return store;
}

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close().catch(() => undefined);
  for (const dir of dirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

export const testHost: Host = { version: 'test', shell: 'web', openExternal: async () => false };

export function contextFor(store: Store, host: Host = testHost): Context {
  return { store, host, now: () => new Date(), letters: letterFiles, sheets: sheetFiles, documents: documentFiles };
}

/** Calls a channel the way the renderer does and returns the raw result. */
export function call<C extends Channel>(context: Context, channel: C, input?: Input<C>): Promise<Result<Output<C>>> {
  return dispatch(channel, input, context) as Promise<Result<Output<C>>>;
}

/** Calls a channel that must succeed and returns its value. */
export async function ok<C extends Channel>(context: Context, channel: C, input?: Input<C>): Promise<Output<C>> {
  const result = await call(context, channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The bytes of a file a channel delivered to a host without a save dialog (browser mode, the CLI). */
export function downloaded(result: Delivered): Buffer {
  if (result.delivery !== 'download') throw new Error(`expected a download, got ${result.delivery}`);
  return Buffer.from(result.content, 'base64');
}

/** Resolves to the AppError a promise rejects with (and fails the test if it does not reject so). */
export async function appErrorFrom(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the promise to reject with an AppError');
}

export function dataFile(dataDir: string): string {
  return path.join(dataDir, DATA_FILE);
}

export function journalFile(dataDir: string): string {
  return path.join(dataDir, JOURNAL_FILE);
}

/** The data as another program would read it from disk now (snapshot + journal), without changing anything. */
export async function onDisk(dataDir: string): Promise<Store['data']> {
  const reader = await Store.open(dataDir, { readOnly: true });
  await reader.close();
  return reader.data;
}

/** The data folder's files and their bytes (for "nothing was changed" checks). */
export async function folderBytes(dataDir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await fs.readdir(dataDir)) {
    const stat = await fs.stat(path.join(dataDir, name));
    if (stat.isFile()) files[name] = (await fs.readFile(path.join(dataDir, name))).toString('base64');
  }
  return files;
}

export const wtdc25: Input<'events:create'> = {
  name: 'World Telecommunication Development Conference 2025',
  acronym: 'WTDC-25',
  kind: 'conference',
  city: 'Baku',
  country: 'AZ',
  startDate: '2025-11-17',
  endDate: '2025-11-28',
};
