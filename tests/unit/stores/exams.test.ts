// Exams store: saving exams and results, overwriting a result, removing an exam with its results.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { LedgerDB, listExamResults, listExams, setDb, setWallClock } from '@/db'
import { putRecords } from '../support/ledger-db'
import { useExamsStore } from '@/stores/exams'
import { defaultExamTitle, type ExamInput } from '@/domain/input/exam-input'
import type { Person } from '@/domain/model/types'

let db: LedgerDB
let n = 0

beforeEach(async () => {
  db = new LedgerDB(`t-exams-${++n}-${Date.now()}`)
  await db.open()
  setDb(db)
  let t = Date.UTC(2024, 10, 22)
  setWallClock(() => (t += 1000))
  setActivePinia(createPinia())
  const person = (id: string): Omit<Person, 'updatedAt'> => ({
    id, name: `人员${id}`, sectionId: null, title: null, roles: [], certNo: null, activeFrom: '2020-01-01', activeTo: null,
  })
  await putRecords<Person>(db, 'persons', [person('p1'), person('p2')])
})
afterEach(async () => {
  setDb(null)
  db.close()
  await db.delete()
})

const annual: ExamInput = {
  id: null, kind: 'annual', year: 2024, title: defaultExamTitle('annual', 2024), date: '2024-10-20', passScore: 60, excellentScore: 90,
}

async function tables() {
  return { exams: await db.exams.toArray(), examResults: await db.examResults.toArray() }
}

describe('exams store', () => {
  it('creates and edits an exam; refuses bad lines and changes nothing', async () => {
    const exams = useExamsStore()
    const id = await exams.saveExam(annual)
    await exams.saveExam({ ...annual, id, passScore: 70 })
    expect(await listExams(db)).toMatchObject([{ id, passScore: 70, excellentScore: 90 }])
    const before = await tables()
    await expect(exams.saveExam({ ...annual, id, passScore: 70, excellentScore: 65 })).rejects.toThrow('优秀线不能低于合格线（70 分）')
    await expect(exams.saveExam({ ...annual, passScore: 120 })).rejects.toThrow('合格线应在 0–100 分之间')
    await expect(exams.saveExam({ ...annual, title: '' })).rejects.toThrow('请填写考试名称')
    await expect(exams.saveExam({ ...annual, id: 'gone' })).rejects.toThrow('找不到这场考试')
    expect(await tables()).toEqual(before)
  })

  it('keeps one result per person, overwriting it, and refuses an out-of-range score', async () => {
    const exams = useExamsStore()
    const id = await exams.saveExam(annual)
    await exams.saveResult(id, 'p1', { status: 'taken', score: 96, reason: 'ignored' })
    await exams.saveResult(id, 'p2', { status: 'exempt', score: null, reason: '病假' })
    await exams.saveResult(id, 'p1', { status: 'taken', score: 88.5, reason: null })
    const results = await listExamResults(db, id)
    expect(results.map((r) => [r.personId, r.status, r.score, r.reason]).sort()).toEqual([
      ['p1', 'taken', 88.5, null],
      ['p2', 'exempt', null, '病假'],
    ])
    const before = await tables()
    await expect(exams.saveResult(id, 'p1', { status: 'taken', score: 101, reason: null })).rejects.toThrow('成绩应在 0–100 分之间')
    await expect(exams.saveResult(id, 'p1', { status: 'exempt', score: null, reason: '' })).rejects.toThrow('请选择或填写免考原因')
    await expect(exams.saveResult(id, 'nobody', { status: 'absent', score: null, reason: null })).rejects.toThrow('找不到这名人员')
    expect(await tables()).toEqual(before)
    await exams.clearResult(id, 'p1')
    expect((await listExamResults(db, id)).map((r) => r.personId)).toEqual(['p2'])
  })

  it('saves pasted results in one transaction, replacing earlier ones under their id; a bad one writes nothing', async () => {
    const exams = useExamsStore()
    const id = await exams.saveExam(annual)
    await exams.saveResult(id, 'p1', { status: 'taken', score: 50, reason: null })
    const [old] = await listExamResults(db, id)
    const before = await tables()
    await expect(exams.saveResults(id, [{ personId: 'p1', result: { status: 'taken', score: 101, reason: null } }])).rejects.toThrow('成绩应在 0–100 分之间')
    await expect(exams.saveResults(id, [{ personId: 'nobody', result: { status: 'absent', score: null, reason: null } }])).rejects.toThrow('有人员已从名册删除')
    await expect(exams.saveResults(id, [])).rejects.toThrow('没有可以保存的成绩')
    expect(await tables()).toEqual(before)
    const n = await exams.saveResults(id, [
      { personId: 'p1', result: { status: 'taken', score: 61, reason: null } },
      { personId: 'p2', result: { status: 'exempt', score: null, reason: '产假' } },
    ])
    expect(n).toBe(2)
    const results = await listExamResults(db, id)
    expect(results.map((r) => [r.personId, r.status, r.score, r.reason]).sort()).toEqual([['p1', 'taken', 61, null], ['p2', 'exempt', null, '产假']])
    expect(results.find((r) => r.personId === 'p1')?.id).toBe(old.id)
  })

  it('removes an exam together with its results in one go', async () => {
    const exams = useExamsStore()
    const keep = await exams.saveExam({ ...annual, kind: 'preAppointment', title: '任前考试' })
    const id = await exams.saveExam(annual)
    await exams.saveResult(id, 'p1', { status: 'taken', score: 96, reason: null })
    await exams.saveResult(id, 'p2', { status: 'absent', score: null, reason: null })
    await exams.saveResult(keep, 'p1', { status: 'taken', score: 80, reason: null })
    expect(await exams.removeExam(id)).toBe(2)
    expect((await listExams(db)).map((e) => e.id)).toEqual([keep])
    expect((await listExamResults(db)).map((r) => r.examId)).toEqual([keep])
    expect((await db.exams.get(id))).toMatchObject({ deletedAt: expect.any(String) })
  })
})
