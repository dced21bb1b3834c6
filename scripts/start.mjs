// npm start: opens the desktop window where Electron is installed; otherwise starts browser mode on
// the default data folder, prints its address and opens the system browser at it.
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
const child = electron
  ? spawn(electron, ['.', ...process.argv.slice(2)], { stdio: 'inherit' })
  : (console.error(translator()('electron.missingBinary')),
    spawn(process.execPath, ['--import', 'tsx', 'main/web/start.ts', '--open', ...process.argv.slice(2)], {
      stdio: 'inherit',
      cwd: new URL('..', import.meta.url),
    }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
