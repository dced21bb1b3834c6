// What the store tells the rest of the app about itself (plain types: the renderer may import them).
import type { ReadView, Tx, Warning, Write } from './model';

/** Something the user must be told about the data folder. */
export interface StoreNotice {
  code: string;
  params: Record<string, string | number>;
  /** error: data could not be used as it was (moved aside, refused); warning: working, with a limit. */
  level: 'info' | 'warning' | 'error';
}

/** Whether changes can be made, and if not why (an i18n key) and whether reopening may help. */
export interface Access {
  writable: boolean;
  code?: string;
  params?: Record<string, string | number>;
  canReopen?: boolean;
}

/** What one change touched: live screens reload only what depends on it. */
export interface ChangeNotice {
  seq: number;
  /** Each record written: its collection (or singleton), id, and the records it points to (eventId…). */
  writes: { name: string; id?: string; refs?: Record<string, string> }[];
  /** The whole data was replaced (restored, reopened): everything reloads. */
  reload?: boolean;
}

export interface BackupSummary {
  name: string;
  seq: number;
  createdAt: string;
}

/** The store as the channels see it: reads through a read-only view, changes only in a transaction. */
export interface DataStore {
  readonly dataDir: string;
  readonly notices: readonly StoreNotice[];
  readonly access: Access;
  readonly restoreOffer?: BackupSummary;
  readonly seq: number;
  readonly deviceId: string;
  view(): ReadView;
  change<T>(apply: (tx: Tx) => T, warnings?: Warning[]): Promise<T>;
  changesSince(seq: number): Write[];
  onChange(listener: (notice: ChangeNotice) => void): () => void;
  reopen(): Promise<void>;
  restore(name: string): Promise<void>;
  backupBefore(reason: 'merge'): Promise<string>;
}
