// Lint enforces the boundaries of docs/ARCHITECTURE.md ("Boundaries"): the layer direction
// domain ← db ← stores ← composables ← components/pages (exports → domain only), the rooms of src/domain
// (src/domain/README.md), the demo generator seen only by its loader, and a domain without DOM or Node globals.
// Each area of src/ is one block below; tests/unit/lint/boundaries.test.ts proves that every block refuses a wrong
// import. Static imports are checked by no-restricted-imports, dynamic import() by boundaries/dynamic-imports, with
// the same patterns.
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'
import ignore from 'ignore'

const dexie = ['dexie', 'dexie/*']
const vue = ['vue', 'vue/*', 'pinia', 'vue-router', 'vant', 'vant/*']
const under = (folder) => [`@/${folder}`, `@/${folder}/*`, `**/${folder}/*`, `**/${folder}`]
/** src/sync (the sync client) only: `sync` is also a room of the domain and a folder of components and stores. */
const syncClient = ['@/sync', '@/sync/*', '**/src/sync', '**/src/sync/*', '../sync/*', '../../sync/*']
const DEMO = [['@/domain/demo/*', '**/demo/*'], 'The demo generator is loaded by stores/ledger-setup.ts alone (and by tests).']

/** The same patterns for import() as no-restricted-imports applies to static imports. */
const dynamicImports = {
  meta: { type: 'problem', schema: false },
  create(context) {
    const groups = (context.options[0]?.patterns ?? []).map(({ group, message }) => ({
      matcher: ignore({ allowRelativePaths: true, ignorecase: true }).add(group),
      message,
    }))
    return {
      ImportExpression(node) {
        const source = node.source.type === 'Literal' ? node.source.value : null
        if (typeof source !== 'string') return
        const hit = groups.find((g) => g.matcher.ignores(source))
        if (hit) context.report({ node, message: `'${source}' import is restricted from being used by a pattern. ${hit.message}` })
      },
    }
  },
}

/** One area of src/: the imports it may not make, static or dynamic, plus any rules of its own. */
function area(files, forbidden, rules = {}, extra = {}) {
  const patterns = forbidden.map(([group, message]) => ({ group, message }))
  return {
    files,
    ...extra,
    rules: {
      'no-restricted-imports': ['error', { patterns }],
      'boundaries/dynamic-imports': ['error', { patterns }],
      ...rules,
    },
  }
}

/** Globals that exist only in a browser page or only in Node: the domain runs in both and touches neither. */
const NOT_IN_DOMAIN = [
  'window', 'document', 'navigator', 'location', 'history', 'localStorage', 'sessionStorage', 'indexedDB', 'IDBKeyRange',
  'self', 'alert', 'confirm', 'prompt', 'fetch', 'XMLHttpRequest', 'FileReader', 'Blob', 'File', 'requestAnimationFrame',
  'requestIdleCallback', 'setTimeout', 'setInterval', 'process', 'Buffer', 'require', '__dirname', '__filename', 'global',
].map((name) => ({ name, message: 'src/domain is pure: no DOM, browser or Node globals (pass what you need in).' }))

const SORT_BY_COLLATOR = {
  selector: "CallExpression[callee.property.name='localeCompare'][arguments.1.value='zh-CN']",
  message: 'Sort names with compareZh / byName / rosterOrder of src/domain/model/order.ts (one collator, one order).',
}

const domainRules = {
  'no-restricted-globals': ['error', ...NOT_IN_DOMAIN],
  'no-restricted-syntax': [
    'error',
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Domain functions take "today" as an argument.' },
    { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'Domain functions take "today" as an argument.' },
    SORT_BY_COLLATOR,
  ],
}

const PURE = [
  [[...vue, ...dexie, '@/*', '../../*'], 'src/domain is pure TypeScript: no framework, no database, no import from outside src/domain.'],
]
/** The rooms of src/domain and the rooms each may import (src/domain/README.md). */
const ROOMS = {
  model: [],
  ledger: ['model', 'access'],
  measures: ['model'],
  report: ['model', 'measures'],
  views: ['model', 'measures', 'report', 'ledger'],
  input: ['model', 'measures'],
  device: ['model', 'ledger'],
  access: ['model'],
  sync: ['model', 'access'],
  demo: ['model', 'ledger', 'measures', 'input'],
}
function roomBlock(room) {
  const others = Object.keys(ROOMS).filter((r) => r !== room && !ROOMS[room].includes(r))
  const forbidden = [...PURE, [others.map((r) => `../${r}/*`), `domain/${room} may import only ${['its own room', ...ROOMS[room]].join(', ')} (src/domain/README.md).`]]
  return area([`src/domain/${room}/**`], forbidden, domainRules)
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
    plugins: { boundaries: { rules: { 'dynamic-imports': dynamicImports } } },
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
  // src/domain: files at its root, then each room.
  area(['src/domain/*.ts'], [[[...vue, ...dexie, '@/*', '../*'], PURE[0][1]]], domainRules),
  ...Object.keys(ROOMS).map(roomBlock),
  area(
    ['src/db/**'],
    [[[...vue, ...under('stores'), ...under('composables'), ...under('components'), ...under('pages'), ...under('app'), ...under('exports')], 'src/db depends on src/domain and dexie only.'], DEMO],
    { 'no-restricted-syntax': ['error', SORT_BY_COLLATOR] },
  ),
  area(
    ['src/exports/**'],
    [[[...vue, ...dexie, ...under('db'), ...under('stores'), ...under('composables'), ...under('components'), ...under('pages'), ...under('app')], 'src/exports depends on src/domain and its own library only.'], DEMO],
    { 'no-restricted-syntax': ['error', SORT_BY_COLLATOR] },
  ),
  area(
    ['src/stores/**'],
    [[['vant', 'vant/*', ...under('composables'), ...under('components'), ...under('pages'), ...under('app')], 'Stores hold data: no UI (components, pages, composables, vant) and no app shell.'], DEMO],
    { 'no-restricted-syntax': ['error', SORT_BY_COLLATOR] },
    { ignores: ['src/stores/ledger-setup.ts'] },
  ),
  // The demo loader: the one file outside the tests that may import src/domain/demo.
  area(
    ['src/stores/ledger-setup.ts'],
    [[['vant', 'vant/*', ...under('composables'), ...under('components'), ...under('pages'), ...under('app')], 'Stores hold data: no UI (components, pages, composables, vant) and no app shell.']],
    { 'no-restricted-syntax': ['error', SORT_BY_COLLATOR] },
  ),
  area(
    ['src/composables/**'],
    [[[...dexie, ...under('db'), ...under('components'), ...under('pages'), ...under('app')], 'Composables reach data through stores, never the database, and know no components, pages or app shell.'], DEMO],
    { 'no-restricted-syntax': ['error', SORT_BY_COLLATOR] },
  ),
  area(
    ['src/components/**'],
    [[[...dexie, ...under('db'), ...syncClient, ...under('stores'), ...under('pages'), ...under('app')], 'Components are props in, emits out: no stores, no database, no network, no pages or app shell.'], DEMO],
    { 'no-restricted-syntax': ['error', SORT_BY_COLLATOR] },
  ),
  area(
    ['src/pages/**'],
    [[[...dexie, ...under('db'), ...syncClient, ...under('app')], 'Pages wire stores to components: never the database or the network, never the app shell.'], DEMO],
    { 'no-restricted-syntax': ['error', SORT_BY_COLLATOR] },
  ),
  area(['src/app/**'], [DEMO], { 'no-restricted-syntax': ['error', SORT_BY_COLLATOR] }),
  area(
    ['src/sync/**'],
    [[[...vue, ...under('stores'), ...under('composables'), ...under('components'), ...under('pages'), ...under('app'), ...under('exports')], 'src/sync (the sync client) depends on src/domain, src/db and fetch only.'], DEMO],
    { 'no-restricted-syntax': ['error', SORT_BY_COLLATOR] },
  ),
  area(
    ['server/**'],
    [[[...vue, ...dexie, '@/*', '**/src/db', '**/src/db/**', '**/src/stores/**', '**/src/pages/**', '**/src/components/**', '**/src/composables/**', '**/src/sync/**', '**/src/app/**', '**/src/exports/**'], 'server/ imports src/domain and its own libraries only: never the app, its database or its UI.'], DEMO],
  ),
)
