// The architecture's boundaries, enforced on every file (ARCHITECTURE.md, "Boundaries"):
// renderer → main: contract types and pure modules only; domain → nothing with I/O; store → no
// Electron; Electron only under main/electron/ and preload/; CSS: logical properties only (RTL).
// Each rule is also run on a snippet that breaks it, so that a rule that can no longer fail is seen.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Import {
  specifier: string;
  typeOnly: boolean;
}

/** Every import and re-export of a source file (static, dynamic, side-effect). */
export function importsOf(source: string): Import[] {
  const found: Import[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(statement)) found.push({ specifier: match[3], typeOnly: Boolean(match[2]) });
  for (const match of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ specifier: match[1], typeOnly: false });
  return found;
}

/** A specifier as a path from the project's root ('main/store/store'), or the package's name. */
function target(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  return path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), specifier)).split(path.sep).join('/');
}

const NODE_OR_IO = /^(node:|fs$|path$|os$|child_process$|electron$|lowdb|proper-lockfile$)/;
/** Pure modules of main the renderer may use at run time (constants, rules, schemas). */
const RENDERER_MAY_RUN = /^main\/(domain\/|api\/push$|errors$)/;
/** Modules of main the renderer may know the types of. */
const RENDERER_MAY_TYPE = /^main\/(api\/contract|api\/push|store\/status|domain\/|errors$)/;

/** What is wrong with one file's imports, as "file: rule (specifier)" lines. */
export function boundaryProblems(file: string, source: string): string[] {
  const problems: string[] = [];
  const flag = (rule: string, specifier: string) => problems.push(`${file}: ${rule} (${specifier})`);
  for (const { specifier, typeOnly } of importsOf(source)) {
    const to = target(file, specifier);
    if (to === 'electron' && !file.startsWith('main/electron/') && !file.startsWith('preload/')) {
      flag('electron is imported only under main/electron/ and preload/', specifier);
    }
    if (file.startsWith('renderer/')) {
      if (NODE_OR_IO.test(to)) flag('the renderer has no Node, Electron or storage', specifier);
      if (to.startsWith('main/') && !(typeOnly ? RENDERER_MAY_TYPE : RENDERER_MAY_RUN).test(to)) {
        flag('the renderer takes only contract types and pure modules from main', specifier);
      }
    }
    if (file.startsWith('main/domain/')) {
      if (NODE_OR_IO.test(to) || /^main\/(store|api|electron|web)\b/.test(to)) flag('the domain does no I/O', specifier);
    }
    if (file.startsWith('main/store/') && /^main\/(electron|api|web)\b/.test(to)) {
      flag('the store knows nothing of Electron, channels or browser mode', specifier);
    }
    if (file.startsWith('preload/') && !['electron', 'main/api/push', 'main/api/ipc-channel'].includes(to)) {
      flag('preload imports only electron, the push list and the IPC channel name', specifier);
    }
  }
  if (file.startsWith('renderer/') && /\bas unknown as\b/.test(source)) problems.push(`${file}: no "as unknown as" casts in the renderer`);
  return problems;
}

const PHYSICAL = [
  /(?:^|[\s;{])(?:margin|padding|border)-(?:left|right)(?:-[a-z]+)?\s*:/m,
  /(?:^|[\s;{])(?:left|right)\s*:/m,
  /(?:^|[\s;{])border-(?:top|bottom)-(?:left|right)-radius\s*:/m,
  /(?:^|[\s;{])(?:text-align|float|clear)\s*:\s*(?:left|right)\b/m,
];

/** Physical (left/right) CSS in a style sheet: Arabic would not mirror it. */
export function physicalCss(file: string, css: string): string[] {
  const problems: string[] = [];
  css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('}')
    .forEach((block) => {
      for (const pattern of PHYSICAL) {
        const hit = pattern.exec(block);
        if (hit) problems.push(`${file}: physical property "${hit[0].trim()}" (use inline-start/end)`);
      }
    });
  return problems;
}

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => pattern.test(file))
    .map((file) => `${dir}/${file.split(path.sep).join('/')}`);
}

describe('boundaries', () => {
  it('hold in every source file', () => {
    const sources = [...files('renderer', /\.tsx?$/), ...files('main', /\.ts$/), ...files('preload', /\.ts$/)];
    expect(sources.length).toBeGreaterThan(50);
    const problems = sources.flatMap((file) => boundaryProblems(file, readFileSync(path.join(ROOT, file), 'utf8')));
    expect(problems).toEqual([]);
  });

  it('hold in every style sheet', () => {
    const sheets = files('renderer', /\.css$/);
    expect(sheets.length).toBeGreaterThan(0);
    expect(sheets.flatMap((file) => physicalCss(file, readFileSync(path.join(ROOT, file), 'utf8')))).toEqual([]);
  });

  it('each rule catches what it is there for', () => {
    const broken: [string, string][] = [
      ['renderer/x.ts', "import { Store } from '../main/store/store';"],
      ['renderer/x.ts', "import { channels } from '../main/api/table';"],
      ['renderer/x.ts', "import fs from 'node:fs';"],
      ['renderer/x.ts', "import { ipcRenderer } from 'electron';"],
      ['renderer/x.ts', "const m = await import('../main/web/server');"],
      ['renderer/x.ts', 'const v = input as unknown as number;'],
      ['main/domain/x.ts', "import { promises } from 'node:fs';"],
      ['main/domain/x.ts', "import type { Store } from '../store/store';"],
      ['main/store/x.ts', "import { app } from 'electron';"],
      ['main/api/x.ts', "export { app } from 'electron';"],
      ['preload/x.ts', "import { Store } from '../main/store/store';"],
    ];
    for (const [file, source] of broken) expect(boundaryProblems(file, source), `${file}: ${source}`).not.toHaveLength(0);

    const allowed: [string, string][] = [
      ['renderer/x.ts', "import type { Channel } from '../main/api/contract';"],
      ['renderer/x.ts', "import { LANGUAGES } from '../main/domain/enums';"],
      ['renderer/x.ts', "import type { ChangeNotice } from '../main/store/status';"],
      ['main/electron/x.ts', "import { app } from 'electron';"],
      ['main/domain/x.ts', "import { z } from 'zod';"],
    ];
    for (const [file, source] of allowed) expect(boundaryProblems(file, source), `${file}: ${source}`).toEqual([]);

    expect(physicalCss('a.css', '.a { margin-left: 1px }')).toHaveLength(1);
    expect(physicalCss('a.css', '.a { position: absolute; right: 0 }')).toHaveLength(1);
    expect(physicalCss('a.css', '.a { text-align: left }')).toHaveLength(1);
    expect(physicalCss('a.css', '.a { margin-inline-start: 1px; inset-inline-end: 0; text-align: start }')).toEqual([]);
    expect(physicalCss('a.css', '/* margin-left: 1px */ .a { border-inline-start: 1px solid }')).toEqual([]);
  });
});
