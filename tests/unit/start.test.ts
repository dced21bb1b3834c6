// `npm start` where the Electron binary is missing: one clear line pointing to browser mode.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../../scripts/electron-binary.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');

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
