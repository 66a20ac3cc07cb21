import type { RouteRecordRaw } from 'vue-router'

export default [
  {
    path: '/targets',
    name: 'targets',
    component: () => import('@/pages/TargetsPage.vue'),
    meta: { title: '考核指标', keeper: true },
  },
] satisfies RouteRecordRaw[]
