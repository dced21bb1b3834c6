// npm run web -- --data-dir DIR [--port N] [--open]
// (npm start, where the desktop window cannot open, runs it with --open on the default data folder.)
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { defaultDataDir, resolveDataDir } from '../data-dir';
import { AppError } from '../errors';
import { createTranslator, supportedLanguage } from '../i18n';
import { Store } from '../store/store';
import { version } from '../version';
import { letterFiles } from '../letters/letter-files';
import { sheetFiles } from '../people-io/sheet-files';
import { documentFiles } from '../documents/document-files';
import { openInBrowser, openWithSystem } from './open-browser';
import { startWebServer } from './server';

const t = createTranslator(supportedLanguage(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG));
const here = path.dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, open: { type: 'boolean' } },
    allowPositionals: false,
  });
  const dataDir = resolveDataDir(values['data-dir'], values.open ? defaultDataDir() : undefined);
  if (!dataDir) {
    console.error(t('cli.dataDirRequired'));
    process.exit(64);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(t('cli.portInvalid'));
    process.exit(64);
  }

  const store = await Store.open(dataDir, { kind: 'web' });
  store.startPeriodicBackups();
  const server = await startWebServer({
    context: { store, host: { version, shell: 'web', openExternal: async () => false, openPath: openWithSystem }, now: () => new Date(), letters: letterFiles, sheets: sheetFiles, documents: documentFiles },
    rendererDir: path.resolve(here, '../../dist/renderer'),
    port,
  });
  for (const notice of store.notices) console.error(t(notice.code, notice.params));
  console.log(t('web.running', { dataDir }));
  console.log(server.url);
  if (values.open) openInBrowser(server.url, () => console.error(t('web.openYourself')));

  const stop = async () => {
    await server.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof AppError ? t(error.code, error.params) : `${t('errors.unexpected')} ${(error as Error).message ?? ''}`);
  process.exit(error instanceof AppError && error.code === 'store.locked' ? 75 : 1);
});
