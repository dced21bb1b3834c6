// The single contract between the renderer and main: each channel's input schema and output type.
// The renderer imports this file for types only.
import { z } from 'zod';
import type { Balance } from '../domain/balance';
import {
  eventInput, eventUpdateInput, externalUrlInput, idInput, participationInput, participationUpdateInput,
  personInput, personUpdateInput, profileInput, settingsInput,
} from '../domain/inputs';
import type { DelegationEvent, Participation, Person, Profile, Settings } from '../domain/model';
import { recordId } from '../domain/model';
import type { Channel } from './channels';

const none = z.object({}).strict().optional();

export const inputs = {
  'app:status': none,
  'app:openExternal': externalUrlInput,
  'settings:get': none,
  'settings:update': settingsInput,
  'profile:get': none,
  'profile:update': profileInput,
  'events:list': none,
  'events:get': idInput,
  'events:create': eventInput,
  'events:update': eventUpdateInput,
  'events:delete': idInput,
  'people:list': none,
  'people:get': idInput,
  'people:create': personInput,
  'people:update': personUpdateInput,
  'people:delete': idInput,
  'delegation:get': z.object({ eventId: recordId }),
  'participations:create': participationInput,
  'participations:update': participationUpdateInput,
  'participations:delete': idInput,
} satisfies Record<Channel, z.ZodType>;

export interface Notice {
  code: string;
  params: Record<string, string | number>;
}

export interface AppStatus {
  version: string;
  dataDir: string;
  notices: Notice[];
  /** 'electron' in the desktop app, 'web' in browser mode. */
  shell: 'electron' | 'web';
}

export interface EventSummary extends DelegationEvent {
  delegationSize: number;
}

export interface PersonSummary extends Person {
  eventCount: number;
}

export interface DelegationMember {
  participation: Participation;
  person: Person;
}

export interface Delegation {
  event: DelegationEvent;
  members: DelegationMember[];
  balance: Balance;
}

export interface Outputs {
  'app:status': AppStatus;
  'app:openExternal': { opened: boolean };
  'settings:get': Settings;
  'settings:update': Settings;
  'profile:get': Profile;
  'profile:update': Profile;
  'events:list': EventSummary[];
  'events:get': DelegationEvent;
  'events:create': DelegationEvent;
  'events:update': DelegationEvent;
  'events:delete': { id: string };
  'people:list': PersonSummary[];
  'people:get': Person;
  'people:create': Person;
  'people:update': Person;
  'people:delete': { id: string };
  'delegation:get': Delegation;
  'participations:create': Participation;
  'participations:update': Participation;
  'participations:delete': { id: string };
}

export type { Channel };
export type Input<C extends Channel> = z.input<(typeof inputs)[C]>;
export type ParsedInput<C extends Channel> = z.output<(typeof inputs)[C]>;
export type Output<C extends Channel> = Outputs[C];

/** What every transport (IPC, HTTP) returns: a value, or an error the renderer can translate. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: import('../errors').ErrorPayload };
