/**
 * Exams (年度学法考试 / 任前法律知识考试) and their results. A person has one
 * result per exam: saving again overwrites it under the same id. Removing an
 * exam removes its results in the same transaction.
 */
import { defineStore } from 'pinia'
import { computed } from 'vue'
import { getDb, listExamResults, listExams, randomId } from '@/db'
import { commitChanges } from '@/db/writes'
import { arePersonsLive, findLivePerson, resultsOfPersonInExam, resultsOfPersonsInExam } from '@/db/person-references'
import { InputError } from '@/domain/input/input-error'
import { normalizeExam, normalizeResult, validateExam, validateResult, type ExamInput, type ResultInput } from '@/domain/input/exam-input'
import type { Exam, ExamResult } from '@/domain/model/types'
import { liveData, type LiveData } from './live'

function refuse(message: string | null): void {
  if (message) throw new InputError(message)
}

function examTransaction<T>(fn: () => Promise<T>): Promise<T> {
  const db = getDb()
  return db.transaction('rw', [db.exams, db.examResults, db.persons, db.meta, db.outbox], fn)
}

async function findExam(examId: string): Promise<Exam> {
  const exam = (await listExams(getDb())).find((e) => e.id === examId)
  if (!exam) throw new InputError('找不到这场考试，可能已被删除，请返回考试列表')
  return exam
}

export const useExamsStore = defineStore('exams', () => {
  const examsLive = liveData(() => listExams(getDb()), [] as Exam[])
  const exams = examsLive.data
  const isLoaded = examsLive.isLoaded
  const examById = computed(() => new Map(exams.value.map((e) => [e.id, e])))

  /** The results of one exam, following the database; call from a component's setup (disposed with it). */
  function liveResults(examId: string): LiveData<ExamResult[]> {
    return liveData(() => listExamResults(getDb(), examId), [] as ExamResult[])
  }

  /** All results (the exam list shows how many are entered). */
  function liveAllResults(): LiveData<ExamResult[]> {
    return liveData(() => listExamResults(getDb()), [] as ExamResult[])
  }

  /** Create (id null) or update an exam; returns its id. */
  async function saveExam(input: ExamInput): Promise<string> {
    const exam = normalizeExam(input)
    refuse(validateExam(exam))
    const id = exam.id ?? randomId('x')
    await examTransaction(async () => {
      if (exam.id !== null) await findExam(exam.id)
      const record: Omit<Exam, 'updatedAt'> = { ...exam, id }
      await commitChanges(getDb(), [{ table: 'exams', put: [record] }])
    })
    return id
  }

  /** Enter or correct one person's result. */
  async function saveResult(examId: string, personId: string, input: ResultInput): Promise<void> {
    const result = normalizeResult(input)
    refuse(validateResult(result))
    await examTransaction(async () => {
      await findExam(examId)
      if (!(await findLivePerson(getDb(), personId))) throw new InputError('找不到这名人员，可能已从名册删除')
      const existing = await resultsOfPersonInExam(getDb(), examId, personId)
      const [keep, ...extra] = existing.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))
      const record: Omit<ExamResult, 'updatedAt'> = { id: keep?.id ?? randomId('r'), examId, personId, ...result }
      await commitChanges(getDb(), [{ table: 'examResults', put: [record], remove: extra.map((r) => r.id) }])
    })
  }

  /** 粘贴成绩: many results at once, all checked first, one transaction; returns how many were written. */
  async function saveResults(examId: string, entries: readonly { personId: string; result: ResultInput }[]): Promise<number> {
    if (!entries.length) throw new InputError('没有可以保存的成绩')
    const results = entries.map((e) => ({ personId: e.personId, result: normalizeResult(e.result) }))
    for (const r of results) refuse(validateResult(r.result))
    if (new Set(results.map((r) => r.personId)).size !== results.length) throw new InputError('同一人有两条成绩，请只保留一条')
    return examTransaction(async () => {
      await findExam(examId)
      const db = getDb()
      if (!(await arePersonsLive(db, results.map((r) => r.personId)))) throw new InputError('有人员已从名册删除，请重新粘贴')
      const live = (await resultsOfPersonsInExam(db, examId, results.map((r) => r.personId))).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))
      const keep = new Map<string, string>()
      const extra: string[] = []
      for (const r of live) {
        if (keep.has(r.personId)) extra.push(r.id)
        else keep.set(r.personId, r.id)
      }
      const put = results.map((r) => ({ id: keep.get(r.personId) ?? randomId('r'), examId, personId: r.personId, ...r.result }))
      await commitChanges(db, [{ table: 'examResults', put, remove: extra }])
      return put.length
    })
  }

  /** 清除成绩: the person is back to 未录入. */
  async function clearResult(examId: string, personId: string): Promise<void> {
    await examTransaction(async () => {
      const existing = await resultsOfPersonInExam(getDb(), examId, personId)
      if (existing.length) await commitChanges(getDb(), [{ table: 'examResults', remove: existing.map((r) => r.id) }])
    })
  }

  /** The exam and every result of it, in one transaction; returns how many results went. */
  async function removeExam(examId: string): Promise<number> {
    return examTransaction(async () => {
      await findExam(examId)
      const results = await listExamResults(getDb(), examId)
      await commitChanges(getDb(), [
        { table: 'exams', remove: [examId] },
        { table: 'examResults', remove: results.map((r) => r.id) },
      ])
      return results.length
    })
  }

  return { exams, isLoaded, examById, liveResults, liveAllResults, saveExam, saveResult, saveResults, clearResult, removeExam }
})
