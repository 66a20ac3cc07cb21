import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'vant/es/toast/style'
import 'vant/es/dialog/style'
import 'vant/es/notify/style'
import './theme.css'
import App from './App.vue'
import { createAppRouter } from './router'
import { useLedgerStore } from '@/stores/ledger'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
// The database opens and the start-up rows are read while the router and the first screen are set up
// (the router's guard waits for the same read).
const ledger = useLedgerStore(pinia)
void ledger.ready().catch(() => undefined)
app.use(createAppRouter())
app.mount('#app')
// Live sync starts after the first screen, from its own chunk, and only on a device connected to a service.
setTimeout(() => {
  void ledger
    .ready()
    .then(() => (ledger.isSyncConnected ? import('@/stores/sync').then((m) => m.useSyncStore(pinia).start()) : undefined))
    .catch(() => undefined)
}, 1000)
