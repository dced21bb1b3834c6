// A missing string shows the user a raw key: every locale must carry every English key, with the
// plural forms its language needs, and every key the code uses must exist.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ATTENDANCES, EVENT_KINDS, EVENT_STATUSES, GENDERS, LANGUAGES, MODALITIES, REGISTRATION_STATUSES, ROLES,
} from '../../main/domain/enums';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function load(language: string): Tree {
  return JSON.parse(readFileSync(path.join(ROOT, 'locales', language, 'app.json'), 'utf8'));
}

/** 'a.b.c' → string, for every string in the file. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const baseKey = (key: string) => key.replace(PLURAL, '');

/** Base key → the plural categories present (empty set for a key that is not plural). */
function byBaseKey(strings: Map<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of strings.keys()) {
    const base = baseKey(key);
    const categories = out.get(base) ?? new Set<string>();
    const category = PLURAL.exec(key)?.[1];
    if (category) categories.add(category);
    out.set(base, categories);
  }
  return out;
}

const placeholders = (text: string) => new Set([...text.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1]));

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => pattern.test(file))
    .map((file) => path.join(ROOT, dir, file));
}

const english = flatten(load('en'));
const englishBases = byBaseKey(english);
const translations = LANGUAGES.filter((l) => l !== 'en');

/** A key the code passes to t(): a string, or the base of a plural. */
function isEnglishKey(key: string): boolean {
  return english.has(key) || (englishBases.get(key)?.size ?? 0) > 0;
}

describe('locale files', () => {
  it('exist for every language the app offers', () => {
    expect(readdirSync(path.join(ROOT, 'locales')).filter((n) => !n.includes('.')).sort()).toEqual([...LANGUAGES].sort());
  });

  // Exactly its language's categories, plus English's one/other, so that every English key also exists
  // as such in every locale (Chinese needs only "other"; its "one" repeats it).
  it.each(LANGUAGES)('%s uses exactly its language’s plural categories for every plural key', (language) => {
    const categories = new Set([...new Intl.PluralRules(language).resolvedOptions().pluralCategories, 'one', 'other']);
    const expected = [...categories].sort();
    const bases = byBaseKey(flatten(load(language)));
    const plurals = [...englishBases].filter(([, categories]) => categories.size > 0).map(([base]) => base);
    expect(plurals.length).toBeGreaterThan(0);
    for (const base of plurals) {
      expect([...(bases.get(base) ?? [])].sort(), `${language}: ${base}`).toEqual(expected);
    }
    for (const [base, categories] of bases) {
      if (categories.size > 0) expect(plurals, `${language}: ${base} is plural here but not in English`).toContain(base);
    }
  });

  it.each(translations)('%s has every key English has, and no other', (language) => {
    const keys = [...byBaseKey(flatten(load(language))).keys()].sort();
    const expected = [...englishBases.keys()].sort();
    expect(expected.filter((k) => !keys.includes(k)), `missing in ${language}`).toEqual([]);
    expect(keys.filter((k) => !expected.includes(k)), `in ${language} but not in English`).toEqual([]);
  });

  it.each(translations)('%s keeps every {{placeholder}} of the English strings, and has no empty string', (language) => {
    const strings = flatten(load(language));
    const problems: string[] = [];
    for (const [key, text] of strings) {
      if (text.trim() === '') problems.push(`${key} is empty`);
      const base = baseKey(key);
      const category = PLURAL.exec(key)?.[1];
      // The English forms of a plural together name its placeholders; a language may spell the
      // number out in a form other than 'other' (Arabic dual "مندوبان"), so {{count}} — or {{shown}},
      // the same number written by Intl — may be omitted there.
      const englishTexts = [...english].filter(([k]) => baseKey(k) === base).map(([, v]) => v);
      const needed = new Set(englishTexts.flatMap((t) => [...placeholders(t)]));
      if (category && category !== 'other') {
        needed.delete('count');
        needed.delete('shown');
      }
      for (const name of needed) if (!placeholders(text).has(name)) problems.push(`${key} lacks {{${name}}}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('keys used in code exist in English', () => {
  it('every error and warning code main can return (errors.*, store.*, warnings.*)', () => {
    const codes = new Set<string>();
    for (const file of filesUnder('main', /\.ts$/)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/'((errors|store|warnings)\.[a-zA-Z]+)'/g)) codes.add(m[1]);
    }
    expect(codes.size).toBeGreaterThan(20);
    expect([...codes].filter((code) => !english.has(code))).toEqual([]);
  });

  it('every literal key passed to t() in main and the renderer', () => {
    const files = [...filesUnder('main', /\.ts$/), ...filesUnder('renderer', /\.tsx?$/)];
    const missing: string[] = [];
    let used = 0;
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*(['"])([^'"]+)\1/g)) {
        used++;
        if (!isEnglishKey(m[2])) missing.push(`${path.relative(ROOT, file)}: ${m[2]}`);
      }
    }
    expect(used).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('every key-shaped string in the renderer names a string or a group of strings', () => {
    // Keys handed around before reaching t(): { key: 'nav.events' }, unknownKey="balance.unknownAge", prefixes.
    const namespaces = Object.keys(load('en')).join('|');
    const shaped = new RegExp(`['"\`]((?:${namespaces})\\.[A-Za-z][A-Za-z.]*)['"\`]`, 'g');
    const groups = new Set<string>();
    for (const key of english.keys()) {
      const parts = key.split('.');
      for (let i = 1; i < parts.length; i++) groups.add(parts.slice(0, i).join('.'));
    }
    const missing: string[] = [];
    for (const file of filesUnder('renderer', /\.tsx?$/)) {
      for (const m of readFileSync(file, 'utf8').matchAll(shaped)) {
        if (!isEnglishKey(m[1]) && !groups.has(m[1])) missing.push(`${path.relative(ROOT, file)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it.each([
    ['events.kind', EVENT_KINDS],
    ['events.status', EVENT_STATUSES],
    ['events.modality', MODALITIES],
    ['delegation.role', ROLES],
    ['delegation.attendance', ATTENDANCES],
    ['delegation.registration', REGISTRATION_STATUSES],
    ['people.gender', GENDERS],
    ['language', LANGUAGES],
  ] as const)('every value of the list shown as %s.* (template-literal keys)', (prefix, values) => {
    expect(values.map((v) => `${prefix}.${v}`).filter((key) => !english.has(key))).toEqual([]);
  });
});
