// Every channel of the app, by domain. Adding a channel is one entry in its domain's file (plus its strings).
import { appChannels } from './channels/app';
import { contributionChannels } from './channels/contributions';
import { deadlineChannels } from './channels/deadlines';
import { documentChannels } from './channels/documents';
import { delegationChannels } from './channels/delegation';
import { eventChannels } from './channels/events';
import { letterChannels } from './channels/letters';
import { peopleSheetChannels } from './channels/people-sheets';
import { peopleChannels } from './channels/people';
import { settingsChannels } from './channels/settings';

export const channels = {
  ...appChannels,
  ...settingsChannels,
  ...eventChannels,
  ...peopleChannels,
  ...delegationChannels,
  ...letterChannels,
  ...deadlineChannels,
  ...contributionChannels,
  ...documentChannels,
  ...peopleSheetChannels,
};

export type Channels = typeof channels;
