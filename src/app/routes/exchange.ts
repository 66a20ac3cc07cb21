import type { RouteRecordRaw } from 'vue-router'

export default [
  { path: '/review', name: 'review', component: () => import('@/pages/ReviewPage.vue'), meta: { title: '自报审核', keeper: true } },
] satisfies RouteRecordRaw[]
