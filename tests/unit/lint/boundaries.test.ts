// The boundaries are lint errors, not review comments: every area block of eslint.config.js refuses a wrong import
// (static and import()), the rooms of src/domain follow their table, the demo generator is seen by its loader alone,
// and the domain touches no DOM or Node global (lint) and compiles without the DOM library (tsconfig.domain.json).
import { ESLint } from 'eslint'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint()

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages.map((m) => m.ruleId ?? m.message)
}

const vue = (script: string, template = '<div />') =>
  `<script setup lang="ts">\n${script}\n</script>\n\n<template>\n  ${template}\n</template>\n`

const IMPORTS = 'no-restricted-imports'
const DYNAMIC = 'boundaries/dynamic-imports'

interface Case {
  /** The block of eslint.config.js the case is about (its `files` glob). */
  block: string
  file: string
  code: string
  rule: string
}

/** One wrong import (or global) per block; each must fail with the named rule. */
const WRONG: Case[] = [
  { block: 'src/domain/*.ts', file: 'src/domain/bad.ts', code: "import { ref } from 'vue'\nexport const x = ref(1)\n", rule: IMPORTS },
  { block: 'src/domain/model/**', file: 'src/domain/model/bad.ts', code: "import { isTombstone } from '../ledger/merge'\nexport { isTombstone }\n", rule: IMPORTS },
  { block: 'src/domain/ledger/**', file: 'src/domain/ledger/bad.ts', code: "import { computePersonHours } from '../measures/person-hours'\nexport { computePersonHours }\n", rule: IMPORTS },
  { block: 'src/domain/measures/**', file: 'src/domain/measures/bad.ts', code: "import { FIGURES } from '../report/registry'\nexport { FIGURES }\n", rule: IMPORTS },
  { block: 'src/domain/report/**', file: 'src/domain/report/bad.ts', code: "import { personStatusRows } from '../views/progress-views'\nexport { personStatusRows }\n", rule: IMPORTS },
  { block: 'src/domain/views/**', file: 'src/domain/views/bad.ts', code: "import { formsToRules } from '../input/target-input'\nexport { formsToRules }\n", rule: IMPORTS },
  { block: 'src/domain/input/**', file: 'src/domain/input/bad.ts', code: "import { FIGURES } from '../report/registry'\nexport { FIGURES }\n", rule: IMPORTS },
  { block: 'src/domain/device/**', file: 'src/domain/device/bad.ts', code: "import { tallyExam } from '../measures/exam-stats'\nexport { tallyExam }\n", rule: IMPORTS },
  { block: 'src/domain/access/**', file: 'src/domain/access/bad.ts', code: "import { canonicalJson } from '../ledger/canonical'\nexport { canonicalJson }\n", rule: IMPORTS },
  { block: 'src/domain/sync/**', file: 'src/domain/sync/bad.ts', code: "import { recordsHash } from '../ledger/canonical'\nexport { recordsHash }\n", rule: IMPORTS },
  { block: 'src/domain/demo/**', file: 'src/domain/demo/bad.ts', code: "import { remind } from '../views/remind'\nexport { remind }\n", rule: IMPORTS },
  { block: 'src/db/**', file: 'src/db/bad.ts', code: "import { useLedgerStore } from '@/stores/ledger'\nexport { useLedgerStore }\n", rule: IMPORTS },
  { block: 'src/exports/**', file: 'src/exports/bad.ts', code: "import { getDb } from '@/db'\nexport { getDb }\n", rule: IMPORTS },
  { block: 'src/stores/**', file: 'src/stores/bad.ts', code: "import X from '@/components/common/ChoiceChips.vue'\nexport { X }\n", rule: IMPORTS },
  { block: 'src/stores/ledger-setup.ts', file: 'src/stores/ledger-setup.ts', code: "import { showToast } from 'vant'\nexport { showToast }\n", rule: IMPORTS },
  { block: 'src/composables/**', file: 'src/composables/useBad.ts', code: "import { getDb } from '@/db'\nexport { getDb }\n", rule: IMPORTS },
  { block: 'src/components/**', file: 'src/components/x/Bad.vue', code: vue("import { useLedgerStore } from '@/stores/ledger'\nconsole.log(useLedgerStore)"), rule: IMPORTS },
  { block: 'src/pages/**', file: 'src/pages/BadPage.vue', code: vue("import Dexie from 'dexie'\nconsole.log(Dexie)"), rule: IMPORTS },
  { block: 'src/app/**', file: 'src/app/bad.ts', code: "export const load = () => import('@/domain/demo/ledger')\n", rule: DYNAMIC },
  { block: 'src/sync/**', file: 'src/sync/bad.ts', code: "import { useSyncStore } from '@/stores/sync'\nexport { useSyncStore }\n", rule: IMPORTS },
  { block: 'server/**', file: 'server/src/bad.ts', code: "import { getDb } from '../../src/db'\nexport const x = getDb\n", rule: IMPORTS },
]

describe('lint boundaries', () => {
  it('has a failing case for every area block of eslint.config.js', async () => {
    const { default: config } = (await import(new URL('../../../eslint.config.js', import.meta.url).href)) as {
      default: { files?: string[]; rules?: Record<string, unknown> }[]
    }
    const blocks = config
      .filter((b) => b.rules && DYNAMIC in b.rules)
      .flatMap((b) => b.files ?? [])
    expect(blocks.length).toBeGreaterThanOrEqual(17)
    expect([...new Set(WRONG.map((c) => c.block))].sort()).toEqual([...blocks].sort())
  })

  it.each(WRONG)('$block refuses $file', async ({ file, code, rule }) => {
    expect(await ruleIds(code, file)).toContain(rule)
  })

  it.each([
    ['a component', 'src/components/x/Bad.vue', vue("const load = () => import('@/stores/exchange')\nconsole.log(load)")],
    ['a component', 'src/components/x/Bad.vue', vue("const load = () => import('@/db/ledger-io')\nconsole.log(load)")],
    ['a page', 'src/pages/BadPage.vue', vue("const load = () => import('@/db')\nconsole.log(load)")],
    ['a page', 'src/pages/BadPage.vue', vue("const load = () => import('@/app/router')\nconsole.log(load)")],
    ['a store', 'src/stores/bad.ts', "export const load = () => import('@/domain/demo/ledger')\n"],
    ['the domain', 'src/domain/report/bad.ts', "export const load = () => import('../views/remind')\n"],
  ])('%s refuses the same imports through import() (%s)', async (_, file, code) => {
    expect(await ruleIds(code, file)).toContain(DYNAMIC)
  })

  it.each([
    ['pages never import the app shell', 'src/pages/BadPage.vue', vue("import router from '@/app/router'\nconsole.log(router)")],
    ['components never import the app shell', 'src/components/x/Bad.vue', vue("import router from '@/app/router'\nconsole.log(router)")],
    ['components never import the database', 'src/components/x/Bad.vue', vue("import { getDb } from '@/db'\nconsole.log(getDb)")],
    ['composables never import components', 'src/composables/useBad.ts', "import X from '@/components/common/ChoiceChips.vue'\nexport { X }\n"],
    ['only the demo loader imports the demo', 'src/pages/BadPage.vue', vue("import { generateDemoLedger } from '@/domain/demo/ledger'\nconsole.log(generateDemoLedger)")],
    ['the domain imports nothing through @/', 'src/domain/measures/bad.ts', "import { getDb } from '@/db'\nexport { getDb }\n"],
    ['the domain never leaves src/domain', 'src/domain/measures/bad.ts', "import { getDb } from '../../db'\nexport { getDb }\n"],
  ])('%s', async (_, file, code) => {
    expect(await ruleIds(code, file)).toContain(IMPORTS)
  })

  it.each([
    ['document', 'export const title = (): string => document.title\n', 'no-restricted-globals'],
    ['localStorage', "export const read = (): string | null => localStorage.getItem('x')\n", 'no-restricted-globals'],
    ['process', 'export const env = (): string | undefined => process.env.X\n', 'no-restricted-globals'],
    ['new Date()', 'export const now = (): Date => new Date()\n', 'no-restricted-syntax'],
    ['Date.now()', 'export const now = (): number => Date.now()\n', 'no-restricted-syntax'],
  ])('the domain may not use %s', async (_, code, rule) => {
    expect(await ruleIds(code, 'src/domain/model/bad.ts')).toContain(rule)
  })

  it.each([
    ['src/components/x/Bad.vue', vue("const names = ['乙', '甲'].sort((a, b) => a.localeCompare(b, 'zh-CN'))\nconsole.log(names)")],
    ['src/domain/report/bad.ts', "export const sorted = ['乙', '甲'].sort((a, b) => a.localeCompare(b, 'zh-CN'))\n"],
  ])('sorting names with localeCompare outside model/order.ts fails (%s)', async (file, code) => {
    expect(await ruleIds(code, file)).toContain('no-restricted-syntax')
  })

  it('the sync service importing the app database fails lint; importing the domain passes', async () => {
    const bad = await ruleIds("import { getDb } from '../../src/db'\nexport const x = getDb\n", 'server/src/bad.ts')
    expect(bad).toContain('no-restricted-imports')
    const good = await ruleIds("import { wins } from '../../src/domain/ledger/merge'\nexport const x = wins\n", 'server/src/good.ts')
    expect(good).not.toContain('no-restricted-imports')
  })

  it('a page calling the sync client directly fails lint (it goes through the sync store)', async () => {
    const ids = await ruleIds(vue("import { syncApi } from '@/sync/api'\nconsole.log(syncApi)"), 'src/pages/BadSync.vue')
    expect(ids).toContain('no-restricted-imports')
  })

  it('the sync store, the domain sync room and sync components are not the sync client', async () => {
    const page = vue("import { useSyncStore } from '@/stores/sync'\nimport { STATE } from '@/domain/sync/state'\nimport C from '@/components/sync/C.vue'\nconsole.log(useSyncStore, STATE, C)")
    expect(await ruleIds(page, 'src/pages/GoodSync.vue')).not.toContain('no-restricted-imports')
    const comp = vue("import { STATE } from '@/domain/sync/state'\nconsole.log(STATE)")
    expect(await ruleIds(comp, 'src/components/sync/Good.vue')).not.toContain('no-restricted-imports')
  })

  it('v-html is an error', async () => {
    const ids = await ruleIds(vue('const s = "<b>x</b>"', '<div v-html="s" />'), 'src/components/x/Html.vue')
    expect(ids).toContain('vue/no-v-html')
  })

  it.each([
    ['a page importing a store', 'src/pages/GoodPage.vue', vue("import { useLedgerStore } from '@/stores/ledger'\nconsole.log(useLedgerStore)")],
    ['the demo loader importing the demo', 'src/stores/ledger-setup.ts', "export const load = () => import('@/domain/demo/ledger')\n"],
    ['the ledger room importing the scope rule (files are cut by it)', 'src/domain/ledger/good.ts', "import { cutToScope } from '../access/scope'\nexport { cutToScope }\n"],
    ['a room importing a room it may', 'src/domain/report/good.ts', "import { tallyExam } from '../measures/exam-stats'\nexport { tallyExam }\n"],
    ['a component importing the domain', 'src/components/x/Good.vue', vue("import { FIGURES } from '@/domain/report/registry'\nconsole.log(FIGURES)")],
    ['the domain using WebCrypto', 'src/domain/ledger/good.ts', 'export const subtle = () => globalThis.crypto.subtle\n'],
  ])('%s passes', async (_, file, code) => {
    const ids = await ruleIds(code, file)
    expect(ids.filter((id) => [IMPORTS, DYNAMIC, 'no-restricted-globals', 'no-restricted-syntax'].includes(id))).toEqual([])
  })
})

describe('the domain compiles without the DOM library', () => {
  const configPath = new URL('../../../tsconfig.domain.json', import.meta.url).pathname
  const root = configPath.replace(/\/[^/]+$/, '')

  /** Diagnostics per probe file, each compiled as a file of src/domain with tsconfig.domain.json's options. */
  function diagnostics(probes: Record<string, string>): Record<string, string> {
    const { config: raw } = ts.readConfigFile(configPath, ts.sys.readFile)
    const { options } = ts.parseJsonConfigFileContent(raw, ts.sys, root)
    const paths = Object.keys(probes).map((name) => `${root}/src/domain/model/${name}.ts`)
    const host = ts.createCompilerHost(options)
    const read = host.getSourceFile.bind(host)
    host.getSourceFile = (file, lang, ...rest) => {
      const i = paths.indexOf(file)
      return i >= 0 ? ts.createSourceFile(file, Object.values(probes)[i], lang) : read(file, lang, ...rest)
    }
    const program = ts.createProgram(paths, { ...options, noEmit: true }, host)
    const out: Record<string, string> = {}
    Object.keys(probes).forEach((name, i) => {
      const file = program.getSourceFile(paths[i])
      out[name] = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
        .join('\n')
    })
    return out
  }

  it('refuses DOM globals and types, and accepts what the domain uses on both platforms', () => {
    const d = diagnostics({
      document: 'export const t = (): string => document.title\n',
      element: 'export type E = HTMLElement\n',
      fine: "export const x = [globalThis.crypto.subtle, new TextEncoder(), new Intl.Collator('zh-CN')]\n",
    })
    expect(d.document).toMatch(/Cannot find name 'document'/)
    expect(d.element).toMatch(/Cannot find name 'HTMLElement'/)
    expect(d.fine).toBe('')
  }, 60_000)
})
