// The child of the writer-kill test: makes changes as fast as it can in a data folder and prints the
// marker of each change once it is acknowledged (on disk). The parent SIGKILLs it at random moments.
import { Store } from '../../main/store/store';

const [dataDir, start] = process.argv.slice(2);
// Small thresholds, so that kills also land during snapshot rewrites and backups.
const store = await Store.open(dataDir, { kind: 'cli', compactBytes: 16_000, idleMs: 5 });
store.startPeriodicBackups(20, 0);

for (let marker = Number(start); ; marker++) {
  await store.change((tx) => {
    // Three records in one transaction: after a kill, all three are there or none.
    const event = tx.events.create({
      name: `Event ${marker}`, acronym: `M-${marker}`, kind: 'forum', organiser: 'ITU', city: 'Geneva',
      startDate: '2026-07-06', endDate: '2026-07-10', modality: 'inPerson', website: '', status: 'invited', notes: `${marker}`, agenda: '', rulesOff: [],
    });
    const person = tx.people.create({
      title: '', givenName: 'Marker', familyName: `${marker}`, gender: 'female', organisation: '', function: '', email: '', phone: '',
      biography: '', passportName: '', placeOfBirth: '', passportNumber: '',
    });
    tx.participations.create({ eventId: event.id, personId: person.id, role: 'delegate', attendance: 'inPerson', registrationStatus: 'notStarted', visa: 'notNeeded', credentials: false, notes: '' });
    if (marker % 7 === 0) tx.settings.update({ youthMaxAge: 20 + (marker % 50) });
  });
  process.stdout.write(`${marker}\n`);
}
