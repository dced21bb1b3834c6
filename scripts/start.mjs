// npm start: opens the desktop app, or says in one line why it cannot and what to run instead.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { electronBinary } from './electron-binary.mjs';

/** The user's language from the environment (LANG=fr_FR.UTF-8 → fr), among the app's six. */
function translator() {
  const wanted = (process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || 'en').slice(0, 2).toLowerCase();
  const language = ['ar', 'en', 'es', 'fr', 'ru', 'zh'].includes(wanted) ? wanted : 'en';
  const load = (lng) => JSON.parse(readFileSync(new URL(`../locales/${lng}/app.json`, import.meta.url), 'utf8'));
  const resources = { en: { app: load('en') }, [language]: { app: load(language) } };
  void i18next.init({ resources, lng: language, fallbackLng: 'en', defaultNS: 'app', initAsync: false });
  return i18next.t;
}

const electron = electronBinary();
if (!electron) {
  console.error(translator()('electron.missingBinary'));
  process.exit(1);
}
const child = spawn(electron, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
