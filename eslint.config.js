// ESLint: the architecture's boundaries (ARCHITECTURE.md, "Boundaries"), not style.
// renderer → main: contract types and pure modules only; domain → nothing with I/O; store → no
// Electron; 'electron' only under main/electron/ and preload/; preload → electron and two tiny modules.
// tests/unit/boundaries-lint.test.ts shows that each rule fails on what it is there for.
//
// Specifiers are matched as written (relative paths), so the patterns below spell '../' chains.
// typescript-eslint comes from tools/typescript-eslint, which runs it on TypeScript 5 (see there).
import { builtinModules } from 'node:module';
import tseslint from '@delegation-desk/typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Node's built-in modules, with or without 'node:' (fs, fs/promises, path, child_process…). */
const NODE = `^(node:.*|(${builtinModules.filter((name) => !name.startsWith('_')).join('|')})(/.*)?)$`;
const STORAGE = '^(lowdb|proper-lockfile)(/.*)?$';
const ELECTRON = '^electron(/.*)?$';

const noNode = (who) => ({ regex: NODE, message: `${who} has no Node built-ins.` });
const noStorage = (who) => ({ regex: STORAGE, message: `${who} does no storage (lowdb, proper-lockfile live in main/store).` });
/** Checked in every file outside ELECTRON_HOMES (below), not in each layer's list. */
const onlyUnderElectron = {
  regex: ELECTRON,
  message: "'electron' is imported only under main/electron/ and preload/ (ARCHITECTURE.md, Boundaries).",
};

const DOMAIN_MESSAGE = 'main/domain does no I/O and runs in the renderer too: it imports only main/domain/* and main/errors (no store, api, electron, web).';

/** Per layer: what its imports may not match. allowTypeImports lets `import type` through. */
const LAYERS = {
  renderer: {
    files: ['renderer/**'],
    patterns: [
      {
        // Everything in main but the pure modules and the two type-only ones below.
        regex: '^(\\.\\./)+main/(?!(domain/.+|api/push|api/contract|errors|store/status)$)',
        message: 'The renderer takes from main only: main/api/contract and main/store/status (types), main/api/push, main/errors and main/domain/* (pure).',
      },
      {
        regex: '^(\\.\\./)+main/(api/contract|store/status)$',
        allowTypeImports: true,
        message: 'Types only: use `import type` (at run time these modules pull in the store and the channel table).',
      },
      noNode('The renderer'),
      noStorage('The renderer'),
    ],
  },
  domain: {
    files: ['main/domain/*.ts'],
    patterns: [
      {
        // Outside main/domain, only main/errors (pure): never store, api, electron, web, cli…
        regex: '^(\\.\\./)+(?!errors$)',
        message: DOMAIN_MESSAGE,
      },
      noNode('main/domain'),
      noStorage('main/domain'),
    ],
  },
  // The same rule one folder down (main/domain/letters/…), where '../' is still main/domain.
  domainFolders: {
    files: ['main/domain/*/**'],
    patterns: [
      { regex: '^(\\.\\./){2,}(?!errors$)', message: DOMAIN_MESSAGE },
      noNode('main/domain'),
      noStorage('main/domain'),
    ],
  },
  store: {
    files: ['main/store/**'],
    patterns: [
      {
        regex: '^(\\.\\./)+(main/)?(electron|api|web|cli)(/.*)?$',
        message: 'main/store knows nothing of Electron, the API channels or browser mode.',
      },
    ],
  },
  preload: {
    files: ['preload/**'],
    patterns: [
      {
        regex: '^(?!(electron|\\.\\./main/api/(push|ipc-channel)|\\./.+)$)',
        message: "The preload imports only 'electron', main/api/push and main/api/ipc-channel.",
      },
    ],
  },
  // Modules the renderer or the preload run: what they import at run time runs there too.
  shared: {
    files: ['main/api/push.ts', 'main/api/ipc-channel.ts', 'main/errors.ts'],
    patterns: [
      {
        regex: '^(\\.\\.?/)+(?!domain/)',
        allowTypeImports: true,
        message: 'This module runs in the renderer/preload: at run time it imports only main/domain/* (anything else: `import type`).',
      },
      noNode('A module the renderer runs'),
      noStorage('A module the renderer runs'),
    ],
  },
};

const ELECTRON_HOMES = ['main/electron/**', 'preload/**', 'tests/electron/**', 'tests/unit/electron-*.ts'];

/** `import('…')`: no-restricted-imports sees only static imports and re-exports. */
const dynamicImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Apply import patterns (regex, message) to dynamic import() with a literal specifier.' },
    schema: [
      {
        type: 'array',
        items: {
          type: 'object',
          // allowTypeImports is accepted (the same lists feed no-restricted-imports) and moot: import() is a value.
          properties: { regex: { type: 'string' }, message: { type: 'string' }, allowTypeImports: { type: 'boolean' } },
          required: ['regex', 'message'],
        },
      },
    ],
    messages: { restricted: "'{{source}}' is restricted: {{message}}" },
  },
  create(context) {
    const patterns = (context.options[0] ?? []).map(({ regex, message }) => ({ regex: new RegExp(regex, 'iu'), message }));
    return {
      ImportExpression(node) {
        const { source } = node;
        const specifier =
          source.type === 'Literal'
            ? source.value
            : source.type === 'TemplateLiteral' && source.expressions.length === 0
              ? source.quasis[0].value.cooked
              : undefined;
        if (typeof specifier !== 'string') return;
        const hit = patterns.find(({ regex }) => regex.test(specifier));
        if (hit) context.report({ node, messageId: 'restricted', data: { source: specifier, message: hit.message } });
      },
    };
  },
};

export default [
  {
    ignores: ['dist/', 'release/', 'test-results/', 'playwright-report/', '.scratch/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    plugins: { boundaries: { meta: { name: 'boundaries' }, rules: { 'dynamic-imports': dynamicImports } } },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
  },
  // 'electron' outside its homes, in any file (types included: core no-restricted-imports ignores `import type`'s kind).
  {
    ignores: ELECTRON_HOMES,
    rules: {
      'no-restricted-imports': ['error', { patterns: [onlyUnderElectron] }],
      'boundaries/dynamic-imports': ['error', [onlyUnderElectron]],
    },
  },
  ...Object.values(LAYERS).map(({ files, patterns }) => ({
    files,
    rules: {
      // The TypeScript version of the rule: it knows `import type` (allowTypeImports).
      '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
      // This rule's options replace the global ones above for these files: 'electron' again.
      'boundaries/dynamic-imports': ['error', [...patterns, ...(files.includes('preload/**') ? [] : [onlyUnderElectron])]],
    },
  })),
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // Gone from the renderer (issue 12): keep it so.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            ':matches(TSAsExpression, TSTypeAssertion) > :matches(TSAsExpression, TSTypeAssertion).expression[typeAnnotation.type="TSUnknownKeyword"]',
          message: 'No `as unknown as` casts in the renderer: narrow the value (a type guard, zod) instead.',
        },
      ],
    },
  },
];
