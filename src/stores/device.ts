/**
 * This device: who uses it ("我是") and in which role. The keeper role is behind
 * a PIN, a lock against slips on a shared phone (not encryption): its SHA-256
 * hex sits in meta `pinHash`. Identity and role live in the ledger store.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { getDb, getMeta, setMeta, type DeviceRole } from '@/db'
import { InputError } from '@/domain/input/input-error'
import { hashPin, validatePin } from '@/domain/device/pin'
import { parseScore, validateResult } from '@/domain/input/exam-input'
import { useLedgerStore } from './ledger'

export const useDeviceStore = defineStore('device', () => {
  const ledger = useLedgerStore()
  const pinHash = ref<string | null>(null)
  const isLoaded = ref(false)
  const hasPin = computed(() => pinHash.value !== null)

  async function load(): Promise<void> {
    pinHash.value = (await getMeta(getDb(), 'pinHash')) ?? null
    isLoaded.value = true
  }

  /** Set or change the PIN (4–6 digits, typed twice). */
  async function setPin(pin: string, confirm: string): Promise<void> {
    const problem = validatePin(pin, confirm)
    if (problem) throw new InputError(problem)
    const hash = await hashPin(pin)
    await setMeta(getDb(), 'pinHash', hash)
    pinHash.value = hash
  }

  async function verifyPin(pin: string): Promise<boolean> {
    if (!isLoaded.value) await load()
    if (pinHash.value === null || validatePin(pin) !== null) return false
    return (await hashPin(pin)) === pinHash.value
  }

  /** Entering the keeper role needs the PIN; leaving it or moving between the others does not. */
  async function switchRole(role: DeviceRole, pin = ''): Promise<void> {
    if (role === 'keeper' && ledger.deviceRole !== 'keeper') {
      if (!isLoaded.value) await load()
      if (!hasPin.value) throw new InputError('请先设置台账管理员 PIN')
      if (!(await verifyPin(pin))) throw new InputError('PIN 不正确，请重新输入')
    }
    await ledger.setDeviceRole(role)
  }

  function setIdentity(personId: string | null): Promise<void> {
    return ledger.setIdentity(personId)
  }

  /**
   * The score an official read on the exam platform (null clears it): kept on this device only, shown as 本人填写,
   * never a result and never counted; the keeper's entry wins. Throws InputError for a score that is not one.
   */
  async function setSelfScore(examId: string, text: string): Promise<void> {
    const score = parseScore(text)
    if (score !== null) {
      const problem = validateResult({ status: 'taken', score, reason: null })
      if (problem) throw new InputError(problem)
    }
    const next = { ...ledger.selfScores }
    if (score === null) delete next[examId]
    else next[examId] = { score, enteredAt: new Date().toISOString() }
    await setMeta(getDb(), 'selfScores', next)
    ledger.selfScores = next
  }

  return { pinHash, hasPin, isLoaded, load, setPin, verifyPin, switchRole, setIdentity, setSelfScore }
})
