// ITU event acronyms in the six languages: CMDT-25 (fr, es) and ВКРЭ-25 (ru) are WTDC-25 in English.
// Used to give the English acronym of an event and to match an event however its letter names it.

const EQUIVALENTS: Record<string, string[]> = {
  WTDC: ['CMDT', 'ВКРЭ'],
  WRC: ['CMR', 'ВКР'],
  WTSA: ['AMNT', 'ВАСЭ'],
  WTPF: ['FMPT', 'ВФПЭ'],
  PP: ['ПК'],
  RA: ['AR', 'АР'],
  TDAG: ['GCDT', 'GADT', 'КГРЭ'],
  TSAG: ['GCNT', 'GANT', 'КГСЭ'],
  RAG: ['GCR', 'GAR', 'КГР'],
  WSIS: ['SMSI', 'CMSI', 'ВВУИО'],
  RPM: ['RPR', 'РПС', 'РПМ'],
  IEG: ['GEI', 'GIE', 'НГЭ'],
  CWG: ['GTC', 'РГС'],
  GSR: ['ГСР'],
  WTISD: ['ВДЭИО'],
};

const TO_ENGLISH = new Map<string, string>();
for (const [english, others] of Object.entries(EQUIVALENTS)) {
  TO_ENGLISH.set(english, english);
  for (const other of others) TO_ENGLISH.set(other, english);
}

/** Parts of an acronym that are not an event: reference prefixes and the like. */
export const NOT_EVENTS = new Set(['CL', 'DM', 'CA', 'CR', 'COVID', 'SARS', 'IMT', 'ISO', 'IEC', 'UTC', 'GMT', 'ODD', 'SDG', 'ITU', 'UIT', 'МСЭ']);

/** 'CMDT-25' → 'WTDC-25'; 'GEI-FMPT-26' → 'IEG-WTPF-26'; null when a part is not known. */
export function englishAcronym(acronym: string): string | null {
  const parts = acronym.toUpperCase().split('-');
  const year = /^\d{2,4}$/.test(parts.at(-1) ?? '') ? parts.pop() : undefined;
  const english = parts.map((part) => TO_ENGLISH.get(part));
  if (english.some((part) => !part)) return null;
  return [...english, ...(year ? [year] : [])].join('-');
}

/** One key for the same event in any language: 'CMDT-25', 'WTDC-25' and 'ВКРЭ-2025' → 'WTDC-25'. */
export function acronymKey(acronym: string): string {
  const trimmed = acronym.trim().toUpperCase().replace(/\s+/g, '');
  const english = englishAcronym(trimmed) ?? trimmed;
  return english.replace(/-(?:19|20)(\d{2})$/, '-$1');
}
