import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import lockfile from 'proper-lockfile';
import { AppError } from '../errors';
import { createBackup, listBackups, timestamp } from './backups';
import { DurableTextFile, removeStaleTempFiles, type FileOps } from './durable-file';
import { migrate, versionOf } from './migrations';
import { DATA_FILE, SCHEMA_VERSION, databaseSchema, emptyDatabase, type Database } from './schema';

export const LOCK_FILE = 'delegation-desk.lock';

/** Something the user must be told about the data file, once, at start. */
export interface StoreNotice {
  code: string;
  params: Record<string, string | number>;
}

export interface OpenOptions {
  /** Read-only: no lock, no backup, no repair; a bad file is reported, not moved. */
  readOnly?: boolean;
  fileOps?: FileOps;
  now?: () => Date;
}

interface Parsed {
  data: Database;
  migratedFrom?: number;
}

/** Parses, migrates and validates a data file's text; throws store.corrupt or store.newerVersion. */
export function parseDatabase(text: string, now: Date): Parsed {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('store.corrupt', { reason: 'json' });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new AppError('store.corrupt', { reason: 'shape' });
  }
  const version = versionOf(raw as Record<string, unknown>);
  if (!Number.isInteger(version) || version < 0) throw new AppError('store.corrupt', { reason: 'version' });
  if (version > SCHEMA_VERSION) {
    throw new AppError('store.newerVersion', { found: version, supported: SCHEMA_VERSION });
  }
  const migrated = migrate(raw as Record<string, unknown>, now.toISOString());
  const result = databaseSchema.safeParse(migrated);
  if (!result.success) throw new AppError('store.corrupt', { reason: 'schema' });
  return { data: result.data, migratedFrom: version < SCHEMA_VERSION ? version : undefined };
}

function isCorrupt(error: unknown): boolean {
  return error instanceof AppError && error.code === 'store.corrupt';
}

async function acquireLock(dataDir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, LOCK_FILE),
      realpath: false,
      stale: 15_000,
      update: 5_000,
      // Losing the lock (a suspended laptop, a clock jump) must not crash the app mid-edit.
      onCompromised: () => undefined,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new AppError('store.locked');
    throw error;
  }
}

export class Store {
  readonly notices: StoreNotice[] = [];
  private changedSinceBackup = false;
  private backupTimer?: NodeJS.Timeout;
  private readonly low: Low<Database>;
  /** Changes run one at a time, so that one that cannot be saved can be undone alone. */
  private changes: Promise<unknown> = Promise.resolve();
  /** The text of the data as it is on disk: what a change that could not be saved falls back to. */
  private saved = '';

  private constructor(
    readonly dataDir: string,
    data: Database,
    private readonly file: DurableTextFile,
    private readonly release: (() => Promise<void>) | null,
    private readonly now: () => Date,
  ) {
    const adapter = {
      read: async () => null,
      write: async (db: Database) => {
        const text = JSON.stringify(db, null, 1);
        await file.write(text);
        this.saved = text;
      },
    };
    this.low = new Low<Database>(adapter, data);
  }

  get data(): Database {
    return this.low.data;
  }

  get readOnly(): boolean {
    return this.release === null;
  }

  static async open(dataDir: string, options: OpenOptions = {}): Promise<Store> {
    const now = options.now ?? (() => new Date());
    const file = new DurableTextFile(path.join(dataDir, DATA_FILE), options.fileOps);
    if (options.readOnly) {
      const text = await file.read();
      const data = text === null ? emptyDatabase() : parseDatabase(text, now()).data;
      return new Store(dataDir, data, file, null, now);
    }
    await fs.mkdir(dataDir, { recursive: true });
    const release = await acquireLock(dataDir);
    try {
      await removeStaleTempFiles(file.file);
      const store = new Store(dataDir, emptyDatabase(), file, release, now);
      await store.load();
      return store;
    } catch (error) {
      await release();
      throw error;
    }
  }

  private async load(): Promise<void> {
    const text = await this.file.read();
    if (text === null) return this.low.write();
    let parsed: Parsed;
    try {
      parsed = parseDatabase(text, this.now());
    } catch (error) {
      if (!isCorrupt(error)) throw error;
      return this.recoverFromBackup();
    }
    this.low.data = parsed.data;
    this.saved = text;
    if (parsed.migratedFrom !== undefined) {
      await createBackup(this.dataDir, 'migration', this.now());
      await this.low.write();
    }
    await createBackup(this.dataDir, 'start', this.now());
  }

  /** The data file is unreadable: move it aside (never overwrite it) and load the newest good backup. */
  private async recoverFromBackup(): Promise<void> {
    const corrupt = path.join(this.dataDir, `delegation-desk.corrupt-${timestamp(this.now())}.json`);
    await fs.rename(this.file.file, corrupt);
    for (const backup of await listBackups(this.dataDir)) {
      try {
        this.low.data = parseDatabase(await fs.readFile(backup, 'utf8'), this.now()).data;
      } catch {
        continue;
      }
      await this.low.write();
      this.notices.push({
        code: 'store.recoveredFromBackup',
        params: { movedTo: path.basename(corrupt), backup: path.basename(backup) },
      });
      return;
    }
    this.low.data = emptyDatabase();
    await this.low.write();
    this.notices.push({ code: 'store.corruptNoBackup', params: { movedTo: path.basename(corrupt) } });
  }

  /**
   * Applies a change to the data and resolves once it is safely on disk. A change that cannot be
   * saved is undone in memory too: the app never shows, nor later saves, what it reported as not saved.
   */
  change<T>(apply: (data: Database) => T): Promise<T> {
    const run = this.changes.then(() => this.changeNow(apply));
    this.changes = run.catch(() => undefined);
    return run;
  }

  private async changeNow<T>(apply: (data: Database) => T): Promise<T> {
    if (this.readOnly) throw new AppError('store.readOnly');
    const result = apply(this.low.data);
    this.changedSinceBackup = true;
    try {
      await this.low.write();
    } catch {
      this.low.data = parseDatabase(this.saved, this.now()).data;
      throw new AppError('store.writeFailed');
    }
    return result;
  }

  /** Backs the file up every `intervalMs` while it keeps changing. */
  startPeriodicBackups(intervalMs: number): void {
    this.backupTimer = setInterval(() => {
      if (!this.changedSinceBackup) return;
      this.changedSinceBackup = false;
      void this.file.flush().then(() => createBackup(this.dataDir, 'periodic', this.now())).catch(() => {
        this.changedSinceBackup = true;
      });
    }, intervalMs);
    this.backupTimer.unref();
  }

  async flush(): Promise<void> {
    await this.changes;
    await this.file.flush();
  }

  /** Waits for pending writes, then lets another process open the folder. */
  async close(): Promise<void> {
    clearInterval(this.backupTimer);
    await this.flush();
    // A lock lost while suspended is already gone: nothing left to release.
    await this.release?.().catch(() => undefined);
  }
}
