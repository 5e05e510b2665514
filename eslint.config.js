// Lint for the whole repository (ADR 0025): typescript-eslint, React hooks for the web, and the house's boundaries.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';

// Where SQL may be written: repositories, the database platform, migrations and tests (DESIGN §4 rule 1).
const sqlAllowed = [
  'apps/api/src/**/*.repository.ts',
  // The platform holds the SQL of its own tables (audit, jobs, limits, outbox); the ownership test keeps it to those.
  'apps/api/src/platform/**',
  'apps/api/migrations/**',
  'apps/api/test/**',
  '**/*.test.ts',
  'apps/api/src/demo/**',
  'bench/**',
  'e2e/**',
];
const moduleEntryPolicies = [
  // Another module is reached only through its index.ts (the module's public face); inside a module anything goes.
  {
    from: { element: { type: 'api-module' } },
    disallow: { to: { element: { type: 'api-module' } } },
    message: 'Import another module only through its index.ts.',
  },
  { from: { element: { type: 'api-module' } }, allow: { to: { element: { type: 'api-module', fileInternalPath: 'index.ts' } } } },
];
// The platform knows no domain: it imports no module.
const platformPolicy = {
  from: { element: { type: 'api-platform' } },
  disallow: { to: { element: { types: { anyOf: ['api-module', 'api-modules-registry'] } } } },
  message: 'platform/ knows no domain module.',
};
const platformTestPolicy = {
  from: { element: { type: 'api-platform' } },
  disallow: { to: { element: { type: 'api-module', fileInternalPath: '!index.ts' } } },
  message: 'A platform test reaches a module only through its index.ts.',
};
const testOnly = { group: ['**/test/*', '**/test/**'], message: 'apps/api/test is for tests only.' };
const queryBuilders = ['selectFrom', 'insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'bench/out/**', 'test-results/**', 'tmp/**', '**/*.stamp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Underscore marks a deliberately unused argument or binding.
      // Message catalogs declare their keys as `interface MessageCatalog extends Keys<typeof _texts> {}`.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // `catch {}` that swallows on purpose is common in cleanup paths; an empty function is a valid no-op callback.
      'no-empty': ['error', { allowEmptyCatch: true }],
      '@typescript-eslint/no-empty-function': 'off',
      // Non-null assertions are used after checks the compiler cannot follow (noUncheckedIndexedAccess).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // The control-character class in input hygiene is the point of that regex.
      'no-control-regex': 'off',
      // Chinese text in templates legitimately holds full-width spaces.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
    },
  },

  // ---- API: modules, platform and Kysely ----
  {
    files: ['apps/api/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: ['apps/api/tsconfig.json', 'apps/web/tsconfig.json', 'e2e/tsconfig.json'], noWarnOnMultipleProjects: true } },
      'boundaries/include': ['apps/**/*.{ts,tsx}'],
      'boundaries/elements': [
        { type: 'api-module', pattern: 'apps/api/src/modules/*', capture: ['module'] },
        { type: 'api-platform', pattern: 'apps/api/src/platform' },
        // Matched after the modules themselves: what is left in modules/ is the registry, modules/index.ts.
        { type: 'api-modules-registry', pattern: 'apps/api/src/modules' },
      ],
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'allow', policies: [...moduleEntryPolicies, platformPolicy] }],
    },
  },
  // Whole-app tests kept beside a platform part may build the app from the modules' registry and public faces.
  {
    files: ['apps/api/src/platform/**/*.test.ts'],
    rules: {
      'boundaries/dependencies': ['error', { default: 'allow', policies: [...moduleEntryPolicies, platformTestPolicy] }],
    },
  },
  // Test helpers, factories and fixtures live in apps/api/test; shipped code never imports them.
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [testOnly] }],
    },
  },
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: sqlAllowed,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'kysely', allowTypeImports: true, message: 'SQL lives in *.repository.ts (or platform/db); import kysely there.' }],
          // Repeated here: this block's options replace the ones above for the same files.
          patterns: [testOnly],
        },
      ],
      'no-restricted-syntax': [
        'error',
        ...queryBuilders.map((name) => ({
          selector: `CallExpression[callee.type='MemberExpression'][callee.property.name='${name}']`,
          message: `.${name}() builds SQL: move it into a *.repository.ts file.`,
        })),
      ],
    },
  },

  // ---- Web ----
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  // One-way imports in the web: shared (components/, lib/) → features/ → app/. Written for the target layout;
  // on a layout without these folders it has nothing to match and passes.
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: ['apps/web/tsconfig.json'] } },
      'boundaries/include': ['apps/web/src/**/*.{ts,tsx}'],
      'boundaries/elements': [
        { type: 'web-shared', pattern: 'apps/web/src/(components|lib)' },
        { type: 'web-feature', pattern: 'apps/web/src/features/*', capture: ['feature'] },
        { type: 'web-app', pattern: 'apps/web/src/app' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: [
            { from: { element: { type: 'web-shared' } }, disallow: { to: { element: { types: { anyOf: ['web-feature', 'web-app'] } } } } },
            { from: { element: { type: 'web-feature' } }, disallow: { to: { element: { type: 'web-app' } } } },
          ],
        },
      ],
    },
  },

  // ---- Tests, scripts ----
  {
    // Migrations and the migrator work on a schema that changes under them: Kysely<any> is the documented way.
    files: ['**/*.test.ts', 'apps/api/test/**', 'e2e/**', 'bench/**', 'apps/api/migrations/**', 'apps/api/src/platform/db/migrate.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', '*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
