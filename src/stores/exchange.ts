/**
 * 数据交换: importing a ledger file step by step (passphrase, confirmation,
 * progress, result), exporting 备份 / 发布 / 提交 files and the safety backup.
 * The backup reminder's data is stores/backup-status.ts (exposed here too).
 */
import { defineStore, storeToRefs } from 'pinia'
import { ref, shallowRef } from 'vue'
import { getDb } from '@/db'
import type { ExportOptions, ExportResult, ImportResult } from '@/db/ledger-io'
import type { ImportInput } from '@/db/ledger-read'
import type { ImportDone, ImportProgress, ImportStep, PendingConfirm } from '@/domain/ledger/import-outcome'
import type { FilePurpose } from '@/domain/model/types'
import { useBackupStatusStore } from './backup-status'
import { useLedgerStore } from './ledger'

export type { ExportResult }

/** The import/export pipeline (schemas, crypto) loads on first use, not with 首页's backup banner. */
const io = () => import('@/db/ledger-io')

export const useExchangeStore = defineStore('exchange', () => {
  const ledger = useLedgerStore()
  const backup = useBackupStatusStore()
  const { status, isStatusLoaded, reminder } = storeToRefs(backup)

  const step = ref<ImportStep>('idle')
  const fileName = ref<string | null>(null)
  const progress = ref<ImportProgress | null>(null)
  const error = ref<string | null>(null)
  const pendingConfirm = shallowRef<PendingConfirm | null>(null)
  const result = shallowRef<ImportDone | null>(null)
  let input: ImportInput | null = null
  let passphrase: string | null = null
  const confirmed = { foreignUnit: false, restore: false }

  /** A 股室文件 import made this device a section head's (it was 个人). */
  const becameHead = ref(false)
  const isExporting = ref<FilePurpose | null>(null)
  const lastExport = shallowRef<ExportResult | null>(null)
  function resetImport(): void {
    step.value = 'idle'
    fileName.value = null
    progress.value = null
    error.value = null
    pendingConfirm.value = null
    result.value = null
    input = null
    passphrase = null
    confirmed.foreignUnit = false
    confirmed.restore = false
    becameHead.value = false
  }

  async function settle(r: ImportResult): Promise<void> {
    progress.value = null
    if (r.status === 'done') {
      input = null
      await ledger.init()
      // A 股室文件 is for a section head: her device shows the 股室 view from now on.
      if (r.purpose === 'section' && ledger.deviceRole === 'person') {
        await ledger.setDeviceRole('head')
        becameHead.value = true
      }
      result.value = r
      step.value = 'done'
    } else if (r.status === 'needsPassphrase') {
      step.value = 'needsPassphrase'
    } else if (r.status === 'needsConfirm') {
      pendingConfirm.value = { kind: r.needsConfirm, header: r.header, localUnit: r.localUnit }
      step.value = 'needsConfirm'
    } else if (passphrase !== null && /口令/.test(r.error)) {
      // A wrong passphrase: ask again, saying why.
      error.value = r.error
      step.value = 'needsPassphrase'
    } else {
      error.value = r.error
      step.value = 'failed'
      input = null
    }
  }

  async function run(): Promise<void> {
    if (!input) return
    step.value = 'working'
    error.value = null
    pendingConfirm.value = null
    const { importLedgerFile } = await io()
    const r = await importLedgerFile(getDb(), input, {
      passphrase,
      confirmForeignUnit: confirmed.foreignUnit,
      confirmRestore: confirmed.restore,
      onProgress: (p) => (progress.value = p),
    })
    await settle(r)
  }

  /** A file was chosen: start over with it. */
  async function importFile(file: ImportInput, name: string): Promise<void> {
    resetImport()
    input = file
    fileName.value = name
    await run()
  }

  async function providePassphrase(p: string): Promise<void> {
    passphrase = p
    await run()
  }

  async function confirmPending(): Promise<void> {
    const kind = pendingConfirm.value?.kind
    if (!kind) return
    confirmed[kind] = true
    await run()
  }

  async function restoreSafety(): Promise<void> {
    resetImport()
    fileName.value = '安全备份'
    step.value = 'working'
    const { restoreSafetyBackup } = await io()
    await settle(await restoreSafetyBackup(getDb(), { onProgress: (p) => (progress.value = p) }))
  }

  /** Builds an export file; the page downloads or shares it. Errors are zh-CN and thrown. */
  async function exportFile(
    purpose: FilePurpose,
    opts: Pick<ExportOptions, 'passphrase' | 'since' | 'sectionId' | 'recordSubmit'> = {},
  ): Promise<ExportResult> {
    isExporting.value = purpose
    try {
      const { exportLedger } = await io()
      const r = await exportLedger(getDb(), purpose, opts)
      lastExport.value = r
      backup.refreshClock()
      return r
    } finally {
      isExporting.value = null
    }
  }

  /** A 提交 file was handed over (shared or downloaded): its records are no longer 未提交. */
  async function markSubmitted(file: ExportResult): Promise<void> {
    const { markSubmitted: mark } = await io()
    await mark(getDb(), file)
  }

  return {
    status,
    isStatusLoaded,
    step,
    fileName,
    progress,
    error,
    pendingConfirm,
    result,
    becameHead,
    isExporting,
    lastExport,
    reminder,
    resetImport,
    importFile,
    providePassphrase,
    confirmPending,
    restoreSafety,
    exportFile,
    markSubmitted,
    refreshClock: backup.refreshClock,
  }
})
