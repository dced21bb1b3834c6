// A country as a ministry's sheet writes it → its ISO 3166-1 alpha-2 code: the code itself, the
// alpha-3 code (what passports print), or a name in one of the six languages (countryFromName).
import { COUNTRY_CODES, type CountryCode } from '../domain/countries';
import { countryFromName } from '../domain/letters/countries';

// ISO 3166-1 alpha-3, in the order of COUNTRY_CODES (checked by tests/unit/people-io.test.ts).
const ALPHA3 = (
  'AND ARE AFG ATG AIA ALB ARM AGO ATA ARG ASM AUT AUS ABW ALA AZE ' +
  'BIH BRB BGD BEL BFA BGR BHR BDI BEN BLM BMU BRN BOL BES BRA BHS ' +
  'BTN BVT BWA BLR BLZ CAN CCK COD CAF COG CHE CIV COK CHL CMR CHN ' +
  'COL CRI CUB CPV CUW CXR CYP CZE DEU DJI DNK DMA DOM DZA ECU EST ' +
  'EGY ESH ERI ESP ETH FIN FJI FLK FSM FRO FRA GAB GBR GRD GEO GUF ' +
  'GGY GHA GIB GRL GMB GIN GLP GNQ GRC SGS GTM GUM GNB GUY HKG HMD ' +
  'HND HRV HTI HUN IDN IRL ISR IMN IND IOT IRQ IRN ISL ITA JEY JAM ' +
  'JOR JPN KEN KGZ KHM KIR COM KNA PRK KOR KWT CYM KAZ LAO LBN LCA ' +
  'LIE LKA LBR LSO LTU LUX LVA LBY MAR MCO MDA MNE MAF MDG MHL MKD ' +
  'MLI MMR MNG MAC MNP MTQ MRT MSR MLT MUS MDV MWI MEX MYS MOZ NAM ' +
  'NCL NER NFK NGA NIC NLD NOR NPL NRU NIU NZL OMN PAN PER PYF PNG ' +
  'PHL PAK POL SPM PCN PRI PSE PRT PLW PRY QAT REU ROU SRB RUS RWA ' +
  'SAU SLB SYC SDN SWE SGP SHN SVN SJM SVK SLE SMR SEN SOM SUR SSD ' +
  'STP SLV SXM SYR SWZ TCA TCD ATF TGO THA TJK TKL TLS TKM TUN TON ' +
  'TUR TTO TUV TWN TZA UKR UGA UMI USA URY UZB VAT VCT VEN VGB VIR ' +
  'VNM VUT WLF WSM YEM MYT ZAF ZMB ZWE'
).split(' ');

export const ALPHA3_TO_ALPHA2: ReadonlyMap<string, CountryCode> = new Map(ALPHA3.map((code, i) => [code, COUNTRY_CODES[i]]));

const ALPHA2: ReadonlySet<string> = new Set(COUNTRY_CODES);
/** Codes people write that ISO does not have. */
const OTHER_CODES: Record<string, CountryCode> = { UK: 'GB' };

/** The country a cell means, or null. */
export function countryCode(value: string): CountryCode | null {
  const upper = value.trim().toUpperCase();
  if (ALPHA2.has(upper)) return upper as CountryCode;
  return ALPHA3_TO_ALPHA2.get(upper) ?? OTHER_CODES[upper] ?? countryFromName(value);
}
