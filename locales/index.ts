// Every locale's strings, bundled at build time: nothing is loaded from disk at run time.
import ar from './ar/app.json';
import en from './en/app.json';
import es from './es/app.json';
import fr from './fr/app.json';
import ru from './ru/app.json';
import zh from './zh/app.json';

export const resources = {
  ar: { app: ar },
  en: { app: en },
  es: { app: es },
  fr: { app: fr },
  ru: { app: ru },
  zh: { app: zh },
} as const;
