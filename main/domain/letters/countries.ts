// Country names as letters write them, in the six languages, short ("Azerbaïdjan") or formal
// ("République d'Azerbaïdjan", "Republic of Korea", "Российская Федерация"), read to ISO 3166-1 codes.
// Short names come from Intl (ICU); formal words are stripped; a few UN names ICU does not give are listed.
import { COUNTRY_CODES, type CountryCode } from '../countries';
import { LANGUAGES } from '../enums';
import { fold } from '../text';

// UN formal names that are not "formal word + short name" (checked after folding).
const UN_NAMES: Record<string, CountryCode> = {
  'republic of korea': 'KR', 'korea (republic of)': 'KR', 'republique de coree': 'KR', 'republica de corea': 'KR',
  'республика корея': 'KR', '大韩民国': 'KR', 'جمهورية كوريا': 'KR',
  "democratic people's republic of korea": 'KP', 'republique populaire democratique de coree': 'KP',
  'russian federation': 'RU', 'federation de russie': 'RU', 'federacion de rusia': 'RU', 'российская федерация': 'RU',
  '俄罗斯联邦': 'RU', 'الاتحاد الروسي': 'RU',
  'united states of america': 'US', "etats-unis d'amerique": 'US', 'estados unidos de america': 'US',
  'соединенные штаты америки': 'US', '美利坚合众国': 'US', 'الولايات المتحدة الأمريكية': 'US',
  'united kingdom of great britain and northern ireland': 'GB', 'royaume-uni de grande-bretagne et d\'irlande du nord': 'GB',
  'viet nam': 'VN', 'turkiye': 'TR', 'turquie': 'TR', 'turquia': 'TR', 'турция': 'TR', 'تركيا': 'TR',
  'iran (islamic republic of)': 'IR', "iran (republique islamique d')": 'IR', 'syrian arab republic': 'SY',
  'republique arabe syrienne': 'SY', "lao people's democratic republic": 'LA', 'united republic of tanzania': 'TZ',
  'republique-unie de tanzanie': 'TZ', 'democratic republic of the congo': 'CD', 'republique democratique du congo': 'CD',
  'bolivia (plurinational state of)': 'BO', 'venezuela (bolivarian republic of)': 'VE', 'republic of moldova': 'MD',
  'czech republic': 'CZ', 'republique tcheque': 'CZ', 'state of palestine': 'PS', 'etat de palestine': 'PS',
  'azerbaijan republic': 'AZ', 'азербайджанская республика': 'AZ', 'kingdom of saudi arabia': 'SA',
  'emirats arabes unis': 'AE', 'republique tunisienne': 'TN', 'republique algerienne democratique et populaire': 'DZ',
  'republique algerienne': 'DZ', 'republique gabonaise': 'GA', 'republique togolaise': 'TG', 'republique rwandaise': 'RW',
  'republique malgache': 'MG', 'republique libanaise': 'LB', 'republique francaise': 'FR', 'republique italienne': 'IT',
  'royaume hachemite de jordanie': 'JO', 'estados unidos mexicanos': 'MX', 'republica oriental del uruguay': 'UY',
  'republica bolivariana de venezuela': 'VE', 'estado plurinacional de bolivia': 'BO', 'republica federativa del brasil': 'BR',
  'hashemite kingdom of jordan': 'JO', 'republique centrafricaine': 'CF', 'republique dominicaine': 'DO', 'republica dominicana': 'DO',
  'kingdom of the netherlands': 'NL', 'royaume des pays-bas': 'NL', 'الإمارات العربية المتحدة': 'AE',
  '中华人民共和国': 'CN', "republique populaire de chine": 'CN', "people's republic of china": 'CN',
  'китайская народная республика': 'CN', 'جمهورية الصين الشعبية': 'CN',
};

// Words of formal names, removed before looking the short name up.
const FORMAL = new RegExp([
  "^(?:the |la |le |l'|les |el |los )?",
  "(?:(?:federal |islamic |democratic |united |arab |people's |plurinational |bolivarian |socialist |cooperative )*",
  '(?:republic|kingdom|state|sultanate|emirate|principality|commonwealth|federation) of (?:the )?',
  "|(?:republique|royaume|etat|sultanat|emirat|principaute|federation|confederation)(?: federale| islamique| democratique| unie| arabe| populaire| socialiste)* (?:de la |de l'|des |du |de |d')",
  '|(?:republica|reino|estado|sultanato|principado|federacion|confederacion)(?: federal| federativa| islamica| democratica| unida| arabe| popular| bolivariana| plurinacional| oriental)* (?:de la |del |de los |de )?',
  '|(?:республика|королевство|государство|султанат|княжество|федерация) ',
  '|(?:جمهورية|المملكة|مملكة|دولة|سلطنة|إمارة) ',
  ')?',
].join(''), 'u');
const FORMAL_AFTER = /(?: republic| kingdom| state|ская республика| республика|共和国|王国|联邦|国)$/u;
/** What is left of a Chinese place after its country: "纳米比亚共和国温得和克" → "温得和克". */
export const FORMAL_CHINESE_AFTER_COUNTRY = /^(?:共和国|王国|联邦|国)/u;

let byName: Map<string, CountryCode> | null = null;

/** Folded, one kind of apostrophe ("Côte d’Ivoire" = "Cote d'Ivoire"), single spaces. */
const normalName = (name: string) => fold(name).replace(/[’`ʼ]/g, "'");

function names(): Map<string, CountryCode> {
  if (byName) return byName;
  byName = new Map();
  for (const language of [...LANGUAGES, 'zh-Hant']) {
    const display = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
    for (const code of COUNTRY_CODES) {
      const name = display.of(code);
      if (name) byName.set(normalName(name), code);
    }
  }
  for (const [name, code] of Object.entries(UN_NAMES)) byName.set(normalName(name), code);
  return byName;
}

/** The country a name means ("République d'Azerbaïdjan" → AZ), or null. */
export function countryFromName(name: string): CountryCode | null {
  const folded = normalName(name).replace(/^[\s(,]+|[\s),.;:]+$/g, '');
  if (!folded) return null;
  const all = names();
  const direct = all.get(folded);
  if (direct) return direct;
  const short = folded.replace(FORMAL, '').replace(FORMAL_AFTER, '').trim();
  return all.get(short) ?? null;
}

/** The first country named inside a longer text (for scripts written without capitals), and where. */
export function findCountryIn(text: string): { code: CountryCode; index: number; length: number } | null {
  const folded = fold(text);
  // fold() keeps the length of Arabic and Chinese text, which is where this is used.
  let best: { code: CountryCode; index: number; length: number } | null = null;
  for (const [name, code] of names()) {
    if (name.length < 2) continue;
    const index = folded.indexOf(name);
    if (index >= 0 && (!best || index < best.index || (index === best.index && name.length > best.length))) {
      best = { code, index, length: name.length };
    }
  }
  return best;
}
