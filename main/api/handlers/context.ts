import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors';
import type { Store } from '../../store/store';

/** What the process running the handlers provides: the Electron app, browser mode or the CLI. */
export interface Host {
  version: string;
  shell: 'electron' | 'web';
  /** Opens an http(s) address in the user's browser; false where this host cannot. */
  openExternal(url: string): Promise<boolean>;
}

export interface Context {
  store: Store;
  host: Host;
  now: () => Date;
}

interface Live {
  id: string;
  deletedAt?: string;
}

export function live<T extends Live>(records: readonly T[]): T[] {
  return records.filter((r) => !r.deletedAt);
}

export function findLive<T extends Live>(records: readonly T[], id: string): T {
  const record = records.find((r) => r.id === id && !r.deletedAt);
  if (!record) throw new AppError('errors.notFound');
  return record;
}

export function newRecord<T extends object>(fields: T, now: Date) {
  const stamp = now.toISOString();
  return { id: randomUUID(), ...fields, createdAt: stamp, updatedAt: stamp };
}

/** Replaces a live record's fields, keeping its identity and creation time. */
export function replaceFields<T extends Live>(records: T[], id: string, fields: Omit<Partial<T>, 'id'>, now: Date): T {
  const record = findLive(records, id);
  Object.assign(record, fields, { updatedAt: now.toISOString() });
  return record;
}

/** Records are never hard-deleted: exchange files and sync need to carry the deletion. */
export function softDelete(record: Live & { updatedAt: string }, now: Date): void {
  record.deletedAt = now.toISOString();
  record.updatedAt = record.deletedAt;
}
