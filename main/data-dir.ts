import path from 'node:path';

export const DATA_DIR_ENV = 'DELEGATION_DESK_DATA_DIR';

/** --data-dir wins, then DELEGATION_DESK_DATA_DIR, then the host's default (Electron's userData). */
export function resolveDataDir(flag: string | undefined, fallback?: string): string | undefined {
  const chosen = flag || process.env[DATA_DIR_ENV] || fallback;
  return chosen ? path.resolve(chosen) : undefined;
}
