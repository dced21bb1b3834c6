// The only code that turns the data into bytes on disk (encryption at rest will slot in here).
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';

/** The file operations a test can replace to simulate a full disk or a crash at a given step. */
export interface FileOps {
  rename(from: string, to: string): Promise<void>;
  /** Makes an appended journal line durable. */
  datasync?(handle: fs.FileHandle): Promise<void>;
}

const RETRYABLE = new Set(['EPERM', 'EBUSY', 'EACCES']);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Windows antivirus and indexers hold files briefly: a rename over them fails for a moment. */
async function renameWithRetry(ops: FileOps, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await ops.rename(from, to);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (!RETRYABLE.has(code) || attempt >= 8) throw error;
      await sleep(20 * 2 ** attempt);
    }
  }
}

async function fsyncDirectory(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open a directory for fsync; the rename is still atomic there.
  } finally {
    await handle?.close();
  }
}

/**
 * A text file written atomically: a uniquely named temp file in the same folder, fsync, rename over
 * the target, fsync the folder. Writes run one at a time, in order; a crash at any point leaves either
 * the old file or the new one, never a mix.
 */
export class DurableTextFile implements Adapter<string> {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly ops: FileOps = { rename: fs.rename },
  ) {}

  async read(): Promise<string | null> {
    try {
      return await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Writes text, or exact bytes (a backup's copy of a file whatever it holds). */
  write(text: string | Uint8Array): Promise<void> {
    const run = this.queue.then(() => this.writeNow(text));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves once every write queued so far is on disk. */
  flush(): Promise<void> {
    return this.queue;
  }

  private async writeNow(text: string | Uint8Array): Promise<void> {
    const dir = path.dirname(this.file);
    const temp = path.join(dir, `.${path.basename(this.file)}.${randomUUID()}.tmp`);
    try {
      const handle = await fs.open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(text);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await renameWithRetry(this.ops, temp, this.file);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
    await fsyncDirectory(dir);
  }
}

/** Temp files left by a write that a crash interrupted: never the data, safe to remove. */
export async function removeStaleTempFiles(file: string): Promise<void> {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names.filter((n) => n.startsWith(prefix) && n.endsWith('.tmp')).map((n) => fs.rm(path.join(dir, n), { force: true })),
  );
}
