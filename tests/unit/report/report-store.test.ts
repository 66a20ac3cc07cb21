// The report store: reads year Y and Y−1 from the database, computes the figures, follows the year's counting rules
// (the keeper's choice kept with the targets), and shows last year's values when last year has data.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { readFileSync } from 'node:fs'
import { LedgerDB } from '@/db/database'
import { setDb } from '@/db'
import { mergeRecords } from '@/db/merge-records'
import { setMeta } from '@/db/meta'
import { useReportStore } from '@/stores/report'
import { useLedgerStore } from '@/stores/ledger'
import type { Activity, LedgerFile, TargetSet } from '@/domain/model/types'
import { EXAMPLE, EXPECTED } from '../exports/support'

let db: LedgerDB
let n = 0
const U = '2024-01-01T00:00:00.000Z_0000_dev1'

beforeEach(async () => {
  db = new LedgerDB(`report-store-${++n}`)
  await db.open()
  setDb(db)
  setActivePinia(createPinia())
  const file = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as LedgerFile
  await mergeRecords(db, file.records!, { unit: file.unit })
  await setMeta(db, 'unit', file.unit)
})
afterEach(async () => {
  setDb(null)
  db.close()
  await db.delete()
})

function selfStudy(id: string, date: string, review?: Activity['review']): Activity {
  return {
    id, kind: 'self', title: '自学', date, endDate: null, hours: 4, legalTheme: true, laws: ['中华人民共和国宪法'],
    category: null, organizer: null, lecturer: null, attendees: ['q1'], note: '', updatedAt: U, ...(review ? { review } : {}),
  }
}

describe('useReportStore', () => {
  it('loads the worked example and prints every figure as worked out', async () => {
    const report = useReportStore()
    const pending = report.load(2023, '2023-12-31')
    expect(report.isLoading).toBe(true)
    await pending
    expect(report.isLoading).toBe(false)
    expect(report.error).toBeNull()
    const printed = report.bundle!.figures.printed as Record<string, string>
    expect(Object.fromEntries(Object.keys(EXPECTED.figures).map((k) => [k, printed[k]]))).toEqual(EXPECTED.figures)
    expect(report.bundle?.unitName).toBe('示例单位')
    expect(report.bundle?.draft).toContain('参考率66.7%')
    expect(report.bundle?.previous).toBeNull()
  })

  it('leaves an optional sentence out of the draft until it is switched on, and keeps the choice for the next load', async () => {
    const report = useReportStore()
    await report.load(2023, '2023-12-31')
    expect(report.bundle!.draft).not.toContain('最少16学时')
    const figures = report.bundle!.figures
    await report.setDraftOptional('enforcementMinHours', true)
    expect(report.bundle!.draft).toContain('人均25.5学时，最少16学时')
    expect(report.bundle!.figures).toBe(figures) // the draft only: nothing is computed again
    await report.load(2023, '2023-11-30')
    expect(report.bundle!.draft).toContain('最少')
    await report.setDraftOptional('enforcementMinHours', false)
    expect(report.bundle!.draft).not.toContain('最少')
    expect(report.draftOptional).toEqual([])
  })

  it('compares with last year over the same period when last year has data', async () => {
    await db.activities.bulkPut([selfStudy('y1', '2022-03-01'), selfStudy('y2', '2022-12-20')])
    const report = useReportStore()
    await report.load(2023, '2023-06-30')
    expect(report.bundle?.previous?.asOf).toBe('2022-06-30')
    expect(report.bundle?.previousIsFullYear).toBe(false)
    expect(report.bundle?.comparison?.totalHours.printedPrevious).toBe('4')
    await report.load(2023, '2023-12-31')
    expect(report.bundle?.previousIsFullYear).toBe(true)
    expect(report.bundle?.comparison?.totalHours.printedPrevious).toBe('8')
  })

  it("counts unverified 自报 hours only when the year's counting rules say so (not by default)", async () => {
    await db.activities.put(selfStudy('s1', '2023-04-01', 'selfReported'))
    const report = useReportStore()
    await report.load(2023, '2023-12-31')
    expect(report.bundle?.figures.printed.totalHours).toBe('66')
    // The old device setting no longer decides: the keeper's choice travels with the targets.
    const ledger = useLedgerStore()
    await ledger.saveSettings({ ...ledger.settings, countSelfReported: true })
    await report.load(2023, '2023-12-31')
    expect(report.bundle?.figures.printed.totalHours).toBe('66')
    const set = (await db.targetSets.toArray()).find((t) => 'year' in t && t.year === 2023) as TargetSet
    await db.targetSets.put({ ...set, counting: { countSelfReported: true, dailyConfirmHours: 8 } })
    await report.load(2023, '2023-12-31')
    expect(report.bundle?.figures.printed.totalHours).toBe('70')
  })

  it('keeps only the newest of overlapping loads', async () => {
    const report = useReportStore()
    const first = report.load(2022, '2022-12-31')
    const second = report.load(2023, '2023-12-31')
    await Promise.all([first, second])
    expect(report.bundle?.year).toBe(2023)
  })
})
