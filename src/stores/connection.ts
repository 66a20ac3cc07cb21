/** Tells the shell when another tab upgraded the database or this tab's upgrade is blocked. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { onConnectionEvent, type ConnectionEvent } from '@/db'

export const useConnectionStore = defineStore('connection', () => {
  const event = ref<ConnectionEvent | null>(null)
  onConnectionEvent((e) => (event.value = e))
  function dismiss(): void {
    event.value = null
  }
  return { event, dismiss }
})
