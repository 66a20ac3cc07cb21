import type { RouteRecordRaw } from 'vue-router'

export default [
  {
    path: '/activity/new',
    name: 'activity-new',
    component: () => import('@/pages/ActivityEditPage.vue'),
    meta: { title: '组织学习', keeper: true },
  },
  { path: '/activity/:id', name: 'activity-edit', component: () => import('@/pages/ActivityEditPage.vue'), meta: { title: '学习记录' } },
  {
    path: '/training-card/:personId',
    name: 'training-card',
    component: () => import('@/pages/TrainingCardPage.vue'),
    meta: { title: '业务培训登记卡' },
  },
] satisfies RouteRecordRaw[]
