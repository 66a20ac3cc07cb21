/**
 * 我的 → 本机角色: entering 台账管理员 asks for the PIN (or sets it on first
 * use); leaving it without a PIN asks to set one first, so that nobody else can
 * walk back in. The PIN is a UI lock on a shared phone, not encryption.
 */
import { computed, ref } from 'vue'
import { showToast } from 'vant'
import { DEVICE_ROLE_LABELS, type DeviceRoleName } from '@/domain/device/role'
import { errorText } from '@/stores/error-text'
import { useDeviceStore } from '@/stores/device'
import { useLedgerStore } from '@/stores/ledger'

type PinPurpose = 'enter' | 'leave' | 'change'

export function useRoleSwitch() {
  const ledger = useLedgerStore()
  const device = useDeviceStore()
  const isOpen = ref(false)
  const purpose = ref<PinPurpose>('enter')
  const target = ref<DeviceRoleName>('keeper')
  const error = ref('')
  const isBusy = ref(false)

  const mode = computed<'set' | 'verify'>(() => (purpose.value === 'enter' && device.hasPin ? 'verify' : 'set'))
  const title = computed(() => {
    if (purpose.value === 'change') return '修改 PIN'
    if (mode.value === 'verify') return '输入台账管理员 PIN'
    return '设置台账管理员 PIN'
  })
  const hint = computed(() => {
    if (purpose.value === 'leave') return '离开台账管理员前请先设置 PIN，以后切回时需要输入。'
    if (purpose.value === 'enter' && mode.value === 'set') return '首次使用，请设置 4–6 位数字 PIN。'
    return purpose.value === 'change' ? '请输入新的 4–6 位数字 PIN。' : '切换到台账管理员需要输入 PIN。'
  })

  function ask(next: PinPurpose, role: DeviceRoleName): void {
    purpose.value = next
    target.value = role
    error.value = ''
    isOpen.value = true
  }

  async function switchTo(role: DeviceRoleName, pin = ''): Promise<void> {
    await device.switchRole(role, pin)
    isOpen.value = false
    showToast(`已切换为${DEVICE_ROLE_LABELS[role]}`)
  }

  async function pick(role: DeviceRoleName): Promise<void> {
    if (role === ledger.deviceRole) return
    if (!device.isLoaded) await device.load()
    if (role === 'keeper') return ask('enter', role)
    if (ledger.deviceRole === 'keeper' && !device.hasPin) return ask('leave', role)
    try {
      await switchTo(role)
    } catch (e) {
      showToast({ message: errorText(e, '切换失败'), type: 'fail' })
    }
  }

  async function submit(pin: string, confirm: string): Promise<void> {
    isBusy.value = true
    error.value = ''
    try {
      if (mode.value === 'set') {
        await device.setPin(pin, confirm)
        if (purpose.value === 'change') {
          isOpen.value = false
          showToast({ message: 'PIN 已修改', type: 'success' })
          return
        }
      }
      await switchTo(target.value, pin)
    } catch (e) {
      error.value = errorText(e)
    } finally {
      isBusy.value = false
    }
  }

  return { isOpen, mode, title, hint, error, isBusy, pick, submit, changePin: () => ask('change', 'keeper') }
}
