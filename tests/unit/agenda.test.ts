// An event's agenda pasted from the letter that announces it gives the items a contribution is filed under.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agendaItems } from '../../main/domain/agenda';

const SEED = readFileSync(path.resolve(import.meta.dirname, '../fixtures/letters/seeds/fr_DM-22-1004_wtdc21-invitation.txt'), 'utf8');

describe('agendaItems', () => {
  it('reads the 14 items of the DM-22/1004 draft agenda, its headings and sub-items left out', () => {
    const annex = SEED.slice(SEED.indexOf("Projet d'ordre du jour Conférence"));
    const items = agendaItems(annex);
    expect(items.map((i) => i.number)).toEqual(Array.from({ length: 14 }, (_, i) => String(i + 1)));
    expect(items[1].title).toBe('Rapport du Groupe consultatif pour le développement des télécommunications');
    expect(items[13].title).toBe('Divers');
  });

  it('numbers a list typed without numbers, in order', () => {
    expect(agendaItems('Opening\n\n- Adoption of the agenda\nAny other business')).toEqual([
      { number: '1', title: 'Opening' },
      { number: '2', title: 'Adoption of the agenda' },
      { number: '3', title: 'Any other business' },
    ]);
  });

  it('reads "1.", "2)", "Item 3:" and Arabic or Chinese titles', () => {
    expect(agendaItems('1. Ouverture\n2) 通过议程\nItem 3: اعتماد جدول الأعمال')).toEqual([
      { number: '1', title: 'Ouverture' },
      { number: '2', title: '通过议程' },
      { number: '3', title: 'اعتماد جدول الأعمال' },
    ]);
  });

  it('gives nothing for an empty agenda', () => {
    expect(agendaItems('  \n')).toEqual([]);
  });
});
