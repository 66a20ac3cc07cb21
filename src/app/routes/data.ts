import type { RouteRecordRaw } from 'vue-router'

export default [
  { path: '/data', name: 'data', component: () => import('@/pages/DataPage.vue'), meta: { title: '数据', open: true } },
] satisfies RouteRecordRaw[]
