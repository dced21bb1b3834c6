import i18next, { type ParseKeys } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from '../locales';
import { asLanguage, type Language } from '../main/domain/enums';
import { ApiError } from './api';
import { formatNumber } from './format';

/** The saved choice, else the first of the system's languages the app speaks, else English. */
export function pickLanguage(saved: string | undefined, system: readonly string[]): Language {
  for (const candidate of [saved, ...system]) {
    const language = asLanguage(candidate);
    if (language) return language;
  }
  return 'en';
}

/** Keeps <html lang dir> in step with the language, so Arabic lays out right to left. */
function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = i18next.dir(language);
}

export async function initI18n(language: Language): Promise<void> {
  i18next.on('languageChanged', applyDocumentLanguage);
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    defaultNS: 'app',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLanguage(language);
}

export default i18next;

export type MessageKey = ParseKeys<'app'>;

/**
 * A message code that arrives at run time (an error or warning from main): typed as a key once it is
 * known to exist, else the generic "unexpected" message rather than a raw key on screen.
 */
export function messageKey(code: string): MessageKey {
  return i18next.exists(code) ? (code as MessageKey) : 'errors.unexpected';
}

/** What main refused, in words: numbers in its params written as the language writes them (100,000 / 100 000). */
export function errorMessage(error: unknown): string {
  const api = error instanceof ApiError ? error : new ApiError('errors.unexpected');
  const params: Record<string, string | number> = Object.fromEntries(Object.entries(api.params).map(([key, value]) => [key, typeof value === 'number' ? formatNumber(value, i18next.language) : value]));
  return i18next.t(messageKey(api.code), params);
}
