// The contract between the renderer and main, derived from the channel table: each channel's input
// and output types. The renderer imports this file for types only.
import type { z } from 'zod';
import type { ErrorPayload } from '../errors';
import type { Warning } from '../store/model';
import type { Channels } from './table';

export type Channel = keyof Channels & string;
export type Input<C extends Channel> = z.input<Channels[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Channels[C]['input']>;
export type Output<C extends Channel> = Awaited<ReturnType<Channels[C]['handler']>>;

/** What every transport (IPC, HTTP) returns: a value (with any warnings), or an error the renderer can translate. */
export type Result<T> = { ok: true; value: T; warnings?: Warning[] } | { ok: false; error: ErrorPayload };

export type { AppStatus } from './channels/app';
export type { Delegation, DelegationMember } from './channels/delegation';
export type { EventSummary } from './channels/events';
export type { DeadlineSummary, InvitationSummary, LetterReading } from './channels/letters';
export type { PeopleImportResult, PeoplePreview, PreviewRow } from './channels/people-sheets';
export type { Delivered } from './deliver';
export type { ContributionSummary } from './channels/contributions';
export type { PersonEvent, PersonMatch, PersonRecord, PersonSearch, PersonSummary } from './channels/people';
export type { Warning };
