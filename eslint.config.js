import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Relative specifiers are refused in favour of `@/…` (see the rule below). */
const RELATIVE_IMPORT = { regex: '^\\.\\.?/', message: 'Import with @/… from the repository root (one import style everywhere).' };

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Playwright fixtures call their callback `use`, which is not React's hook.
    files: ['tests/e2e/**/*.ts', 'tests/e2e-firefox/**/*.ts', 'tests/bench/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  // One import style everywhere: @/… from the repository root, so a file reads the same wherever
  // it moves and a search for a module's path finds every importer.
  // Root config files are loaded by WXT, Vitest and Playwright before any alias exists.
  { files: ['**/*.{ts,tsx}'], ignores: ['*.config.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [RELATIVE_IMPORT] }] } },
  // Layering from DESIGN.md: imports go down only (entrypoints → components → utils), and UI code
  // never imports the background. With WXT's auto-imports off, every dependency is an import
  // these rules can see.
  {
    files: ['utils/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            RELATIVE_IMPORT,
            {
              group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'zustand/react', '**/components/**', '**/entrypoints/**', '@/components/**', '@/entrypoints/**', '~/components/**', '~/entrypoints/**'],
              message: 'utils/ is pure TypeScript: no React, no UI, no entrypoints.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [RELATIVE_IMPORT, { group: ['**/entrypoints/**', '@/entrypoints/**', '~/entrypoints/**'], message: 'components/ are shared by the surfaces: they never import an entrypoint.' }] },
      ],
    },
  },
  {
    // UI entrypoints (popup, side panel, options, overlay panel and content script).
    files: ['entrypoints/**/*.{ts,tsx}'],
    ignores: ['entrypoints/background/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            RELATIVE_IMPORT,
            {
              group: ['**/background', '**/background/**', '@/entrypoints/background', '@/entrypoints/background/**'],
              message: 'UI code never imports background code: send a message (utils/messages) instead.',
            },
          ],
        },
      ],
    },
  },
  {
    // Closing storage to content scripts is the background's first act on start-up, and only its.
    files: ['**/*.{ts,tsx}'],
    ignores: ['entrypoints/background/index.ts', 'utils/storage/access-level.ts', 'tests/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='setAccessLevel'], CallExpression[callee.name='restrictStorageToTrustedContexts']",
          message: "Storage access levels are set once, by the background's start-up (entrypoints/background/index.ts).",
        },
      ],
    },
  },
);
