import type { RouteRecordRaw } from 'vue-router'

export default [
  { path: '/report', name: 'report', component: () => import('@/pages/ReportPage.vue'), meta: { title: '年度报告' } },
] satisfies RouteRecordRaw[]
