import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noLeftoverTests = [
  {
    selector: "CallExpression[callee.property.name='skip'][callee.object.name='describe']",
    message: 'No describe.skip left behind.',
  },
  { selector: "CallExpression[callee.property.name='only']", message: 'No .only left behind.' },
];

// Production code asks a Clock (src/core/time.ts) for the time, so that tests and jobs can control it.
const clockOnly = [
  {
    selector: "MemberExpression[object.name='Date'][property.name='now']",
    message: 'Ask a Clock (src/core/time.ts) for the time instead of Date.now().',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Ask a Clock (src/core/time.ts) for the time instead of new Date().',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'data/**',
      'web/**/dist/**',
      'packages/*/dist/**',
      'packages/client/src/schema.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        performance: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...noLeftoverTests],
    },
  },
  {
    // The capture app runs in the browser and talks to the server over HTTP only.
    files: ['web/capture/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src/**'], message: 'The capture app never imports server code.' }] },
      ],
    },
  },
  {
    // The console app too: the browser only, the server over HTTP only.
    files: ['web/console/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src/**'], message: 'The console app never imports server code.' }] },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/core/time.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noLeftoverTests, ...clockOnly] },
  },
);
