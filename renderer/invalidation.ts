// Which cached answers a change notice makes out of date: by collection and id, not all at once.
import type { Channel } from '../main/api/contract';
import type { ChangeNotice } from '../main/store/status';

type Write = ChangeNotice['writes'][number];

/**
 * Which cached answers a written record makes out of date, by channel. A record is named by its
 * collection, id and the ids it points to; a list depends on every record of its collection.
 */
const DEPENDS: Partial<Record<Channel, (write: Write, input: Record<string, unknown> | undefined) => boolean>> = {
  'events:list': (w) => w.name === 'events' || w.name === 'participations',
  'events:get': (w, input) => w.name === 'events' && w.id === input?.id,
  'people:list': (w) => w.name === 'people' || w.name === 'participations',
  'people:get': (w, input) => w.name === 'people' && w.id === input?.id,
  'people:search': (w) => w.name === 'people' || w.name === 'participations',
  'people:events': (w) => w.name === 'participations' || w.name === 'events',
  'people:duplicates': (w) => w.name === 'people',
  'delegation:get': (w, input) =>
    (w.name === 'events' && w.id === input?.eventId) ||
    (w.name === 'participations' && w.refs?.eventId === input?.eventId) ||
    w.name === 'people' ||
    w.name === 'settings',
  'app:totals': (w) => w.name === 'events' || w.name === 'people',
  'settings:get': (w) => w.name === 'settings',
  'invitations:list': (w) => w.name === 'invitations' || w.name === 'events' || w.name === 'deadlines',
  'invitations:get': (w, input) => w.name === 'invitations' && w.id === input?.id,
  'deadlines:list': (w) => w.name === 'deadlines' || w.name === 'events',
  'profile:get': (w) => w.name === 'profile',
  'contributions:list': (w) => w.name === 'contributions' || w.name === 'events' || w.name === 'deadlines',
  'documents:list': (w) => ['documents', 'events', 'participations', 'people', 'profile', 'invitations'].includes(w.name),
  'contributions:get': (w, input) => w.name === 'contributions' && w.id === input?.id,
};

/** Whether a cached answer must reload after this notice. The data folder's status always does. */
export function isAffected(queryKey: readonly unknown[], notice: ChangeNotice): boolean {
  const [channel, input] = queryKey as [Channel, Record<string, unknown> | undefined];
  if (notice.reload || channel === 'app:status') return true;
  const depends = DEPENDS[channel];
  // A channel not in the table reloads on any write, rather than show stale data.
  if (!depends) return notice.writes.length > 0;
  return notice.writes.some((write) => depends(write, input));
}

