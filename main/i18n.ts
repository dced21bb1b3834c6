import i18next, { type TFunction } from 'i18next';
import { resources } from '../locales';
import { asLanguage, type Language } from './domain/enums';

export function supportedLanguage(value: string | undefined): Language {
  return asLanguage(value) ?? 'en';
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
