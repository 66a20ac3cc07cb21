/**
 * Section management on the roster page: the 管理 action sheet (重命名, 上移,
 * 下移, 删除) and the name sheet for adding or renaming. Refusals come back as
 * the store's zh-CN message; nothing is written then.
 */
import { computed, ref } from 'vue'
import { showConfirmDialog, showDialog, showToast } from 'vant'
import { errorText } from '@/stores/error-text'
import { useRosterStore } from '@/stores/roster'

type ActionKey = 'rename' | 'up' | 'down' | 'addPerson' | 'bulkAdd' | 'remove'
interface SheetAction {
  key: ActionKey
  name: string
  disabled?: boolean
  color?: string
}

export function useSectionManager(handlers: { addPerson: (sectionId: string) => void; bulkAdd: (sectionId: string) => void }) {
  const roster = useRosterStore()
  const currentId = ref<string | null>(null)
  const isActionsOpen = ref(false)
  const isNameOpen = ref(false)
  const nameError = ref('')
  const isSaving = ref(false)
  const current = computed(() => roster.sections.find((s) => s.id === currentId.value) ?? null)
  const index = computed(() => roster.sections.findIndex((s) => s.id === currentId.value))

  const actions = computed<SheetAction[]>(() => [
    { key: 'addPerson', name: '添加人员' },
    { key: 'bulkAdd', name: '批量添加到此股室' },
    { key: 'rename', name: '重命名' },
    { key: 'up', name: '上移', disabled: index.value <= 0 },
    { key: 'down', name: '下移', disabled: index.value === roster.sections.length - 1 },
    { key: 'remove', name: '删除股室', color: '#c81e1e' },
  ])

  function openActions(sectionId: string): void {
    currentId.value = sectionId
    isActionsOpen.value = true
  }

  function openAdd(): void {
    currentId.value = null
    nameError.value = ''
    isNameOpen.value = true
  }

  async function run(task: () => Promise<void>, done: string): Promise<boolean> {
    try {
      await task()
      showToast({ message: done, type: 'success' })
      return true
    } catch (e) {
      showDialog({ title: '未完成', message: errorText(e) })
      return false
    }
  }

  async function remove(sectionId: string, name: string): Promise<void> {
    const ok = await showConfirmDialog({ title: '删除股室', message: `确定删除“${name}”？`, confirmButtonText: '删除', confirmButtonColor: '#c81e1e' }).then(() => true, () => false)
    if (ok) await run(() => roster.removeSection(sectionId), '已删除')
  }

  async function select(action: SheetAction): Promise<void> {
    isActionsOpen.value = false
    const section = current.value
    if (!section) return
    if (action.key === 'rename') {
      nameError.value = ''
      isNameOpen.value = true
    } else if (action.key === 'up' || action.key === 'down') {
      await run(() => roster.moveSection(section.id, action.key === 'up' ? -1 : 1), action.key === 'up' ? '已上移' : '已下移')
    } else if (action.key === 'remove') await remove(section.id, section.name)
    else if (action.key === 'addPerson') handlers.addPerson(section.id)
    else handlers.bulkAdd(section.id)
  }

  async function submitName(name: string): Promise<void> {
    isSaving.value = true
    try {
      if (current.value) await roster.renameSection(current.value.id, name)
      else await roster.addSection(name)
      isNameOpen.value = false
      showToast({ message: '已保存', type: 'success' })
    } catch (e) {
      nameError.value = errorText(e)
    } finally {
      isSaving.value = false
    }
  }

  const nameTitle = computed(() => (current.value ? '重命名股室' : '添加股室'))
  const nameInitial = computed(() => current.value?.name ?? '')

  return { current, actions, isActionsOpen, isNameOpen, nameError, isSaving, nameTitle, nameInitial, openActions, openAdd, select, submitName }
}
