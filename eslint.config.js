// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-artifacts/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['scripts/**/*.mjs', '*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The domain core and the wire contract do no I/O and know nothing of the layers around them.
    files: ['server/core/**/*.ts', 'common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'net', 'http', 'crypto', 'child_process'], message: 'The core and common/ do no I/O.' },
            { group: ['**/storage/**', '**/services/**', '**/http/**', '**/realtime/**', '**/devices/**', '**/forwarding/**', '**/config/**'], message: 'Arrows point inward: the core knows no adapter.' },
            { group: ['better-sqlite3', 'fastify', 'socket.io', 'socket.io-client'], message: 'No frameworks in the core or common/.' },
          ],
        },
      ],
    },
  },
);
