// Opens the system's browser at an address (npm start's browser mode, npm run web --open).
import { spawn, type SpawnOptions } from 'node:child_process';

export const NO_BROWSER_ENV = 'DELEGATION_DESK_NO_BROWSER';

/** The system's opener for a URL: xdg-open (Linux and the like), open (macOS), start (Windows). */
export function browserCommand(url: string, platform: NodeJS.Platform = process.platform): { command: string; args: string[]; options: SpawnOptions } {
  const options: SpawnOptions = { stdio: 'ignore', detached: true };
  // start is cmd's own: its first quoted argument is a window title, and the quoted address keeps
  // cmd from reading & or ^ in it.
  if (platform === 'win32') return { command: 'cmd', args: ['/d', '/s', '/c', `start "" "${url}"`], options: { ...options, windowsVerbatimArguments: true } };
  if (platform === 'darwin') return { command: 'open', args: [url], options };
  return { command: 'xdg-open', args: [url], options };
}

/** Opens a file of the data folder (an original letter) with the system's program for it; false if none. */
export function openWithSystem(file: string): Promise<boolean> {
  const { command, args, options } = browserCommand(file);
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, options);
      child.on('error', () => resolve(false));
      child.on('exit', (code) => resolve(code === 0));
      child.unref();
    } catch {
      resolve(false);
    }
  });
}

/**
 * Opens the address unless DELEGATION_DESK_NO_BROWSER=1. Where there is no opener, or it fails (a
 * server without a desktop), calls `cannotOpen` (the printed address is then enough): never throws.
 */
export function openInBrowser(url: string, cannotOpen: () => void): void {
  if (process.env[NO_BROWSER_ENV] === '1') return;
  const { command, args, options } = browserCommand(url);
  let told = false;
  const tell = () => {
    if (!told) cannotOpen();
    told = true;
  };
  try {
    const child = spawn(command, args, options);
    child.on('error', tell);
    child.on('exit', (code) => code !== 0 && tell());
    child.unref();
  } catch {
    tell();
  }
}
