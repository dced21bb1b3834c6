// npm start: opens the desktop app, or says in one line why it cannot and what to run instead.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let electron;
try {
  electron = require('electron');
} catch {
  electron = undefined;
}
if (typeof electron !== 'string' || !existsSync(electron)) {
  console.error(
    'The Electron binary is not installed here, so the desktop window cannot open. Run the same app in your browser instead: npm run web -- --data-dir DIR',
  );
  process.exit(1);
}
const child = spawn(electron, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
