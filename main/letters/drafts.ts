// Letters read but not yet confirmed: kept in memory only (nothing is written before the user confirms),
// the oldest dropped first beyond a count or a total size.
import type { LetterFormat } from '../domain/enums';
import type { LetterExtraction } from '../domain/letters/extract';

export interface LetterDraft {
  id: string;
  fileName: string;
  format: LetterFormat;
  bytes: Uint8Array;
  contentHash: string;
  extraction: LetterExtraction;
}

const MAX_DRAFTS = 200;
const MAX_TOTAL_BYTES = 400 * 2 ** 20;

export class LetterDrafts {
  private readonly drafts = new Map<string, LetterDraft>();

  add(draft: Omit<LetterDraft, 'id'>): LetterDraft {
    const kept = { ...draft, id: crypto.randomUUID() };
    this.drafts.set(kept.id, kept);
    let total = [...this.drafts.values()].reduce((sum, d) => sum + d.bytes.length, 0);
    for (const [id, old] of this.drafts) {
      if (this.drafts.size <= MAX_DRAFTS && total <= MAX_TOTAL_BYTES) break;
      if (id === kept.id) continue;
      this.drafts.delete(id);
      total -= old.bytes.length;
    }
    return kept;
  }

  get(id: string): LetterDraft | undefined {
    return this.drafts.get(id);
  }

  delete(id: string): void {
    this.drafts.delete(id);
  }
}
