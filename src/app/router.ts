import { createRouter, createWebHashHistory, START_LOCATION, type RouteRecordRaw } from 'vue-router'
import { useLedgerStore } from '@/stores/ledger'
// 首页, the first screen of every device with a ledger, comes with the first download (no chunk
// waterfall after the router resolves); the welcome is seen once per device and loads when needed.
import HomePage from '@/pages/HomePage.vue'

declare module 'vue-router' {
  interface RouteMeta {
    title: string
    /** Shown with the bottom tab bar. */
    tab?: boolean
    /** Reachable before any set-up (docs/spec/routes.md: #/data, #/welcome, #/security). */
    open?: boolean
    /** Editable only in the keeper role (台账管理员). */
    keeper?: boolean
  }
}

const coreRoutes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomePage, meta: { title: '学法台账', tab: true } },
  { path: '/records', name: 'records', component: () => import('@/pages/RecordsPage.vue'), meta: { title: '学习记录', tab: true } },
  { path: '/stats', name: 'stats', component: () => import('@/pages/StatsPage.vue'), meta: { title: '统计', tab: true } },
  { path: '/mine', name: 'mine', component: () => import('@/pages/MinePage.vue'), meta: { title: '我的', tab: true } },
  { path: '/welcome', name: 'welcome', component: () => import('@/pages/WelcomePage.vue'), meta: { title: '学法台账', open: true } },
]

/** Each feature keeps its routes in app/routes/<feature>.ts (default export: RouteRecordRaw[]). */
const featureModules = import.meta.glob<{ default: RouteRecordRaw[] }>('./routes/*.ts', { eager: true })
const featureRoutes = Object.values(featureModules).flatMap((m) => m.default)

export function createAppRouter() {
  const router = createRouter({
    history: createWebHashHistory(),
    routes: [...coreRoutes, ...featureRoutes, { path: '/:pathMatch(.*)*', redirect: '/' }],
    // The first navigation keeps the browser's position (scrolling there would force a layout before the first paint).
    scrollBehavior: (_to, from, saved) => saved ?? (from === START_LOCATION ? false : { top: 0 }),
  })
  router.beforeEach(async (to) => {
    const ledger = useLedgerStore()
    if (!ledger.isReady) await ledger.ready()
    if (!ledger.unit && !to.meta.open) return { name: 'welcome' }
    if (ledger.unit && to.name === 'welcome') return { name: 'home' }
    return true
  })
  router.afterEach((to) => {
    document.title = to.meta.title === '学法台账' ? '学法台账' : `${to.meta.title} · 学法台账`
  })
  return router
}
