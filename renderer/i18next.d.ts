// The UI's keys are typed from the English strings: a key that does not exist fails the type check.
import type app from '../locales/en/app.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'app';
    resources: { app: typeof app };
  }
}
