import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'No raw HTML: event titles and names are hostile input. Build nodes instead.',
        },
      ],
    },
  },
  {
    // Benchmarks and the demo's seed run code inside the extension's pages, where `chrome` is the extension API.
    files: ['bench/**', 'scripts/demo-data.mjs'],
    languageOptions: { globals: { chrome: 'readonly' } },
  },
  {
    // Tests assert on fixtures they built themselves; `!` there reads better than a guard.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Fixture modules play Google's part: they render Google's markup from escaped strings.
    files: ['tests/fixtures/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
