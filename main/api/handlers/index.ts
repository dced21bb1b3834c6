import { delegationHandlers } from './delegation';
import { eventHandlers } from './events';
import { peopleHandlers } from './people';
import { settingsHandlers } from './settings';
import type { Handlers } from './types';

export const handlers: Handlers = {
  ...settingsHandlers,
  ...eventHandlers,
  ...peopleHandlers,
  ...delegationHandlers,
};
