/** 填写我的成绩 on 统计 → 我的: which exam's sheet is open, saving it (device store, loaded on save), its error. */
import { ref } from 'vue'
import { showToast } from 'vant'
import { errorText } from '@/stores/error-text'

export function useSelfScore() {
  const examId = ref<string | null>(null)
  const error = ref<string | null>(null)
  const isSaving = ref(false)

  function open(id: string): void {
    error.value = null
    examId.value = id
  }

  async function save(text: string): Promise<void> {
    if (!examId.value) return
    isSaving.value = true
    try {
      const { useDeviceStore } = await import('@/stores/device')
      await useDeviceStore().setSelfScore(examId.value, text)
      examId.value = null
      showToast({ message: '已保存', type: 'success' })
    } catch (e) {
      error.value = errorText(e)
    } finally {
      isSaving.value = false
    }
  }

  return { examId, error, isSaving, open, save }
}
