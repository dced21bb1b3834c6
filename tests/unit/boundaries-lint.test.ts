// The linters that enforce the architecture's boundaries (eslint.config.js, stylelint.config.mjs),
// run through their Node APIs on small snippets at made-up paths: each rule is shown to fail on what
// it is there for, and to let through what the architecture allows. `npm run lint` runs them on the tree.
import { createRequire } from 'node:module';
import path from 'node:path';
import { ESLint } from 'eslint';
import stylelint from 'stylelint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The rules that fail on `code` placed at `file` ('renderer/x.ts'), errors and warnings apart. */
async function lint(file: string, code: string): Promise<{ errors: string[]; warnings: string[] }> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  const fatal = result.messages.filter((message) => message.fatal);
  expect(fatal, `${file}: ${code}`).toEqual([]);
  const rules = (severity: number) =>
    result.messages.filter((message) => message.severity === severity).map((message) => String(message.ruleId));
  return { errors: rules(2), warnings: rules(1) };
}

const IMPORTS = '@typescript-eslint/no-restricted-imports';
const ELECTRON = 'no-restricted-imports';
const DYNAMIC = 'boundaries/dynamic-imports';

describe('eslint: import boundaries', () => {
  const broken: [file: string, code: string, rule: string][] = [
    // renderer → main: contract types and pure modules only; no Node, storage or Electron.
    ['renderer/x.ts', "import { Store } from '../main/store/store';", IMPORTS],
    ['renderer/x.ts', "import type { Store } from '../main/store/store';", IMPORTS],
    ['renderer/features/events/x.tsx', "import { openStore } from '../../../main/store/store';", IMPORTS],
    ['renderer/x.ts', "import { channels } from '../main/api/table';", IMPORTS],
    ['renderer/x.ts', "import { people } from '../main/api/channels/people';", IMPORTS],
    ['renderer/x.ts', "import { serve } from '../main/web/server';", IMPORTS],
    ['renderer/x.ts', "import { main } from '../main/cli';", IMPORTS],
    ['renderer/x.ts', "import { createWindow } from '../main/electron/window';", IMPORTS],
    ['renderer/x.ts', "import { CHANNELS } from '../main/api/contract';", IMPORTS],
    ['renderer/x.ts', "export { CHANNELS } from '../main/api/contract';", IMPORTS],
    ['renderer/x.ts', "import fs from 'node:fs';", IMPORTS],
    ['renderer/x.ts', "import { readFile } from 'fs/promises';", IMPORTS],
    ['renderer/x.ts', "import path from 'path';", IMPORTS],
    ['renderer/x.ts', "import { Low } from 'lowdb';", IMPORTS],
    ['renderer/x.ts', "import lockfile from 'proper-lockfile';", IMPORTS],
    ['renderer/x.ts', "import { ipcRenderer } from 'electron';", ELECTRON],
    ['renderer/x.ts', "const m = await import('../main/web/server');", DYNAMIC],
    ['renderer/x.ts', "const e = await import('electron');", DYNAMIC],
    // domain → nothing with I/O.
    ['main/domain/x.ts', "import fs from 'node:fs';", IMPORTS],
    ['main/domain/x.ts', "import { readFileSync } from 'fs';", IMPORTS],
    ['main/domain/x.ts', "import { execFile } from 'node:child_process';", IMPORTS],
    ['main/domain/x.ts', "import { Low } from 'lowdb';", IMPORTS],
    ['main/domain/x.ts', "import lockfile from 'proper-lockfile';", IMPORTS],
    ['main/domain/x.ts', "import type { Store } from '../store/store';", IMPORTS],
    ['main/domain/x.ts', "import type { Channel } from '../api/contract';", IMPORTS],
    ['main/domain/x.ts', "import { createWindow } from '../electron/window';", IMPORTS],
    ['main/domain/x.ts', "import { app } from 'electron';", ELECTRON],
    ['main/domain/letters/x.ts', "import type { Store } from '../../store/store';", IMPORTS],
    ['main/domain/letters/x.ts', "import { readFile } from 'node:fs/promises';", IMPORTS],
    ['main/domain/x.ts', "const s = await import('../store/store');", DYNAMIC],
    // store → no Electron (nor the API channels, nor browser mode).
    ['main/store/x.ts', "import { app } from 'electron';", ELECTRON],
    ['main/store/x.ts', "import type { App } from 'electron';", ELECTRON],
    ['main/store/x.ts', "import { createWindow } from '../electron/window';", IMPORTS],
    ['main/store/x.ts', "import { dispatch } from '../api/dispatch';", IMPORTS],
    ['main/store/x.ts', "const e = await import('electron');", DYNAMIC],
    // 'electron' only under main/electron/ and preload/.
    ['main/x.ts', "import { app } from 'electron';", ELECTRON],
    ['main/api/x.ts', "export { app } from 'electron';", ELECTRON],
    ['main/web/x.ts', "import { shell } from 'electron/main';", ELECTRON],
    ['main/cli.ts', "import { app } from 'electron';", ELECTRON],
    ['tests/unit/x.test.ts', "import { app } from 'electron';", ELECTRON],
    // preload → 'electron', main/api/push and main/api/ipc-channel only.
    ['preload/index.ts', "import { Store } from '../main/store/store';", IMPORTS],
    ['preload/index.ts', "import type { Channel } from '../main/api/contract';", IMPORTS],
    ['preload/index.ts', "import fs from 'node:fs';", IMPORTS],
    ['preload/index.ts', "import { z } from 'zod';", IMPORTS],
    // What the renderer runs of main imports nothing else at run time.
    ['main/api/push.ts', "import { openStore } from '../store/store';", IMPORTS],
    ['main/errors.ts', "import fs from 'node:fs';", IMPORTS],
  ];
  it.each(broken)('%s: %s fails (%s)', async (file, code, rule) => {
    expect((await lint(file, code)).errors).toContain(rule);
  });

  const allowed: [file: string, code: string][] = [
    ['renderer/x.ts', "import type { Channel } from '../main/api/contract';"],
    ['renderer/x.ts', "import { type Channel, type Output } from '../main/api/contract';"],
    ['renderer/features/people/x.tsx', "import type { PersonSummary } from '../../../main/api/contract';"],
    ['renderer/x.ts', "import type { ChangeNotice } from '../main/store/status';"],
    ['renderer/x.ts', "import { MENU_ROUTES, type PushMessage } from '../main/api/push';"],
    ['renderer/x.ts', "import { fieldIssues, type FieldIssue } from '../main/errors';"],
    ['renderer/x.ts', "import { LANGUAGES } from '../main/domain/enums';"],
    ['renderer/components/x.ts', "import { fold } from '../../main/domain/text';"],
    ['main/domain/letters/x.ts', "import { fold } from '../text';"],
    ['main/domain/letters/x.ts', "import { AppError } from '../../errors';"],
    ['renderer/x.ts', "import { useQuery } from '@tanstack/react-query';"],
    ['renderer/routes.tsx', "const Page = () => import('./features/events/EventList');"],
    ['main/domain/x.ts', "import { z } from 'zod';"],
    ['main/domain/x.ts', "import { ageOn } from './dates';"],
    ['main/domain/x.ts', "import { AppError } from '../errors';"],
    ['main/store/x.ts', "import { promises as fs } from 'node:fs';\nimport { Low } from 'lowdb';\nimport { fold } from '../domain/text';"],
    ['main/electron/x.ts', "import { app, type BrowserWindow } from 'electron';"],
    ['main/electron/x.ts', "const { app } = await import('electron');"],
    ['preload/index.ts', "import { contextBridge } from 'electron';\nimport { PUSH_MESSAGES } from '../main/api/push';\nimport { API_CHANNEL } from '../main/api/ipc-channel';"],
    ['main/api/push.ts', "import type { ChangeNotice } from '../store/status';\nimport { LANGUAGES } from '../domain/enums';"],
    ['tests/electron/x.ts', "import { app } from 'electron';"],
    ['tests/unit/electron-mock.ts', "import type { App } from 'electron';"],
    ['tests/unit/x.test.ts', "import { openStore } from '../../main/store/store';"],
  ];
  it.each(allowed)('%s: %s passes', async (file, code) => {
    expect(await lint(file, code)).toEqual({ errors: [], warnings: [] });
  });
});

describe('eslint: the renderer', () => {
  it('refuses `as unknown as` in the renderer', async () => {
    expect(await lint('renderer/x.ts', 'export const v = (input as unknown as number) + 1;')).toEqual({
      errors: ['no-restricted-syntax'],
      warnings: [],
    });
    expect((await lint('renderer/x.ts', 'export const v = <number>(<unknown>input);')).errors).toEqual(['no-restricted-syntax']);
    expect(await lint('renderer/x.ts', 'export const v = input as number;')).toEqual({ errors: [], warnings: [] });
    expect(await lint('main/x.ts', 'export const v = input as unknown as number;')).toEqual({ errors: [], warnings: [] });
  });

  it('keeps the rules of hooks', async () => {
    const conditional = "import { useState } from 'react';\nexport function A({ on }: { on: boolean }) {\n  if (on) useState(0);\n  return null;\n}\n";
    expect((await lint('renderer/A.tsx', conditional)).errors).toEqual(['react-hooks/rules-of-hooks']);
    const missing =
      "import { useEffect } from 'react';\nexport function A({ id }: { id: string }) {\n  useEffect(() => console.log(id), []);\n  return <p>{id}</p>;\n}\n";
    expect((await lint('renderer/A.tsx', missing)).errors).toEqual(['react-hooks/exhaustive-deps']);
    const fine =
      "import { useEffect } from 'react';\nexport function A({ id }: { id: string }) {\n  useEffect(() => console.log(id), [id]);\n  return <p>{id}</p>;\n}\n";
    expect(await lint('renderer/A.tsx', fine)).toEqual({ errors: [], warnings: [] });
  });
});

describe('eslint: parsing TypeScript', () => {
  it('parses with TypeScript 5 while the project compiles with TypeScript 7', async () => {
    const root = createRequire(path.join(ROOT, 'package.json'));
    const estree = createRequire(
      createRequire(root.resolve('@delegation-desk/typescript-eslint')).resolve('@typescript-eslint/typescript-estree'),
    );
    expect((estree('typescript/package.json') as { version: string }).version).toMatch(/^5\./);
    expect((root('typescript/package.json') as { version: string }).version).toMatch(/^7\./);

    const typescript = [
      'enum E { A = 1 }',
      'type T<K extends string> = { readonly [P in K]?: T<K> };',
      'export const o = { a: 1 } satisfies Record<string, number>;',
      'export abstract class C<T> implements I { private constructor(public x: T) { super(); } declare y: number; }',
      'export const f = <T,>(x: T): x is NonNullable<T> => x != null;',
      "import type * as Z from 'zod';",
    ].join('\n');
    expect(await lint('main/domain/x.ts', typescript)).toEqual({ errors: [], warnings: [] });
    const [broken] = await eslint.lintText('type T = { a: };', { filePath: path.join(ROOT, 'main/x.ts') });
    expect(broken.messages.map((message) => message.fatal)).toEqual([true]);
    expect(await lint('renderer/x.tsx', 'export const A = <T,>({ x }: { x: T }) => <div dir="auto">{String(x)}</div>;')).toEqual({
      errors: [],
      warnings: [],
    });
  });
});

describe('stylelint: logical properties only (RTL)', () => {
  const sheet = async (code: string) => {
    const { results } = await stylelint.lint({ code, codeFilename: path.join(ROOT, 'renderer/x.css'), cwd: ROOT });
    return results[0].warnings.map((warning) => warning.rule);
  };

  it.each([
    '.a { margin-left: 1px }',
    '.a { padding-right: 1px }',
    '.a { position: absolute; right: 0 }',
    '.a { left: 0 }',
    '.a { border-left: 1px solid }',
    '.a { border-right-color: red }',
    '.a { border-top-left-radius: 2px }',
    '.a { text-align: left }',
    '.a { float: right }',
    '.a { clear: left }',
  ])('%s fails', async (code) => {
    expect(await sheet(code)).toHaveLength(1);
  });

  it('lets logical properties, and what does not depend on the direction, through', async () => {
    expect(
      await sheet(
        '.a { margin-inline-start: 1px; padding-inline: 2px; inset-inline-end: 0; border-inline-start: 1px solid;' +
          ' border-start-end-radius: 2px; text-align: start; float: inline-end; top: 0; margin-top: 1px;' +
          ' width: 10px; max-height: 50vh; overflow-x: auto; resize: vertical }',
      ),
    ).toEqual([]);
  });
});
