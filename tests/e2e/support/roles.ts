// Helpers of the three-phone test (issue 15): the roster as the keeper's phone stores it, and the 股室 view as a
// phone shows it, row by row.
import { mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { baseURL } from './browser'

export interface RosterInfo {
  sections: { id: string; name: string }[]
  persons: { id: string; name: string; sectionId: string | null; active: boolean }[]
  /** An enforcement officer (so 首页 shows her hours ring) who took this year's annual exam. */
  officialName: string
}

/** Reads sections, persons and exam results with raw IndexedDB (no app code). */
export async function readRoster(page: Page): Promise<RosterInfo> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('xuefa-ledger')
      r.onsuccess = () => resolve(r.result)
      r.onerror = () => reject(r.error)
    })
    const all = <T>(t: string) =>
      new Promise<T[]>((resolve) => {
        const r = db.transaction(t).objectStore(t).getAll()
        r.onsuccess = () => resolve(r.result as T[])
      })
    type P = { id: string; name: string; sectionId: string | null; activeTo: string | null; roles: string[]; deletedAt?: string }
    const persons = (await all<P>('persons')).filter((p) => !p.deletedAt)
    const sections = (await all<{ id: string; name: string; order: number; deletedAt?: string }>('sections')).filter((s) => !s.deletedAt)
    const year = new Date().getFullYear()
    const exams = await all<{ id: string; kind: string; year: number }>('exams')
    const annual = exams.find((e) => e.kind === 'annual' && e.year === year)
    const results = await all<{ examId: string; personId: string; status: string }>('examResults')
    const identity = await new Promise<string | null>((resolve) => {
      const r = db.transaction('meta').objectStore('meta').get('identity')
      r.onsuccess = () => resolve((r.result as { value?: string } | undefined)?.value ?? null)
    })
    db.close()
    const took = new Set(results.filter((r) => r.examId === annual?.id && r.status === 'taken').map((r) => r.personId))
    const official = persons.find((p) => p.activeTo === null && p.roles.includes('enforcement') && took.has(p.id) && p.id !== identity)
    return {
      sections: sections.sort((a, b) => a.order - b.order).map((s) => ({ id: s.id, name: s.name })),
      persons: persons.map((p) => ({ id: p.id, name: p.name, sectionId: p.sectionId, active: p.activeTo === null })),
      officialName: official?.name ?? '',
    }
  })
}

export interface ShownRow {
  name: string
  hours: string
  status: string | null
  exam: string
}

/** 统计 → 股室 of one section: every row as shown (name, hours, status, exam), in the order shown. */
export async function rowsOfSectionView(page: Page, sectionId: string): Promise<ShownRow[]> {
  // A fresh load: the 统计 page reads its section from the URL when it opens.
  await page.goto('about:blank')
  await page.goto(`${baseURL()}#/stats?tab=section&section=${sectionId}`)
  const list = page.locator('[data-testid="stats-section"] [data-testid="status-row"]')
  await list.first().waitFor({ timeout: 30_000 })
  return list.evaluateAll((rows) =>
    rows.map((r) => {
      const spans = [...r.children] as HTMLElement[]
      return {
        name: (spans[0]?.textContent ?? '').trim(),
        hours: (spans[1]?.textContent ?? '').trim(),
        status: r.getAttribute('data-status'),
        exam: (spans[3]?.textContent ?? '').trim(),
      }
    }),
  )
}

/** What the phone shows without scrolling (390×844), to look at: once no toast covers it. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync('screenshots', { recursive: true })
  await page.waitForFunction(() => ![...document.querySelectorAll('.van-toast, [data-testid="saved-toast"]')].some((e) => e.checkVisibility({ visibilityProperty: true })), undefined, { timeout: 10_000 })
  await page.waitForTimeout(400)
  await page.screenshot({ path: `screenshots/${name}.png` })
}
