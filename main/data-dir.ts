import os from 'node:os';
import path from 'node:path';

export const DATA_DIR_ENV = 'DELEGATION_DESK_DATA_DIR';

/** --data-dir wins, then DELEGATION_DESK_DATA_DIR, then the host's default (Electron's userData). */
export function resolveDataDir(flag: string | undefined, fallback?: string): string | undefined {
  const chosen = flag || process.env[DATA_DIR_ENV] || fallback;
  return chosen ? path.resolve(chosen) : undefined;
}

/** The app's name as Electron names its folder (package.json productName). */
const APP_FOLDER = 'Delegation Desk';

/**
 * The folder the desktop app uses by default (Electron's userData), found without Electron: so
 * that browser mode started by `npm start` opens the same data as the desktop window would.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_FOLDER);
}
