import type { Handlers } from './types';

export const settingsHandlers: Pick<
  Handlers,
  'app:status' | 'app:openExternal' | 'settings:get' | 'settings:update' | 'profile:get' | 'profile:update'
> = {
  'app:status': (_input, { store, host }) => ({
    version: host.version,
    dataDir: store.dataDir,
    notices: store.notices,
    shell: host.shell,
  }),

  'app:openExternal': async ({ url }, { host }) => {
    const opened = isWebAddress(url) ? await host.openExternal(url) : false;
    return { opened };
  },

  'settings:get': (_input, { store }) => store.data.settings,

  'settings:update': (input, { store, now }) =>
    store.change((data) => {
      Object.assign(data.settings, input, { updatedAt: now().toISOString() });
      return data.settings;
    }),

  'profile:get': (_input, { store }) => store.data.profile,

  'profile:update': (input, { store, now }) =>
    store.change((data) => {
      data.profile = { ...input, updatedAt: now().toISOString() };
      return data.profile;
    }),
};

/** Only http(s) addresses, parsed, ever leave the app (no file:, javascript:, custom schemes). */
export function isWebAddress(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}
