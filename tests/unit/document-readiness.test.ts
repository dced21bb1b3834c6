// Before a document is made, what it lacks is listed as things to fix.
import { describe, expect, it } from 'vitest';
import { documentReadiness, type ReadinessInput } from '../../main/domain/document-readiness';

const person = (id: string, passport = false) => ({ id, givenName: 'Amina', familyName: id, ...(passport ? { passportNumber: 'C01234521', passportExpires: '2030-01-01' } : {}) });
const ready: ReadinessInput = {
  event: { acronym: 'WTDC-25', name: 'World Telecommunication Development Conference' },
  profile: { administration: 'Ministère du Numérique', signatoryName: 'Awa Ndiaye' },
  members: [
    { role: 'head', visa: 'notNeeded', person: person('Head') },
    { role: 'expert', visa: 'needed', person: person('Expert', true) },
  ],
  lettersAwaitingReply: 1,
};
const missingOf = (input: ReadinessInput) => Object.fromEntries(documentReadiness(input).map((d) => [d.kind, d.missing.map((m) => m.code)]));

describe('documentReadiness', () => {
  it('has nothing to fix for a complete file; credentials only for PP and WRC', () => {
    expect(missingOf(ready)).toEqual({ nomination: [], experts: [], visa: [], focalPoint: [], reply: [], pack: [] });
    expect(Object.keys(missingOf({ ...ready, event: { acronym: 'PP-26', name: 'Plenipotentiary Conference' } }))).toContain('credentials');
    expect(Object.keys(missingOf({ ...ready, event: { acronym: '', name: 'Conférence mondiale des radiocommunications (CMR-27)' } }))).toContain('credentials');
  });

  it('names what is missing: the letterhead, a head, experts, a visa delegate\'s passport, a letter to answer', () => {
    const lacking = missingOf({
      ...ready,
      profile: { administration: ' ', signatoryName: '' },
      members: [{ role: 'delegate', visa: 'letterRequested', person: person('Aliyeva') }],
      lettersAwaitingReply: 0,
    });
    expect(lacking.nomination).toEqual(['noAdministration', 'noSignatory', 'noHead']);
    expect(lacking.experts).toEqual(['noAdministration', 'noSignatory', 'noExperts']);
    expect(lacking.visa).toEqual(['noAdministration', 'noSignatory', 'noPassport']);
    expect(lacking.reply).toEqual(['noAdministration', 'noSignatory', 'noLetterToAnswer']);
    expect(missingOf({ ...ready, members: [] }).nomination).toEqual(['noMembers']);
    const visa = documentReadiness({ ...ready, members: [{ role: 'delegate', visa: 'needed', person: person('Aliyeva') }] }).find((d) => d.kind === 'visa');
    expect(visa?.missing).toEqual([{ code: 'noPassport', personId: 'Aliyeva', name: 'Amina Aliyeva' }]);
  });
});
