import type { RouteRecordRaw } from 'vue-router'

// Live sync (docs/spec/sync-api.md). 同步, 加入 and the county pages work before any set-up: a phone joining by
// invitation and a county account have no ledger yet.
export default [
  { path: '/sync', name: 'sync', component: () => import('@/pages/SyncPage.vue'), meta: { title: '同步', open: true } },
  { path: '/sync/invite', name: 'sync-invite', component: () => import('@/pages/SyncInvitePage.vue'), meta: { title: '邀请加入', keeper: true } },
  { path: '/join', name: 'join', component: () => import('@/pages/JoinPage.vue'), meta: { title: '加入单位台账', open: true } },
  { path: '/county', name: 'county', component: () => import('@/pages/CountyPage.vue'), meta: { title: '各单位汇总', open: true } },
  { path: '/county/unit', name: 'county-unit', component: () => import('@/pages/CountyUnitPage.vue'), meta: { title: '单位报告', open: true } },
] satisfies RouteRecordRaw[]
