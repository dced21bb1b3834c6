// postinstall: fetch the Electron binary where it can be fetched, and never fail the install over it.
// (Electron's own install script is not approved in allowScripts: a machine without access to its
// download site would otherwise fail `npm install` altogether.)
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) process.exit(0);

const installer = path.join(path.dirname(createRequire(import.meta.url).resolve('electron/package.json')), 'install.js');
const run = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
if (run.status !== 0) {
  console.warn(
    'Delegation Desk: the Electron binary could not be downloaded here, so `npm start` cannot open the desktop window. ' +
      '`npm run web -- --data-dir DIR` runs the same app in your browser.',
  );
}
