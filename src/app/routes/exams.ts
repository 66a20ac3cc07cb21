import type { RouteRecordRaw } from 'vue-router'

export default [
  { path: '/exams', name: 'exams', component: () => import('@/pages/ExamsPage.vue'), meta: { title: '考试管理', keeper: true } },
  { path: '/exams/:id', name: 'exam-results', component: () => import('@/pages/ExamResultsPage.vue'), meta: { title: '成绩录入', keeper: true } },
] satisfies RouteRecordRaw[]
