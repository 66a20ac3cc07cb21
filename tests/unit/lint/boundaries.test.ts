// The layer direction is a lint error, not a review comment (issue #2).
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint()

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages.map((m) => m.ruleId ?? m.message)
}

const vue = (script: string, template = '<div />') =>
  `<script setup lang="ts">\n${script}\n</script>\n\n<template>\n  ${template}\n</template>\n`

describe('lint boundaries', () => {
  it('a page importing dexie fails lint', async () => {
    const ids = await ruleIds(vue("import Dexie from 'dexie'\nconsole.log(Dexie)"), 'src/pages/BadPage.vue')
    expect(ids).toContain('no-restricted-imports')
  })

  it('a component importing src/db fails lint', async () => {
    const ids = await ruleIds(vue("import { getDb } from '@/db'\nconsole.log(getDb)"), 'src/components/x/Bad.vue')
    expect(ids).toContain('no-restricted-imports')
  })

  it('src/domain importing vue fails lint', async () => {
    const ids = await ruleIds("import { ref } from 'vue'\nexport const x = ref(1)\n", 'src/domain/bad.ts')
    expect(ids).toContain('no-restricted-imports')
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

  it('v-html is an error', async () => {
    const ids = await ruleIds(vue('const s = "<b>x</b>"', '<div v-html="s" />'), 'src/components/x/Html.vue')
    expect(ids).toContain('vue/no-v-html')
  })

  it('a page importing a store passes', async () => {
    const ids = await ruleIds(
      vue("import { useLedgerStore } from '@/stores/ledger'\nconst l = useLedgerStore()\nconsole.log(l)"),
      'src/pages/GoodPage.vue',
    )
    expect(ids).not.toContain('no-restricted-imports')
  })
})
