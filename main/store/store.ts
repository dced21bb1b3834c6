// The data folder, opened: one writer, changes as all-or-nothing transactions acknowledged once their
// journal line is on disk, the snapshot rewritten in the background, faults met with a notice and no loss.
import { promises as fs, constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { isRecordId } from '../domain/fields';
import { AppError } from '../errors';
import { copyToBackup, listBackups, writeBackup, type BackupInfo, type BackupReason } from './backups';
import { DataFiles, JOURNAL_FILE, parseJournal, type JournalRead } from './data-files';
import { removeStaleTempFiles, type FileOps } from './durable-file';
import { acquireLock, readLockOwner, readableTime, type HeldLock, type LockOwnerKind, type LockTimings } from './lock';
import { isOurs, migrate, versionOf } from './migrations';
import { collections, type CollectionName } from './collections';
import { Model, type ReadView, type Tx, type Warning, type Write } from './model';
import { DATA_FILE, SCHEMA_VERSION, checkDatabase, emptyDatabase, type Database } from './schema';
import type { Access, ChangeNotice, DataStore, StoreNotice } from './status';

export type { Access, ChangeNotice, StoreNotice };

export { DATA_FILE, JOURNAL_FILE };

export interface OpenOptions {
  /** Read-only: no lock, no backup, no repair; a bad file is reported, not moved. */
  readOnly?: boolean;
  /** Who holds the lock, named to a second program that tries to open the folder. */
  kind?: LockOwnerKind;
  fileOps?: FileOps;
  now?: () => Date;
  /** The journal is folded into the snapshot past this size (bytes) … */
  compactBytes?: number;
  /** … or after this long without a change (ms). */
  idleMs?: number;
  /** Tests only: a lock noticed lost within a second or two. */
  lockTimings?: LockTimings;
}

interface Parsed {
  data: Database;
  migratedFrom?: number;
}

const DEFAULT_COMPACT_BYTES = 8 * 2 ** 20;
const DEFAULT_IDLE_MS = 30_000;
const HOUR = 3_600_000;
const RETRY_MS = 60_000;

/** A name that sorts by time: 20261123T043636123Z. */
export function timestamp(now: Date): string {
  return now.toISOString().replace(/[-:.]/g, '');
}

/** Parses, migrates and checks a snapshot's text; throws store.corrupt, store.foreign or store.newerVersion. */
export function parseSnapshot(text: string, now: Date): Parsed {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('store.corrupt', { reason: 'json' });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new AppError('store.foreign');
  const object = raw as Record<string, unknown>;
  if (!isOurs(object)) throw new AppError('store.foreign');
  const version = versionOf(object);
  if (!Number.isInteger(version) || version < 0) throw new AppError('store.corrupt', { reason: 'version' });
  if (version > SCHEMA_VERSION) throw new AppError('store.newerVersion', { found: version, supported: SCHEMA_VERSION });
  const migrated = version < SCHEMA_VERSION ? migrate(object, now.toISOString()) : object;
  return { data: checkDatabase(migrated), migratedFrom: version < SCHEMA_VERSION ? version : undefined };
}

const isDamage = (error: unknown) =>
  error instanceof AppError && (error.code === 'store.corrupt' || error.code === 'store.foreign');

const PERMISSION = new Set(['EACCES', 'EROFS', 'EPERM']);

/** A written record as the change notice names it: collection, id, and the ids it points to. */
function noticeOf(name: string, record: Write[1]): ChangeNotice['writes'][number] {
  const references = collections[name as CollectionName]?.references ?? {};
  const refs: Record<string, string> = {};
  for (const field of Object.keys(references)) {
    const value = (record as Record<string, unknown>)[field];
    if (typeof value === 'string') refs[field] = value;
  }
  return { name, id: record.id, ...(Object.keys(refs).length > 0 && { refs }) };
}

async function deviceIdOf(dataDir: string, writable: boolean): Promise<string> {
  const file = path.join(dataDir, 'delegation-desk.device.json');
  try {
    const { deviceId } = JSON.parse(await fs.readFile(file, 'utf8'));
    if (isRecordId(deviceId)) return deviceId;
  } catch {
    // absent or unreadable: a new one
  }
  const deviceId = crypto.randomUUID();
  if (writable) await fs.writeFile(file, JSON.stringify({ deviceId }), { mode: 0o600 }).catch(() => undefined);
  return deviceId;
}

/** Copies a damaged file aside, never overwriting anything, and makes the copy durable. */
async function keepAside(source: string, target: string): Promise<void> {
  await fs.copyFile(source, target, fsConstants.COPYFILE_EXCL);
  const handle = await fs.open(target, 'r');
  await handle.sync().finally(() => handle.close());
}

export class Store implements DataStore {
  readonly notices: StoreNotice[] = [];
  access: Access;
  /** The data file is missing but backups exist: the newest, offered for restore. */
  restoreOffer?: BackupInfo;
  deviceId = '';
  private readonly low: Low<Database>;
  private model: Model;
  private readView: ReadView;
  private readonly files: DataFiles;
  private readonly now: () => Date;
  private readonly listeners = new Set<(notice: ChangeNotice) => void>();
  /** Changes (and snapshots, taken between two changes) run one at a time. */
  private changes: Promise<unknown> = Promise.resolve();
  private background = new Set<Promise<unknown>>();
  private compaction?: Promise<void>;
  private snapshotExists = false;
  private lastBackupSeq = -1;
  private lastBackupAt = 0;
  private backingUp?: Promise<void>;
  private compactionFailedAt = -Infinity;
  private idleTimer?: NodeJS.Timeout;
  private backupTimer?: NodeJS.Timeout;

  private constructor(
    readonly dataDir: string,
    private lock: HeldLock | null,
    private readonly options: OpenOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.files = new DataFiles(dataDir, options.fileOps);
    this.access = lock ? { writable: true } : { writable: false, code: 'store.readOnly' };
    const data = emptyDatabase();
    this.low = new Low<Database>(this.files, data);
    this.model = new Model(data);
    this.readView = this.model.view();
  }

  static async open(dataDir: string, options: OpenOptions = {}): Promise<Store> {
    let lock: HeldLock | null = null;
    let folderReadOnly = false;
    if (!options.readOnly) {
      try {
        await fs.mkdir(dataDir, { recursive: true });
        lock = await acquireLock(dataDir, options.kind ?? 'app', options.now, options.lockTimings);
      } catch (error) {
        if (!PERMISSION.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
        folderReadOnly = true;
      }
    }
    const store = new Store(dataDir, lock, options);
    if (folderReadOnly) {
      store.access = { writable: false, code: 'store.folderReadOnly', canReopen: true };
      store.notify({ code: 'store.folderReadOnly', params: {}, level: 'warning' });
    }
    try {
      if (lock) {
        lock.onCompromised(() => store.track(store.checkLock()));
        await removeStaleTempFiles(store.files.snapshotFile);
        await removeStaleTempFiles(store.files.journalFile);
      }
      await store.load();
      store.deviceId = await deviceIdOf(dataDir, store.writable);
      return store;
    } catch (error) {
      await lock?.release();
      throw error;
    }
  }

  /** The whole data, read-only (frozen records). */
  get data(): Readonly<Database> {
    return this.low.data;
  }

  /** What handlers read: live records, read-only. */
  view(): ReadView {
    return this.readView;
  }

  get readOnly(): boolean {
    return !this.access.writable;
  }

  get seq(): number {
    return this.low.data.seq;
  }

  /** Everything written after `seq`, oldest first: what live screens, exchange files and sync read. */
  changesSince(seq: number): Write[] {
    return this.model.changesSince(seq);
  }

  onChange(listener: (notice: ChangeNotice) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- Loading ----

  private get writable(): boolean {
    return this.lock !== null && this.access.writable;
  }

  /** The backups, newest first; an unreadable backups folder must not stop the data from opening (a backup will then fail, and say so). */
  private backups(): Promise<BackupInfo[]> {
    return listBackups(this.dataDir).catch(() => []);
  }

  private setData(data: Database): void {
    this.low.data = data;
    this.model = new Model(data);
    this.readView = this.model.view();
  }

  private async load(): Promise<void> {
    const text = await this.files.readSnapshot();
    if (text === null) return this.loadMissing();
    let parsed: Parsed;
    try {
      parsed = parseSnapshot(text, this.now());
      this.setData(parsed.data);
    } catch (error) {
      if (!isDamage(error) || !this.writable) throw error;
      return this.recover(error as AppError);
    }
    this.snapshotExists = true;
    const journal = await this.loadJournal(parsed.data.fileId, parsed.data.seq);
    const backups = await this.backups();
    this.lastBackupSeq = backups[0]?.seq ?? -1;
    if (!this.writable) return;

    if (parsed.migratedFrom !== undefined) {
      // The original bytes are kept before the file is rewritten in the new shape.
      try {
        await copyToBackup(this.dataDir, this.files.snapshotFile, 0, 'migration', this.now());
      } catch {
        throw new AppError('store.migrationBackupFailed');
      }
    }
    await this.files.startAppending(journal.goodBytes, journal.lines.map(({ entry, text }) => ({ seq: entry.seq, text })));
    if (journal.lines.length > 0 || journal.torn || parsed.migratedFrom !== undefined) {
      try {
        await this.low.write();
      } catch {
        this.notify({ code: 'store.startWriteFailed', params: {}, level: 'warning' });
      }
    }
    // When the snapshot holds every change (the journal is empty), a copy of it is the backup.
    if (this.lastBackupSeq !== this.seq) void this.backup('open', this.files.journalSize === 0 ? 'snapshot' : 'memory');
  }

  /** Replays the journal; a damaged one is kept aside and the changes before the damage are loaded. */
  private async loadJournal(fileId: string, snapshotSeq: number): Promise<JournalRead> {
    const bytes = await this.files.readJournal();
    const journal = parseJournal(bytes ?? Buffer.alloc(0), fileId, snapshotSeq);
    let applied = 0;
    for (const { entry, number } of journal.lines) {
      try {
        this.model.replay(entry.w);
      } catch {
        journal.damagedAtLine ??= number;
        journal.lostAfterDamage += journal.lines.length - applied;
        break;
      }
      this.low.data.seq = entry.seq;
      applied++;
    }
    if (applied < journal.lines.length) {
      journal.goodBytes = applied === 0 ? 0 : journal.lines[applied - 1].end;
      journal.lines = journal.lines.slice(0, applied);
    }
    if (journal.damagedAtLine !== undefined) {
      const params: Record<string, string | number> = { kept: applied, lost: journal.lostAfterDamage };
      if (this.writable && bytes) {
        const movedTo = `delegation-desk.corrupt-${timestamp(this.now())}.journal`;
        await keepAside(this.files.journalFile, path.join(this.dataDir, movedTo));
        params.movedTo = movedTo;
        // Whatever followed the damage is in the copy; the live journal keeps the good lines only.
        journal.torn = true;
      }
      const code = params.movedTo ? 'store.journalDamaged' : 'store.journalDamagedCheck';
      this.notify({ code, params, level: 'error' });
    }
    return journal;
  }

  /** No data file: a first run, unless backups say there was data here (then the restore is offered). */
  private async loadMissing(): Promise<void> {
    const backups = await this.backups();
    this.lastBackupSeq = backups[0]?.seq ?? -1;
    const orphan = await this.files.readJournal();
    if (orphan && orphan.length > 0) {
      const params: Record<string, string | number> = {};
      if (this.writable) {
        params.movedTo = `delegation-desk.orphan-${timestamp(this.now())}.journal`;
        await keepAside(this.files.journalFile, path.join(this.dataDir, params.movedTo));
      }
      this.notify({ code: 'store.journalWithoutData', params, level: 'error' });
    }
    if (backups.length > 0) {
      this.restoreOffer = backups[0];
      this.notify({
        code: 'store.missingWithBackups',
        params: { backup: backups[0].name, date: backups[0].createdAt },
        level: 'error',
      });
    }
    if (this.writable) await this.files.startAppending(0, []);
  }

  /** The snapshot is damaged or not ours: a copy is kept aside, never overwritten; the newest good backup is loaded. */
  private async recover(error: AppError): Promise<void> {
    const kind = error.code === 'store.foreign' ? 'foreign' : 'corrupt';
    const stamp = timestamp(this.now());
    const movedTo = `delegation-desk.${kind}-${stamp}.json`;
    await keepAside(this.files.snapshotFile, path.join(this.dataDir, movedTo));
    const journal = await this.files.readJournal();
    if (journal && journal.length > 0) await keepAside(this.files.journalFile, path.join(this.dataDir, `delegation-desk.${kind}-${stamp}.journal`));

    const backups = await this.backups();
    let restored: BackupInfo | undefined;
    for (const backup of backups) {
      try {
        this.setData(parseSnapshot(await fs.readFile(backup.file, 'utf8'), this.now()).data);
        restored = backup;
        break;
      } catch {
        continue;
      }
    }
    if (!restored) this.setData(emptyDatabase());
    // Later changes carry a higher seq than anything a backup holds, whichever state was restored.
    this.low.data.seq = Math.max(this.seq, backups[0]?.seq ?? 0);
    this.lastBackupSeq = backups[0]?.seq ?? -1;
    await this.files.startAppending(0, []);
    await this.low.write();
    this.snapshotExists = true;
    const code = restored
      ? kind === 'foreign' ? 'store.foreignRecovered' : 'store.corruptRecovered'
      : kind === 'foreign' ? 'store.foreignNoBackup' : 'store.corruptNoBackup';
    this.notify({ code, params: restored ? { movedTo, backup: restored.name } : { movedTo }, level: 'error' });
  }

  // ---- Changing ----

  /**
   * Runs a change as one transaction: if `apply` throws, or the change cannot be made durable, nothing
   * of it stays, in memory or on disk. Resolves once its journal line is on disk. Warnings the change
   * raised (a likely duplicate) are added to `warnings`.
   */
  change<T>(apply: (tx: Tx) => T, warnings?: Warning[]): Promise<T> {
    const run = this.changes.then(() => this.changeNow(apply, warnings));
    this.changes = run.catch(() => undefined);
    return run;
  }

  private refuse(): never {
    throw new AppError(this.access.code ?? 'store.readOnly', this.access.params ?? {});
  }

  private async changeNow<T>(apply: (tx: Tx) => T, warnings?: Warning[]): Promise<T> {
    if (!this.writable) this.refuse();
    if (this.lock?.compromised) await this.checkLock();
    if (!this.writable) this.refuse();
    // A new folder's first change needs a snapshot to extend: the data as it was before the change.
    const initial = this.snapshotExists ? null : JSON.stringify(this.low.data);
    const seq = this.seq + 1;
    const transaction = this.model.begin(seq, this.now());
    let result: T;
    try {
      result = apply(transaction.tx);
      if (result instanceof Promise) throw new Error('A change must be synchronous: read first, then change.');
    } catch (error) {
      transaction.rollback();
      throw error;
    }
    const writes = transaction.writes;
    if (writes.length === 0) return result;
    try {
      if (initial !== null) {
        await this.files.writeSnapshot(initial, seq - 1);
        this.snapshotExists = true;
      }
      await this.files.append({ seq, at: transaction.now.toISOString(), fileId: this.low.data.fileId, device: this.deviceId, w: writes });
    } catch (error) {
      transaction.rollback();
      if (error instanceof AppError && error.code === 'store.changedElsewhere') {
        this.goReadOnly('store.changedElsewhere', {});
        this.refuse();
      }
      throw new AppError('store.writeFailed');
    }
    this.low.data.seq = seq;
    warnings?.push(...transaction.warnings);
    this.afterChange(seq, writes);
    return result;
  }

  private afterChange(seq: number, writes: Write[]): void {
    this.tell({ seq, writes: writes.map(([name, record]) => noticeOf(name, record)) });
    if (this.lastBackupSeq < 0) void this.backup('first', 'memory');
    if (this.files.journalSize > (this.options.compactBytes ?? DEFAULT_COMPACT_BYTES)) this.compactInBackground();
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.compactInBackground(), this.options.idleMs ?? DEFAULT_IDLE_MS);
    this.idleTimer.unref();
  }

  /** Runs `fn` between two changes, so that it never sees a change not yet on disk. */
  private betweenChanges<T>(fn: () => T): Promise<T> {
    const run = this.changes.then(fn);
    this.changes = run.catch(() => undefined);
    return run;
  }

  private track(job: Promise<unknown>): void {
    const tracked = job.catch(() => undefined).finally(() => this.background.delete(tracked));
    this.background.add(tracked);
  }

  /** Folds the journal into a new snapshot; changes go on meanwhile (they land in the new journal). */
  compactInBackground(): Promise<void> {
    if (this.compaction) return this.compaction;
    if (!this.writable || this.files.journalSize === 0) return Promise.resolve();
    // After a failure (a full disk), not again at every change: the journal keeps every change meanwhile.
    if (performance.now() - this.compactionFailedAt < RETRY_MS) return Promise.resolve();
    const run = (async () => {
      // The snapshot's text is taken between two changes; writing it does not hold changes up.
      const writing = await this.betweenChanges(() => ({ done: this.writable ? this.low.write() : Promise.resolve() }));
      await writing.done;
    })();
    this.compaction = run
      .catch(() => {
        this.compactionFailedAt = performance.now();
      })
      .finally(() => (this.compaction = undefined));
    return this.compaction;
  }

  // ---- Backups ----

  /** One backup at a time; a request while one is being made is dropped (the next trigger will come). */
  /** A backup of the data as it is now, made before a change that is hard to take back (a merge); its name. */
  async backupBefore(reason: 'merge'): Promise<string> {
    if (!this.writable) this.refuse();
    await this.backingUp;
    const { text, seq } = await this.betweenChanges(() => ({ text: JSON.stringify(this.low.data), seq: this.seq }));
    const info = await writeBackup(this.dataDir, text, seq, reason, this.now());
    this.backedUp(seq);
    return info.name;
  }

  private backup(reason: BackupReason, from: 'snapshot' | 'memory'): Promise<void> {
    if (this.backingUp) return this.backingUp;
    const run = (async () => {
      try {
        const { text, seq } =
          from === 'memory'
            ? await this.betweenChanges(() => ({ text: JSON.stringify(this.low.data), seq: this.seq }))
            : { text: null, seq: this.seq };
        if (text === null) await copyToBackup(this.dataDir, this.files.snapshotFile, seq, reason, this.now());
        else await writeBackup(this.dataDir, text, seq, reason, this.now());
        this.backedUp(seq);
      } catch {
        this.notify({ code: 'store.backupFailed', params: {}, level: 'warning' });
      }
    })();
    this.backingUp = run.finally(() => (this.backingUp = undefined));
    this.track(this.backingUp);
    return this.backingUp;
  }

  private backedUp(seq: number): void {
    this.lastBackupSeq = Math.max(this.lastBackupSeq, seq);
    this.lastBackupAt = performance.now();
  }

  /** An hourly backup while the data keeps changing (checked every `checkMs`). */
  startPeriodicBackups(checkMs = 10 * 60_000, everyMs = HOUR): void {
    clearInterval(this.backupTimer);
    this.lastBackupAt = performance.now();
    this.backupTimer = setInterval(() => {
      if (!this.writable || this.seq <= this.lastBackupSeq) return;
      if (performance.now() - this.lastBackupAt < everyMs) return;
      void this.backup('hourly', 'memory');
    }, checkMs);
    this.backupTimer.unref();
  }

  /** Restores a backup (by name) as the current data; the current data is backed up first. */
  async restore(name: string): Promise<void> {
    if (!this.writable) this.refuse();
    const backup = (await listBackups(this.dataDir)).find((b) => b.name === name);
    if (!backup) throw new AppError('errors.notFound');
    const { data } = parseSnapshot(await fs.readFile(backup.file, 'utf8'), this.now());
    await this.betweenChanges(async () => {
      if (this.snapshotExists) await writeBackup(this.dataDir, JSON.stringify(this.low.data), this.seq, 'restore', this.now());
      data.seq = Math.max(data.seq, this.seq, this.lastBackupSeq);
      this.setData(data);
      await this.low.write();
      this.snapshotExists = true;
    });
    this.restoreOffer = undefined;
    this.notices.splice(0, this.notices.length, ...this.notices.filter((n) => n.code !== 'store.missingWithBackups'));
    this.tell({ seq: this.seq, writes: [], reload: true });
  }

  // ---- One writer ----

  /** The lock was lost (a suspended laptop, a stale-lock takeover): never write over another program's changes. */
  private async checkLock(): Promise<void> {
    const lock = this.lock;
    if (!lock || !this.access.writable) return;
    if (await this.files.isChangedElsewhere()) return this.goReadOnly('store.changedElsewhere', {});
    if (await lock.reacquire()) return;
    const owner = await readLockOwner(this.dataDir);
    this.goReadOnly('store.lockTaken', { owner: owner?.kind ?? 'unknown', since: readableTime(owner?.since ?? '') });
  }

  /** Tells the user once: the same notice again (a backup failing every hour) is not repeated. */
  private notify(notice: StoreNotice): void {
    const same = (n: StoreNotice) => n.code === notice.code && JSON.stringify(n.params) === JSON.stringify(notice.params);
    if (this.notices.some(same)) return;
    this.notices.push(notice);
    // No write: screens reload only the data folder's status.
    this.tell({ seq: this.seq, writes: [] });
  }

  private goReadOnly(code: string, params: Record<string, string | number>): void {
    if (!this.access.writable) return;
    this.access = { writable: false, code, params, canReopen: true };
    clearTimeout(this.idleTimer);
    this.notify({ code, params, level: 'error' });
  }

  /** Reads the folder again as it is on disk now, taking the lock back: after a lock loss or a read-only folder. */
  async reopen(): Promise<void> {
    await this.settle();
    await this.files.close();
    // Another program may have taken the folder and let it go before our lock noticed.
    await this.lock?.verify();
    if (this.lock?.compromised) {
      if (!(await this.lock.reacquire())) {
        const owner = await readLockOwner(this.dataDir);
        if (!owner) throw new AppError('store.lockedUnknown');
        throw new AppError('store.locked', { owner: owner.kind, since: readableTime(owner.since) });
      }
    } else if (!this.lock && !this.options.readOnly) {
      try {
        this.lock = await acquireLock(this.dataDir, this.options.kind ?? 'app', this.options.now, this.options.lockTimings);
        this.lock.onCompromised(() => this.track(this.checkLock()));
      } catch (error) {
        if (PERMISSION.has((error as NodeJS.ErrnoException).code ?? '')) throw new AppError('store.folderReadOnly');
        throw error;
      }
    }
    this.notices.length = 0;
    this.restoreOffer = undefined;
    this.access = this.lock ? { writable: true } : { writable: false, code: 'store.readOnly' };
    this.snapshotExists = false;
    this.setData(emptyDatabase());
    try {
      await this.load();
    } catch (error) {
      // What is on disk now cannot be opened (a newer version wrote it…): nothing is written over it.
      const { code, params } = error instanceof AppError ? error : new AppError('errors.unexpected');
      this.access = { writable: false, code, params, canReopen: true };
      throw error;
    }
    this.tell({ seq: this.seq, writes: [], reload: true });
  }

  private tell(notice: ChangeNotice): void {
    for (const listener of this.listeners) listener(notice);
  }

  // ---- Closing ----

  private async settle(): Promise<void> {
    await this.changes;
    while (this.background.size > 0) await Promise.all([...this.background]);
    await this.files.flush();
  }

  async flush(): Promise<void> {
    await this.settle();
  }

  /** Waits for pending writes, folds the journal into the snapshot, backs up, then unlocks the folder. */
  async close(): Promise<void> {
    clearInterval(this.backupTimer);
    clearTimeout(this.idleTimer);
    await this.settle();
    if (this.writable && this.files.journalSize > 0) await this.compactInBackground();
    // The snapshot now holds every change (unless the compaction failed): the state to keep at quit.
    if (this.writable && this.snapshotExists && this.files.journalSize === 0 && this.seq > this.lastBackupSeq) {
      await this.backup('quit', 'snapshot');
    }
    await this.settle();
    await this.files.close();
    await this.lock?.release().catch(() => undefined);
  }
}
