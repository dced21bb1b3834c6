// Messages main sends to the renderer (the other direction of the contract).
export const APP_EVENTS = ['app:navigate'] as const;
export type AppEvent = (typeof APP_EVENTS)[number];

export interface AppEventPayloads {
  /** A menu item asked for a screen: '/settings', '/events', … */
  'app:navigate': string;
}
