// `npm start` where the Electron binary is missing: one clear line pointing to browser mode.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function electronBinary(): string | undefined {
  try {
    const found: unknown = createRequire(import.meta.url)('electron');
    return typeof found === 'string' && existsSync(found) ? found : undefined;
  } catch {
    return undefined;
  }
}

describe('npm start without the Electron binary', () => {
  it.skipIf(electronBinary() !== undefined)('says so in one line and points to browser mode, without a stack trace', () => {
    const run = spawnSync(process.execPath, ['scripts/start.mjs'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Electron binary is not installed');
    expect(lines[0]).toContain('npm run web -- --data-dir DIR');
    expect(run.stdout).toBe('');
  });
});
