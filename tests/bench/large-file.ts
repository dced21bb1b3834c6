// The large file the benchmarks measure: deterministic, so that every run measures the same data.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONTRIBUTION_STATUSES, DEADLINE_KINDS, EVENT_KINDS, GENDERS, ROLES } from '../../main/domain/enums';
import { DATA_FILE, SCHEMA_VERSION, type Database } from '../../main/store/schema';

export const LARGE = { events: 200, people: 5_000, participations: 20_000 };
/** A ten-year ministry file. */
export const XLARGE = { events: 1_000, people: 20_000, participations: 100_000 };
export type Size = typeof LARGE;

/** A deterministic generator, so that every run measures the same file. */
function random(seed: number) {
  // mulberry32: 32-bit integer arithmetic only, so the sequence never degenerates.
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function database(SIZE: Size): { data: Database; largestEventId: string } {
  const rnd = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const stamp = new Date('2026-01-01T00:00:00Z').toISOString();
  const meta = () => ({ id: randomUUID(), createdAt: stamp, updatedAt: stamp, seq: 0 });
  const day = (year: number, offset: number) => new Date(Date.UTC(year, 0, 1 + offset)).toISOString().slice(0, 10);

  const events = Array.from({ length: SIZE.events }, (_, i) => {
    const start = Math.floor(rnd() * 330);
    return {
      ...meta(), name: `Event ${i}`, acronym: `EV-${i}`, kind: pick(EVENT_KINDS), organiser: 'ITU', city: 'Geneva',
      country: 'CH' as const, startDate: day(2020 + (i % 8), start), endDate: day(2020 + (i % 8), start + 10),
      modality: 'inPerson' as const, website: '', status: 'attending' as const, notes: '', agenda: '', rulesOff: [],
    };
  });
  const people = Array.from({ length: SIZE.people }, (_, i) => ({
    ...meta(), title: '', givenName: `Given${i}`, familyName: `Family${i}`, gender: pick(GENDERS),
    birthDate: rnd() < 0.9 ? day(1950 + Math.floor(rnd() * 55), Math.floor(rnd() * 365)) : undefined,
    organisation: 'Ministry', function: 'Engineer', email: `person${i}@example.org`, phone: '',
    biography: '', passportName: '', placeOfBirth: '', passportNumber: rnd() < 0.5 ? `P${String(i).padStart(8, '0')}` : '',
  }));
  // One large conference (like a WRC delegation), the rest spread over the other events.
  const largest = events[0];
  const seen = new Set<string>();
  const participations: Database['participations'] = [];
  while (participations.length < SIZE.participations) {
    const event = participations.length < SIZE.participations / 20 ? largest : pick(events);
    const person = pick(people);
    if (seen.has(event.id + person.id)) continue;
    seen.add(event.id + person.id);
    participations.push({ ...meta(), eventId: event.id, personId: person.id, role: pick(ROLES), attendance: 'inPerson', registrationStatus: 'confirmed', visa: 'notNeeded', credentials: false, notes: '' });
  }
  // Two letters per event, each with a few deadlines (as a year of ITU circulars gives).
  const invitations: Database['invitations'] = events.flatMap((event, i) => [0, 1].map((n) => ({
    ...meta(), reference: `CL-${24 + n}/${i}`, letterDate: event.startDate, subject: `Invitation ${event.name}`,
    addressees: '', contactEmail: 'meetings@itu.int', eventId: event.id, replyStatus: 'toDo' as const, replyBy: event.startDate,
    notes: '', fileName: `CL-${24 + n}-${i}.pdf`, attachment: `${randomUUID()}.pdf`, format: 'pdf' as const,
    contentHash: randomUUID().replace(/-/g, '').padEnd(64, '0'),
  })));
  const deadlines: Database['deadlines'] = invitations.flatMap((letter) => [0, 1, 2].map((n) => ({
    ...meta(), eventId: letter.eventId, invitationId: letter.id, date: letter.letterDate!, what: `Step ${n}`,
    kind: 'other' as const, source: letter.reference, done: false, ruleId: '', estimated: false,
  })));
  // Contributions (ten an event) and the rest of a busy file's deadlines: 5,000 in all.
  const contributions: Database['contributions'] = events.flatMap((event, i) => Array.from({ length: 10 }, (_, n) => ({
    ...meta(), eventId: event.id, title: `Contribution ${i}.${n}`, agendaItem: String(n + 1), type: 'contribution' as const,
    coSigners: [], authors: [], status: pick(CONTRIBUTION_STATUSES), documentNumber: '', history: [], attachments: [], notes: '',
  })));
  const ruleDeadlines: Database['deadlines'] = Array.from({ length: Math.max(0, 5_000 - deadlines.length) }, (_, i) => {
    const contribution = contributions[i % contributions.length];
    return {
      ...meta(), eventId: contribution.eventId, contributionId: contribution.id, date: day(2026, Math.floor(rnd() * 365) - 60),
      what: `Deadline ${i}`, kind: pick(DEADLINE_KINDS), source: 'Res. 165', done: rnd() < 0.3, ruleId: 'conference.contributions', estimated: true,
    };
  });
  deadlines.push(...ruleDeadlines);
  return {
    data: { schemaVersion: SCHEMA_VERSION, fileId: randomUUID(), seq: 0, profile: { administration: 'Ministry', address: '', signatoryName: '', signatoryTitle: '', documentLanguage: 'en', place: '', referencePattern: '' }, settings: { youthMaxAge: 29, womenTargetPercent: 35, reminderLeadDays: 7, ruleEdits: [] }, events, people, participations, invitations, deadlines, contributions, documents: [] },
    largestEventId: largest.id,
  };
}


/** Writes the large file as a data folder's snapshot; returns the largest event's id. */
export function writeLargeFile(dataDir: string, size: Size = LARGE): string {
  const { data, largestEventId } = database(size);
  writeFileSync(path.join(dataDir, DATA_FILE), JSON.stringify(data));
  return largestEventId;
}
