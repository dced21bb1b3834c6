import i18next, { type TFunction } from 'i18next';
import { resources } from '../locales';
import { LANGUAGES, type Language } from './domain/model';

export function supportedLanguage(value: string | undefined): Language {
  const base = (value ?? '').toLowerCase().split(/[-_.]/)[0];
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : 'en';
}

/** A translator for main's own words (menu, dialogs, CLI messages). */
export function createTranslator(language: Language): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: language,
    fallbackLng: 'en',
    defaultNS: 'app',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance.t;
}
