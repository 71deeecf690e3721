import { createRouter, createWebHistory } from 'vue-router'
import { useAuthStore } from './stores/auth'

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', redirect: '/conversations' },
    {
      path: '/login',
      name: 'login',
      component: () => import('./views/LoginView.vue'),
      meta: { public: true },
    },
    {
      path: '/conversations/:id?',
      name: 'conversations',
      component: () => import('./views/InboxView.vue'),
    },
    { path: '/contacts/:id?', name: 'contacts', component: () => import('./views/ContactsView.vue') },
    { path: '/admin/agents', name: 'agents', component: () => import('./views/admin/AgentsView.vue') },
    { path: '/admin/teams', name: 'teams', component: () => import('./views/admin/TeamsView.vue') },
    { path: '/admin/labels', name: 'labels', component: () => import('./views/admin/LabelsView.vue') },
    { path: '/admin/canned', name: 'canned', component: () => import('./views/admin/CannedView.vue') },
    { path: '/admin/inboxes', name: 'inboxes', component: () => import('./views/admin/InboxesView.vue') },
    { path: '/reports', name: 'reports', component: () => import('./views/ReportsView.vue') },
    { path: '/knowledge/:id?', name: 'knowledge', component: () => import('./views/KnowledgeView.vue') },
    { path: '/admin/ai', name: 'ai-settings', component: () => import('./views/admin/AiSettingsView.vue') },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
  ],
})

router.beforeEach(async (to) => {
  const auth = useAuthStore()
  if (to.meta.public) return true
  if (await auth.restore()) return true
  return {
    name: 'login',
    query: to.fullPath !== '/' && to.fullPath !== '/conversations' ? { next: to.fullPath } : {},
  }
})
