import type { RouteRecordRaw } from 'vue-router'

export default [
  { path: '/security', name: 'security', component: () => import('@/pages/SecurityPage.vue'), meta: { title: '数据安全', open: true } },
] satisfies RouteRecordRaw[]
