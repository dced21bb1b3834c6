// What an event's documents need before they can be made, said as things to fix (no head of delegation,
// no signatory, a visa delegate without passport data) rather than as an error after the fact.
import { seriesOf } from './deadline-rules';
import type { Role, VisaStatus } from './enums';

export type DocumentKind = 'nomination' | 'experts' | 'credentials' | 'visa' | 'focalPoint' | 'reply' | 'pack';

export type Missing =
  | { code: 'noAdministration' }
  | { code: 'noSignatory' }
  | { code: 'noMembers' }
  | { code: 'noHead' }
  | { code: 'noExperts' }
  | { code: 'noVisaNeeded' }
  | { code: 'noPassport'; personId: string; name: string }
  | { code: 'noLetterToAnswer' };

export interface ReadinessInput {
  event: { acronym: string; name: string };
  profile: { administration: string; signatoryName: string };
  /** Members not cancelled. */
  members: readonly { role: Role; visa: VisaStatus; person: { id: string; givenName: string; familyName: string; passportNumber?: string; passportExpires?: string } }[];
  lettersAwaitingReply: number;
}

export interface DocumentReadiness {
  kind: DocumentKind;
  missing: Missing[];
}

/** Credentials are for treaty-making conferences only (DOMAIN.md): PP and WRC. */
export const needsCredentials = (event: { acronym: string; name: string }) => ['PP', 'WRC'].includes(seriesOf(event) ?? '');

const VISA_PENDING: ReadonlySet<VisaStatus> = new Set(['needed', 'letterRequested', 'letterReceived']);

export function documentReadiness({ event, profile, members, lettersAwaitingReply }: ReadinessInput): DocumentReadiness[] {
  const letterhead: Missing[] = [
    ...(profile.administration.trim() ? [] : [{ code: 'noAdministration' } as const]),
    ...(profile.signatoryName.trim() ? [] : [{ code: 'noSignatory' } as const]),
  ];
  const delegation: Missing[] = members.length === 0 ? [{ code: 'noMembers' }] : members.some((m) => m.role === 'head') ? [] : [{ code: 'noHead' }];
  const visaMembers = members.filter((m) => VISA_PENDING.has(m.visa));
  const withoutPassport: Missing[] = visaMembers
    .filter((m) => !m.person.passportNumber || !m.person.passportExpires)
    .map((m) => ({ code: 'noPassport', personId: m.person.id, name: `${m.person.givenName} ${m.person.familyName}` }));
  const list: DocumentReadiness[] = [
    { kind: 'nomination', missing: [...letterhead, ...delegation] },
    { kind: 'experts', missing: [...letterhead, ...(members.some((m) => m.role === 'expert') ? [] : [{ code: 'noExperts' } as const])] },
    ...(needsCredentials(event) ? [{ kind: 'credentials' as const, missing: [...letterhead, ...delegation] }] : []),
    { kind: 'visa', missing: [...letterhead, ...(visaMembers.length === 0 ? [{ code: 'noVisaNeeded' } as const] : withoutPassport)] },
    { kind: 'focalPoint', missing: letterhead },
    { kind: 'reply', missing: [...letterhead, ...(lettersAwaitingReply > 0 ? [] : [{ code: 'noLetterToAnswer' } as const])] },
    { kind: 'pack', missing: [...letterhead, ...delegation, ...withoutPassport] },
  ];
  return list;
}
