// A channel is declared once: its name (the key in its domain's table), its input schema, and its
// handler, whose return type is the channel's output. Handlers read through a read-only view and
// change data only inside a transaction.
import type { z } from 'zod';
import type { Language, LetterFormat } from '../domain/enums';
import type { ExpertsData, NominationData } from '../domain/document-data';
import type { SheetData } from '../people-io/fields';
import type { Patch } from '../domain/fields';
import type { FieldsOf, Records } from '../store/collections';
import type { NewRecord, ReadView, Tx } from '../store/model';
import type { DataStore } from '../store/status';
import { idInput } from '../domain/inputs';

/** What the process running the channels provides: the Electron app, browser mode or the CLI. */
export interface Host {
  version: string;
  shell: 'electron' | 'web';
  /** Opens an http(s) address in the user's browser; false where this host cannot. */
  openExternal(url: string): Promise<boolean>;
  /** Opens a file of the data folder (an original letter) with the system's program; absent where it cannot. */
  openPath?(file: string): Promise<boolean>;
  /**
   * Asks where to save a file (the native dialog) and writes it there: the name it was saved under, or
   * null when the user cancelled. Absent where the renderer downloads the file instead (browser mode).
   */
  saveFile?(suggestedName: string, bytes: Uint8Array): Promise<string | null>;
}

/** Letter files, done by Node (read, fingerprint, keep the original): given to the channels so that they stay free of Node. */
export interface LetterFiles {
  read(bytes: Uint8Array, fileName: string): Promise<{ text: string; format: LetterFormat; attachments: string[] }>;
  fingerprint(text: string): string;
  /** Keeps a file under attachments/ with this extension (a letter's format, or a contribution file's): its generated name. */
  save(dataDir: string, bytes: Uint8Array, extension: string): Promise<string>;
  remove(dataDir: string, name: string): Promise<void>;
  pathOf(dataDir: string, name: string): string | null;
}

/** Spreadsheets of people, read and written by Node (papaparse, exceljs). */
export interface SheetFiles {
  read(bytes: Uint8Array, fileName: string): Promise<SheetData>;
  write(format: 'csv' | 'xlsx', sheetName: string, headers: string[], rows: (string | number | boolean | null | undefined)[][]): Promise<Uint8Array>;
}

/** Official documents as .docx, built by Node (the docx package). */
export interface DocumentFiles {
  nomination(data: NominationData, language: Language): Promise<Uint8Array>;
  experts(data: ExpertsData, language: Language): Promise<Uint8Array>;
}

export interface Context {
  store: DataStore;
  host: Host;
  now: () => Date;
  letters: LetterFiles;
  sheets: SheetFiles;
  documents: DocumentFiles;
}

/** What one call's handler gets. */
export interface CallContext extends Context {
  read: ReadView;
  /** Runs a transaction; the warnings it raises go back with the call's result. */
  change<T>(apply: (tx: Tx) => T): Promise<T>;
}

export interface ChannelDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  handler(input: z.output<I>, context: CallContext): O | Promise<O>;
}

export function defineChannel<I extends z.ZodType, O>(
  input: I,
  handler: (input: z.output<I>, context: CallContext) => O | Promise<O>,
): ChannelDef<I, O> {
  return { input, handler };
}

/** How many records share each key (participations per event, per person). */
export function countBy<T>(records: readonly T[], key: (record: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
  return counts;
}

type Collection = keyof Records;
type Schema<T> = z.ZodType<T, any>;

/** get, create, update (a patch) and delete (a tombstone, with cascades) for one collection. */
export function crudChannels<P extends string, C extends Collection>(
  prefix: P,
  collection: C,
  schemas: { create: Schema<NewRecord<C>>; patch: Schema<{ id: string } & Patch<FieldsOf[C]>> },
) {
  type R = Readonly<Records[C]>;
  return {
    [`${prefix}:get`]: defineChannel(idInput, ({ id }, { read }): R => read[collection].get(id) as R),
    [`${prefix}:create`]: defineChannel(schemas.create, (values, { change }) =>
      change((tx): R => tx[collection].create(values as never) as R),
    ),
    [`${prefix}:update`]: defineChannel(schemas.patch, ({ id, ...patch }, { change }) =>
      change((tx): R => tx[collection].update(id, patch as never) as R),
    ),
    [`${prefix}:delete`]: defineChannel(idInput, ({ id }, { change }) =>
      change((tx) => {
        tx[collection].delete(id);
        return { id };
      }),
    ),
  } as {
    [K in `${P}:get`]: ChannelDef<typeof idInput, R>;
  } & {
    [K in `${P}:create`]: ChannelDef<typeof schemas.create, R>;
  } & {
    [K in `${P}:update`]: ChannelDef<typeof schemas.patch, R>;
  } & {
    [K in `${P}:delete`]: ChannelDef<typeof idInput, { id: string }>;
  };
}
