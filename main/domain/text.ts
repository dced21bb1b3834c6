/** A text reduced for comparison: no accents or case, single spaces, in every script ("Élodie" = "elodie"). */
export function fold(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('und').replace(/\s+/g, ' ').trim();
}
