import { profilePatchInput, settingsPatchInput } from '../../domain/inputs';
import type { Profile, Settings } from '../../domain/model';
import { defineChannel } from '../channel';
import { planAllDeadlines } from '../rule-deadlines';
import { none } from './app';

export const settingsChannels = {
  'settings:get': defineChannel(none, (_input, { read }): Readonly<Settings> => read.settings),
  'settings:update': defineChannel(settingsPatchInput, (patch, { change }) =>
    change((tx): Readonly<Settings> => {
      const settings = tx.settings.update(patch);
      if (patch.ruleEdits !== undefined) planAllDeadlines(tx);
      return settings;
    })),
  'profile:get': defineChannel(none, (_input, { read }): Readonly<Profile> => read.profile),
  'profile:update': defineChannel(profilePatchInput, (patch, { change }) => change((tx): Readonly<Profile> => tx.profile.update(patch))),
};
