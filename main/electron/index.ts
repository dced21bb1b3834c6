// Electron entry (bundled to dist/main/index.cjs): the app is set up by runDesktopApp, which the
// unit tests also run against a mock of Electron.
import path from 'node:path';
import { runDesktopApp } from './app';

void runDesktopApp({
  preload: path.join(__dirname, '../preload/index.cjs'),
  renderer: path.join(__dirname, '../renderer'),
  argv: process.argv,
});
