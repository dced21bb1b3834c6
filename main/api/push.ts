// Messages main pushes to the renderer (the other direction of the contract): Electron sends them
// with webContents.send, browser mode as a server-sent events stream (GET /api/push).
import type { ChangeNotice } from '../store/status';

export const PUSH_MESSAGES = ['app:navigate', 'data:changed'] as const;
export type PushMessage = (typeof PUSH_MESSAGES)[number];

/** The screens the desktop menu opens: routes of the renderer's router (its type check proves it). */
export const MENU_ROUTES = ['/', '/events', '/events/new', '/people', '/people/new', '/letters', '/settings'] as const;
export type MenuRoute = (typeof MENU_ROUTES)[number];

export interface PushPayloads {
  /** A menu item asked for a screen. */
  'app:navigate': MenuRoute;
  /** Data or the data folder's state changed: screens reload what depends on it. */
  'data:changed': ChangeNotice;
}
