import { SCHEMA_VERSION } from './schema';

type RawData = Record<string, unknown>;

/** migrations[n] turns a file of schema version n into version n + 1. */
export const migrations: ReadonlyArray<(data: RawData, now: string) => RawData> = [
  // v0: files written before the schema carried a version (the first prototype, or typed by hand):
  // collections could be missing and records lacked ids and timestamps.
  (data, now) => {
    const records = (value: unknown) =>
      (Array.isArray(value) ? value : []).map((r: Record<string, unknown>) => ({
        ...r,
        id: r.id ?? crypto.randomUUID(),
        createdAt: r.createdAt ?? now,
        updatedAt: r.updatedAt ?? r.createdAt ?? now,
      }));
    return {
      ...data,
      schemaVersion: 1,
      profile: data.profile ?? {},
      settings: data.settings ?? {},
      events: records(data.events),
      people: records(data.people),
      participations: records(data.participations),
    };
  },
  // v1 → v2: the journal. The file gets its stable id and the seq of its last change; records' own
  // seq (0 = before the journal) is filled in when they are checked.
  (data) => ({ ...data, schemaVersion: 2, fileId: crypto.randomUUID(), seq: 0 }),
];

export function versionOf(data: RawData): number {
  return typeof data.schemaVersion === 'number' ? data.schemaVersion : 0;
}

/**
 * A JSON object is one of our data files if it says so (schemaVersion) or, for the unversioned
 * prototype files, if it holds one of our collections. `{}` or another program's JSON is not.
 */
export function isOurs(data: RawData): boolean {
  if ('schemaVersion' in data) return true;
  return ['events', 'people', 'participations'].some((name) => Array.isArray(data[name]));
}

export function migrate(data: RawData, now: string): RawData {
  let current = data;
  for (let v = versionOf(current); v < SCHEMA_VERSION; v++) current = migrations[v](current, now);
  return current;
}
