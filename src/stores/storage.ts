/** Whether the browser protects the ledger from eviction, and how much space it uses. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { readStorageStatus, requestPersistenceNow, type StorageStatus } from '@/db/persistence'

export const useStorageStore = defineStore('storage', () => {
  const status = ref<StorageStatus | null>(null)
  const isLoading = ref(false)

  async function refresh(): Promise<void> {
    isLoading.value = true
    try {
      status.value = await readStorageStatus()
    } finally {
      isLoading.value = false
    }
  }

  async function protect(): Promise<boolean | null> {
    const granted = await requestPersistenceNow()
    await refresh()
    return granted
  }

  return { status, isLoading, refresh, protect }
})
