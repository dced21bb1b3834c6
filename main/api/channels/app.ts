import { z } from 'zod';
import { externalUrlInput } from '../../domain/inputs';
import type { Access, BackupSummary, StoreNotice } from '../../store/status';
import { defineChannel } from '../channel';

export const none = z.object({}).strict().optional();

export interface AppStatus {
  version: string;
  dataDir: string;
  notices: StoreNotice[];
  access: Access;
  /** The data file is missing but a backup exists: offered for restore. */
  restoreOffer?: BackupSummary;
  /** 'electron' in the desktop app, 'web' in browser mode. */
  shell: 'electron' | 'web';
}

/** Only http(s) addresses, parsed, ever leave the app (no file:, javascript:, custom schemes). */
export function isWebAddress(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

const summary = (b: BackupSummary | undefined): BackupSummary | undefined =>
  b && { name: b.name, seq: b.seq, createdAt: b.createdAt };

export const appChannels = {
  'app:status': defineChannel(none, (_input, { store, host }): AppStatus => ({
    version: host.version,
    dataDir: store.dataDir,
    notices: [...store.notices],
    access: store.access,
    restoreOffer: summary(store.restoreOffer),
    shell: host.shell,
  })),

  'app:openExternal': defineChannel(externalUrlInput, async ({ url }, { host }) => ({
    opened: isWebAddress(url) ? await host.openExternal(url) : false,
  })),

  /** Reads the data folder again as it is on disk (after a lock loss or a read-only folder). */
  'app:reopen': defineChannel(none, async (_input, { store }) => {
    await store.reopen();
    return { access: store.access };
  }),

  'app:restoreBackup': defineChannel(z.object({ name: z.string().min(1).max(200) }), async ({ name }, { store }) => {
    await store.restore(name);
    return { seq: store.seq };
  }),

  /** The change feed: every record written after `seq`. */
  /** How many events and people the file holds: the Dashboard's counts, without loading every person. */
  'app:totals': defineChannel(none, (_input, { read }) => ({ events: read.events.list().length, people: read.people.list().length })),
  'app:changesSince': defineChannel(z.object({ seq: z.number().int().min(0) }), ({ seq }, { store }) => ({
    seq: store.seq,
    changes: store.changesSince(seq).map(([collection, record]) => ({ collection, record })),
  })),
};
