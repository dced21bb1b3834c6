// Every locale's strings, bundled at build time: nothing is loaded from disk at run time.
// app: the interface's words; documents: the wording of the letters main writes (.docx), chosen per
// document and independent of the interface's language.
import ar from './ar/app.json';
import arDocuments from './ar/documents.json';
import en from './en/app.json';
import enDocuments from './en/documents.json';
import es from './es/app.json';
import esDocuments from './es/documents.json';
import fr from './fr/app.json';
import frDocuments from './fr/documents.json';
import ru from './ru/app.json';
import ruDocuments from './ru/documents.json';
import zh from './zh/app.json';
import zhDocuments from './zh/documents.json';

export const resources = {
  ar: { app: ar, documents: arDocuments },
  en: { app: en, documents: enDocuments },
  es: { app: es, documents: esDocuments },
  fr: { app: fr, documents: frDocuments },
  ru: { app: ru, documents: ruDocuments },
  zh: { app: zh, documents: zhDocuments },
} as const;
