/**
 * 粘贴成绩 on the result page: the sheet's state, who may have a result (annual: on the roster on the exam
 * date; 任前: anyone on the roster), what each person has now, and the one-transaction save.
 */
import { computed, ref, type Ref } from 'vue'
import { showToast } from 'vant'
import type { EntryRow } from '@/domain/measures/exam-entry'
import type { ResultInput } from '@/domain/input/exam-input'
import type { Exam, Person } from '@/domain/model/types'
import { errorText } from '@/stores/error-text'
import { useExamsStore } from '@/stores/exams'

export function useScorePaste(examId: string, exam: Ref<Exam | null>, rows: Ref<EntryRow[]>, persons: Ref<readonly Person[]>) {
  const exams = useExamsStore()
  const isOpen = ref(false)
  const isSaving = ref(false)
  const error = ref('')
  const eligibleIds = computed(() =>
    new Set(exam.value?.kind === 'annual' ? rows.value.filter((r) => r.inScope).map((r) => r.person.id) : persons.value.filter((p) => p.activeTo === null).map((p) => p.id)),
  )
  const current = computed(() => new Map(rows.value.flatMap((r) => (r.result ? [[r.person.id, r.result] as const] : []))))

  function open(): void {
    error.value = ''
    isOpen.value = true
  }

  async function save(entries: { personId: string; result: ResultInput }[]): Promise<void> {
    isSaving.value = true
    error.value = ''
    try {
      const n = await exams.saveResults(examId, entries)
      isOpen.value = false
      showToast({ message: `已保存 ${n} 人的成绩`, type: 'success' })
    } catch (e) {
      error.value = errorText(e)
    } finally {
      isSaving.value = false
    }
  }

  return { isOpen, isSaving, error, eligibleIds, current, open, save }
}
