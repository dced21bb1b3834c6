// The data as it is held in memory and written in the snapshot, and its fast load-time check.
import { AppError } from '../errors';
import { checkStored, isRecordId, isTimestamp } from '../domain/fields';
import { COLLECTION_NAMES, SINGLETON_NAMES, collections, singletons, type Records, type Singletons } from './collections';

export const SCHEMA_VERSION = 2;
export const DATA_FILE = 'delegation-desk.json';

export type Database = {
  schemaVersion: number;
  /** Stable for the life of the file, whatever device writes it. */
  fileId: string;
  /** The journal seq of the last change the data holds. */
  seq: number;
} & { [C in keyof Records]: Records[C][] } & Singletons & Record<string, unknown>;

export function emptyDatabase(fileId: string = crypto.randomUUID()): Database {
  const data: Record<string, unknown> = { schemaVersion: SCHEMA_VERSION, fileId, seq: 0 };
  for (const name of SINGLETON_NAMES) data[name] = {};
  for (const name of COLLECTION_NAMES) data[name] = [];
  return checkDatabase(data);
}

const corrupt = (where: string) => new AppError('store.corrupt', { reason: 'schema', where });

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks one stored record of a collection in place (defaults filled, unknown fields kept) and freezes it. */
export function checkRecord(collection: string, value: unknown): Readonly<Record<string, unknown>> {
  const def = collections[collection as keyof Records];
  if (!def || !isObject(value)) throw corrupt(collection);
  const r = value;
  if (!isRecordId(r.id)) throw corrupt(`${collection}.id`);
  if (!isTimestamp(r.createdAt) || !isTimestamp(r.updatedAt)) throw corrupt(`${collection}.${r.id}`);
  if (r.deletedAt !== undefined && !isTimestamp(r.deletedAt)) throw corrupt(`${collection}.${r.id}.deletedAt`);
  if (r.seq === undefined) r.seq = 0;
  else if (!Number.isSafeInteger(r.seq) || (r.seq as number) < 0) throw corrupt(`${collection}.${r.id}.seq`);
  const bad = checkStored(def.fields, r);
  if (bad) throw corrupt(`${collection}.${r.id}.${bad}`);
  return Object.freeze(r);
}

export function checkSingleton(name: string, value: unknown): Readonly<Record<string, unknown>> {
  const fields = singletons[name as keyof Singletons];
  if (!fields || !isObject(value)) throw corrupt(name);
  if (value.updatedAt !== undefined && !isTimestamp(value.updatedAt)) throw corrupt(`${name}.updatedAt`);
  if (value.seq !== undefined && (!Number.isSafeInteger(value.seq) || (value.seq as number) < 0)) throw corrupt(`${name}.seq`);
  const bad = checkStored(fields, value);
  if (bad) throw corrupt(`${name}.${bad}`);
  return Object.freeze(value);
}

/**
 * Checks a parsed, migrated snapshot in place: every record is checked and frozen, missing collections
 * (a file older than a collection) start empty, and unknown fields and collections are kept for the next save.
 * Throws store.corrupt.
 */
export function checkDatabase(raw: Record<string, unknown>): Database {
  if (raw.schemaVersion !== SCHEMA_VERSION) throw corrupt('schemaVersion');
  if (typeof raw.fileId !== 'string' || raw.fileId.length === 0) throw corrupt('fileId');
  if (!Number.isSafeInteger(raw.seq) || (raw.seq as number) < 0) throw corrupt('seq');
  for (const name of SINGLETON_NAMES) checkSingleton(name, raw[name] ?? (raw[name] = {}));
  for (const name of COLLECTION_NAMES) {
    const rows = raw[name] ?? (raw[name] = []);
    if (!Array.isArray(rows)) throw corrupt(name);
    for (let i = 0; i < rows.length; i++) checkRecord(name, rows[i]);
  }
  return raw as Database;
}
