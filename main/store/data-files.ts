// The data's bytes on disk: a snapshot (the whole data, rewritten atomically) and a journal beside it
// (one line per committed change, fsynced before the change is acknowledged). This is lowdb's adapter
// and the only code that writes them (encryption at rest will slot in here).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { Adapter } from 'lowdb';
import { AppError } from '../errors';
import { DurableTextFile, type FileOps } from './durable-file';
import type { Write } from './model';
import { DATA_FILE, type Database } from './schema';

export const JOURNAL_FILE = 'delegation-desk.journal';
/** Past this, reading the file would exhaust memory (V8 strings stop at 512 MiB): refused with a message. */
export const MAX_DATA_BYTES = 256 * 2 ** 20;

export interface JournalEntry {
  seq: number;
  /** When the change was made (ISO). */
  at: string;
  fileId: string;
  device: string;
  w: Write[];
}

/** A good journal line: its entry, its text as on disk, where it ends, and its line number. */
export interface JournalLine {
  entry: JournalEntry;
  text: string;
  end: number;
  number: number;
}

export interface JournalRead {
  /** The lines after the snapshot's seq, in order. */
  lines: JournalLine[];
  /** Length of the journal up to the end of its last good line. */
  goodBytes: number;
  /** The end of the file held a line that was never completed (a crash mid-append): dropped. */
  torn: boolean;
  /** A bad line with good lines after it: the journal is damaged, not just torn. */
  damagedAtLine?: number;
  /** Good lines after the damage (lost with it). */
  lostAfterDamage: number;
}

interface Identity {
  ino: number;
  size: number;
  mtimeMs: number;
}

const checksum = (json: string) => crc32(json).toString(16).padStart(8, '0');

export function journalLine(entry: JournalEntry): string {
  const json = JSON.stringify(entry);
  return `${checksum(json)} ${json}\n`;
}

/** One line's entry, or null when its checksum or JSON does not hold. */
function parseLine(line: string): JournalEntry | null {
  const json = line.slice(9);
  if (line[8] !== ' ' || line.slice(0, 8) !== checksum(json)) return null;
  try {
    const entry = JSON.parse(json) as JournalEntry;
    return Number.isSafeInteger(entry.seq) && Array.isArray(entry.w) ? entry : null;
  } catch {
    return null;
  }
}

/**
 * Reads a journal's bytes against the snapshot it extends: lines at or below the snapshot's seq were
 * already folded into it; the rest must follow one another without a gap and belong to the same file.
 */
export function parseJournal(bytes: Buffer, fileId: string, snapshotSeq: number): JournalRead {
  const result: JournalRead = { lines: [], goodBytes: 0, torn: false, lostAfterDamage: 0 };
  let expected = snapshotSeq + 1;
  let badLine: number | undefined;
  let start = 0;
  for (let number = 1; start < bytes.length; number++) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline + 1;
    const text = bytes.toString('utf8', start, end);
    start = end;
    // A line without its newline was cut short by a crash: never acknowledged, and the next append would join it.
    const entry = newline === -1 ? null : parseLine(text.slice(0, -1));
    if (entry === null || entry.fileId !== fileId) {
      badLine ??= number;
      continue;
    }
    // A good line after a bad one, or after a gap, means lines were lost from the middle.
    if (result.damagedAtLine !== undefined || badLine !== undefined || entry.seq > expected) {
      result.damagedAtLine ??= badLine ?? number;
      result.lostAfterDamage++;
      continue;
    }
    if (entry.seq === expected) {
      result.lines.push({ entry, text, end, number });
      expected++;
    }
    result.goodBytes = end;
  }
  result.torn = badLine !== undefined && result.damagedAtLine === undefined;
  return result;
}

/** A data file's bytes, null when it does not exist; anything that stops it being read is a translated refusal. */
async function readDataFile(file: string): Promise<Buffer | null> {
  const name = path.basename(file);
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AppError('store.unreadable', { file: name });
  }
  if (!stat.isFile()) throw new AppError('store.notAFile', { file: name });
  if (stat.size > MAX_DATA_BYTES) {
    throw new AppError('store.tooLarge', { file: name, size: Math.round(stat.size / 2 ** 20), max: MAX_DATA_BYTES / 2 ** 20 });
  }
  try {
    return await readWhole(file);
  } catch {
    throw new AppError('store.unreadable', { file: name });
  }
}

/** One read of the whole file (fs.readFile reads in 512 KiB chunks and decodes as it goes: slower for a large snapshot). */
async function readWhole(file: string): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const { bytesRead } = await handle.read(buffer, read, size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return buffer.subarray(0, read);
  } finally {
    await handle.close();
  }
}

async function identity(file: string): Promise<Identity | null> {
  try {
    const s = await fs.stat(file);
    return { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs };
  } catch {
    return null;
  }
}

const sameIdentity = (a: Identity | null, b: Identity | null) =>
  a === b || (a !== null && b !== null && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs);

export class DataFiles implements Adapter<Database> {
  readonly snapshotFile: string;
  readonly journalFile: string;
  private readonly snapshot: DurableTextFile;
  private readonly journalWriter: DurableTextFile;
  private handle?: fs.FileHandle;
  private journalBytes = 0;
  /** Lines appended since the journal was last rewritten: what a rewrite keeps. */
  private lines: { seq: number; text: string }[] = [];
  /** A failed append could not be cut back: the journal must be rewritten before the next one. */
  private journalNeedsRewrite = false;
  private snapshotWrites = 0;
  /** One journal operation at a time (appends and rewrites). */
  private queue: Promise<unknown> = Promise.resolve();
  private known: { snapshot: Identity | null; journal: Identity | null } = { snapshot: null, journal: null };

  constructor(
    readonly dataDir: string,
    private readonly fileOps?: FileOps,
  ) {
    this.snapshotFile = path.join(dataDir, DATA_FILE);
    this.journalFile = path.join(dataDir, JOURNAL_FILE);
    this.snapshot = new DurableTextFile(this.snapshotFile, fileOps);
    this.journalWriter = new DurableTextFile(this.journalFile, fileOps);
  }

  /** lowdb's read: the store loads through readSnapshot() and readJournal() to tell faults apart. */
  async read(): Promise<Database | null> {
    return null;
  }

  /** The snapshot's text, null when there is none; too large, a folder, or unreadable: a translated refusal. */
  async readSnapshot(): Promise<string | null> {
    return (await readDataFile(this.snapshotFile))?.toString('utf8') ?? null;
  }

  readJournal(): Promise<Buffer | null> {
    return readDataFile(this.journalFile);
  }

  /** After load: appends go after the journal's last good line (a torn tail is cut off). */
  async startAppending(goodBytes: number, lines: { seq: number; text: string }[]): Promise<void> {
    this.lines = lines;
    this.journalBytes = goodBytes;
    const size = (await identity(this.journalFile))?.size ?? 0;
    if (size !== goodBytes) await fs.truncate(this.journalFile, goodBytes).catch(() => (this.journalNeedsRewrite = true));
    await this.remember();
  }

  get journalSize(): number {
    return this.journalBytes;
  }

  /**
   * lowdb's write: the whole data as the new snapshot (temp file, fsync, rename), then a journal holding
   * only the changes made since (so a crash in between replays nothing twice: those lines are skipped).
   */
  write(data: Database): Promise<void> {
    return this.writeSnapshot(JSON.stringify(data), data.seq);
  }

  /** The snapshot from its text (taken earlier, between two changes), holding changes up to `seq`. */
  async writeSnapshot(text: string, seq: number): Promise<void> {
    if (await this.enqueue(() => this.changedElsewhere())) throw new AppError('store.changedElsewhere');
    this.snapshotWrites++;
    try {
      await this.snapshot.write(text);
      this.known.snapshot = await identity(this.snapshotFile);
    } finally {
      this.snapshotWrites--;
    }
    await this.enqueue(() => this.rewriteJournal(seq));
  }

  /** Appends one committed change and resolves once it is on disk. */
  append(entry: JournalEntry): Promise<void> {
    return this.enqueue(async () => {
      if (await this.changedElsewhere()) throw new AppError('store.changedElsewhere');
      if (this.journalNeedsRewrite) await this.rewriteJournal(-1);
      const text = journalLine(entry);
      try {
        this.handle ??= await fs.open(this.journalFile, 'a', 0o600);
        await this.handle.write(text);
        await (this.fileOps?.datasync ? this.fileOps.datasync(this.handle) : this.handle.datasync());
      } catch (error) {
        // Nothing half-written may stay before the next line: cut back to the last good one.
        await this.closeHandle();
        await fs.truncate(this.journalFile, this.journalBytes).catch(() => (this.journalNeedsRewrite = true));
        await this.remember();
        throw error;
      }
      this.journalBytes += Buffer.byteLength(text);
      this.lines.push({ seq: entry.seq, text });
      // An append changes the journal only: the snapshot's identity stays as it was.
      this.known.journal = await identity(this.journalFile);
    });
  }

  /** True when the snapshot or journal is not as this process last left it: another program wrote them. */
  isChangedElsewhere(): Promise<boolean> {
    return this.enqueue(() => this.changedElsewhere());
  }

  private async changedElsewhere(): Promise<boolean> {
    const [snapshot, journal] = await Promise.all([identity(this.snapshotFile), identity(this.journalFile)]);
    // Our own snapshot write in progress renames the file under us; the journal still tells.
    const snapshotMoved = this.snapshotWrites === 0 && !sameIdentity(snapshot, this.known.snapshot);
    return snapshotMoved || !sameIdentity(journal, this.known.journal);
  }

  /** Resolves once every queued journal operation is done. */
  async flush(): Promise<void> {
    await this.queue.catch(() => undefined);
    await this.snapshot.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    await this.closeHandle();
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async rewriteJournal(afterSeq: number): Promise<void> {
    this.lines = this.lines.filter((l) => l.seq > afterSeq);
    const text = this.lines.map((l) => l.text).join('');
    await this.closeHandle();
    await this.journalWriter.write(text);
    this.journalBytes = Buffer.byteLength(text);
    this.journalNeedsRewrite = false;
    await this.remember();
  }

  private async closeHandle(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close().catch(() => undefined);
  }

  private async remember(): Promise<void> {
    const [snapshot, journal] = await Promise.all([identity(this.snapshotFile), identity(this.journalFile)]);
    this.known = { snapshot, journal };
  }
}
