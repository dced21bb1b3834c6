// A ministry's outgoing references: the pattern filled in, each year's numbers from 1, never one twice.
import { describe, expect, it } from 'vitest';
import { formatReference, nextSequence } from '../../main/domain/references';

describe('outgoing references', () => {
  it('fill in the year and the number, padded when the pattern asks', () => {
    expect(formatReference('MINCOM/{year}/{seq}', 2025, 7)).toBe('MINCOM/2025/7');
    expect(formatReference('MINCOM/{year}/{seq:3}', 2025, 7)).toBe('MINCOM/2025/007');
    expect(formatReference('N° {seq:4}/{year}/DRI', 2026, 12345)).toBe('N° 12345/2026/DRI');
    expect(formatReference('', 2025, 1)).toBe('');
  });

  it('start again at 1 each year and never give a number twice, even after a gap', () => {
    const issued = [{ year: 2024, seq: 41 }, { year: 2025, seq: 1 }, { year: 2025, seq: 3 }];
    expect(nextSequence(issued, 2025)).toBe(4);
    expect(nextSequence(issued, 2026)).toBe(1);
    expect(nextSequence([], 2025)).toBe(1);
  });
});
