import type { RouteRecordRaw } from 'vue-router'

// Keeper pages: each page shows 仅台账管理员可编辑 when the device is not in the keeper role.
export default [
  { path: '/roster', name: 'roster', component: () => import('@/pages/RosterPage.vue'), meta: { title: '人员名册', keeper: true } },
  {
    path: '/roster/person/:id',
    name: 'person-edit',
    component: () => import('@/pages/PersonEditPage.vue'),
    meta: { title: '人员信息', keeper: true },
  },
] satisfies RouteRecordRaw[]
