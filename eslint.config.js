// Lint enforces the layer direction of docs/ARCHITECTURE.md:
// domain ← db ← stores ← composables ← components/pages; exports → domain only.
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'

const dbImports = ['dexie', 'dexie/*', '@/db', '@/db/*', '**/db/*', '**/db']
const frameworkImports = ['vue', 'vue/*', 'pinia', 'vue-router', 'vant', 'vant/*', 'dexie', 'dexie/*']

function restrict(patterns, message) {
  return { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] }
}

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'dev-dist/**', 'node_modules/**', 'coverage/**', 'tests/fixtures/**', 'screenshots/**'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
  },
  {
    rules: {
      'vue/no-v-html': 'error',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/attribute-hyphenation': 'off',
      'vue/v-on-event-hyphenation': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**'],
    rules: restrict(
      [...frameworkImports, '@/*', '../../*', '**/db/**', '**/stores/**', '**/pages/**', '**/components/**'],
      'src/domain is pure TypeScript: no framework, no database, no imports outside domain.',
    ),
  },
  {
    files: ['src/exports/**'],
    rules: restrict(
      ['vue', 'pinia', 'dexie', '@/db', '@/db/*', '@/stores/*', '**/db/*', '**/stores/*', '**/pages/*', '**/components/*'],
      'src/exports depends on src/domain and its own library only.',
    ),
  },
  {
    files: ['src/db/**'],
    rules: restrict(
      ['vue', 'pinia', 'vant', '@/stores/*', '@/pages/*', '@/components/*', '**/stores/*', '**/pages/*', '**/components/*'],
      'src/db depends on domain and dexie only.',
    ),
  },
  {
    files: ['server/**'],
    rules: restrict(
      [...frameworkImports, '@/*', '**/src/db', '**/src/db/**', '**/stores/**', '**/pages/**', '**/components/**', '**/composables/**', '**/src/sync/**', '**/src/app/**'],
      'server/ imports src/domain and its own libraries only: never the app, its database or its UI.',
    ),
  },
  {
    files: ['src/sync/**'],
    rules: restrict(
      ['vue', 'pinia', 'vant', '@/stores/*', '@/pages/*', '@/components/*', '**/stores/*', '**/pages/*', '**/components/*'],
      'src/sync (the sync client) depends on domain, db and fetch only.',
    ),
  },
  {
    files: ['src/pages/**', 'src/components/**', 'tests/fixtures/lint/**'],
    rules: restrict([...dbImports, '@/sync', '@/sync/*'], 'Pages and components never touch the database or the network: go through a store.'),
  },
)
