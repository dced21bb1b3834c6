// Channel names only: preload imports this list and nothing else of the contract.
export const CHANNELS = [
  'app:status',
  'app:openExternal',
  'settings:get',
  'settings:update',
  'profile:get',
  'profile:update',
  'events:list',
  'events:get',
  'events:create',
  'events:update',
  'events:delete',
  'people:list',
  'people:get',
  'people:create',
  'people:update',
  'people:delete',
  'delegation:get',
  'participations:create',
  'participations:update',
  'participations:delete',
] as const;

export type Channel = (typeof CHANNELS)[number];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}
