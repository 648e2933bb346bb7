// ESLint (flat config) with typescript-eslint: the rules the code already assumes.
// Typechecking is tsc's job (`npm run typecheck`); this catches what tsc does not.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '.test-data/**', 'web/public/**', '**/*.d.ts', 'server/data/**', 'data/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Nest's decorators and zod's inference use `any` at a few library seams; keep it visible, not fatal
      '@typescript-eslint/no-explicit-any': 'warn',
      // CommonJS config files and worker entry points
      '@typescript-eslint/no-require-imports': 'off',
      // the ingest and the NUL guard match control characters on purpose
      'no-control-regex': 'off',
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // as in the plugin's recommended set: a missing dependency is worth a look, not always a bug
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // scripts and benchmarks run on Node; the benchmarks also hand functions to the browser (page.evaluate)
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // one data-access style in every domain (server/src/common/queryable.ts): SQL and TypeORM entity calls
    // live only in the domain's *.repository.ts files
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/**/*.repository.ts', 'server/src/database/**', 'server/src/common/update-returning.ts', 'server/src/**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='query']", message: 'SQL belongs in the domain\'s *.repository.ts (server/src/common/queryable.ts).' },
        { selector: "CallExpression[callee.name='updateReturning']", message: 'SQL belongs in the domain\'s *.repository.ts (server/src/common/queryable.ts).' },
        { selector: "CallExpression[callee.property.name=/^(getRepository|createQueryBuilder)$/]", message: 'TypeORM entity calls belong in the domain\'s *.repository.ts.' },
        { selector: "Decorator[expression.callee.name='InjectRepository']", message: 'TypeORM entity calls belong in the domain\'s *.repository.ts.' },
        { selector: "TSTypeReference[typeName.name='Repository']", message: 'TypeORM entity calls belong in the domain\'s *.repository.ts.' },
      ],
    },
  },
);
