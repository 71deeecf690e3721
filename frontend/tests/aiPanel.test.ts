import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('../src/api', async () => (await import('./support/mockApi')).apiModule(true))

import { api } from './support/mockApi'

import AiPanel from '../src/components/AiPanel.vue'
import RoutingPanel from '../src/components/RoutingPanel.vue'
import { useConversationStore } from '../src/stores/conversation'
import { setSocketFactory, useRealtimeStore, type LiveSocket } from '../src/stores/realtime'
import { ApiError } from '../src/api/client'
import type { ConversationDetail } from '../src/api/types'

class FakeSocket implements LiveSocket {
  connected = false
  handlers = new Map<string, ((...args: unknown[]) => void)[]>()
  on(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler])
  }
  emit() {}
  disconnect() {}
  fire(event: string, ...args: unknown[]) {
    if (event === 'connect') this.connected = true
    this.handlers.get(event)?.forEach((h) => h(...args))
  }
}

const base: ConversationDetail = {
  id: 42,
  status: 'open',
  snoozedUntil: null,
  priority: 'normal',
  subject: null,
  inbox: null,
  contact: { id: 5, name: 'Liisa', email: null },
  assignedAgent: null,
  team: null,
  labels: [],
  aiCategory: null,
  sentiment: null,
  language: null,
  aiConfidence: null,
  aiReasoning: null,
  aiProvider: null,
  waitingSince: null,
  firstReplyAt: null,
  resolvedAt: null,
  lastMessageAt: null,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
}

const categories = {
  categories: [
    { id: 1, name: 'billing', description: 'Money', teamId: null, examples: [], updatedAt: '' },
    { id: 2, name: 'technical', description: 'Bugs', teamId: null, examples: [], updatedAt: '' },
  ],
}

function setup(detail: ConversationDetail) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const conversation = useConversationStore()
  conversation.id = detail.id
  conversation.detail = detail
  return { pinia, conversation }
}

describe('AI panel', () => {
  let socket: FakeSocket
  beforeEach(() => {
    Object.values(api).forEach((f) => f.mockReset())
    api.get.mockImplementation(async (path: string) => {
      if (path === '/api/ai/categories') return categories
      if (path === '/api/conversations/42') return useConversationStore().detail
      if (path === '/api/conversations/42/messages') return { messages: [], nextCursor: null }
      return { conversations: [], pagination: { total: 0 }, counts: {} }
    })
    socket = new FakeSocket()
    setSocketFactory(() => socket)
  })
  afterEach(() => {
    useRealtimeStore().stop()
    setSocketFactory(null)
  })

  it('shows every classification field', async () => {
    const { pinia } = setup({
      ...base,
      aiCategory: 'billing',
      priority: 'urgent',
      sentiment: 'frustrated',
      language: 'fi',
      aiConfidence: 0.934,
      aiReasoning: 'Duplicate charge reported.',
      aiProvider: 'anthropic',
    })
    const wrapper = mount(AiPanel, { global: { plugins: [pinia] } })
    await flushPromises()
    expect(wrapper.get('[data-testid="ai-category"]').text()).toBe('Billing')
    expect(wrapper.get('[data-testid="ai-priority"]').text()).toBe('Urgent')
    expect(wrapper.get('[data-testid="ai-sentiment"]').text()).toBe('Frustrated')
    expect(wrapper.get('[data-testid="ai-language"]').text()).toBe('FI')
    expect(wrapper.get('[data-testid="ai-confidence"]').text()).toContain('93%')
    expect(wrapper.get('[data-testid="ai-provider"]').text()).toBe('anthropic')
    expect(wrapper.get('[data-testid="ai-reasoning"]').text()).toBe('Duplicate charge reported.')
  })

  it('updates live when ai:classification arrives for the open conversation', async () => {
    const { pinia } = setup(base)
    const wrapper = mount(AiPanel, { global: { plugins: [pinia] } })
    await flushPromises()
    expect(wrapper.find('[data-testid="ai-empty"]').exists()).toBe(true)

    const realtime = useRealtimeStore()
    realtime.start(1, 7)
    socket.fire('connect')
    socket.fire('ai:classification', {
      accountId: 7,
      conversationId: 42,
      messageId: 100,
      category: 'technical',
      priority: 'high',
      sentiment: 'negative',
      language: 'en',
      confidence: 0.88,
      reasoning: 'Error message mentioned.',
      provider: 'local',
      model: 'minilm',
      suggestedTeamId: null,
    })
    socket.fire('ai:classification', { conversationId: 43, category: 'billing', confidence: 0.5 })
    await flushPromises()
    expect(wrapper.get('[data-testid="ai-category"]').text()).toBe('Technical')
    expect(wrapper.get('[data-testid="ai-priority"]').text()).toBe('High')
    expect(wrapper.get('[data-testid="ai-confidence"]').text()).toContain('88%')
    expect(wrapper.get('[data-testid="ai-reasoning"]').text()).toBe('Error message mentioned.')
  })

  it('correcting the category PATCHes it and says it teaches the account', async () => {
    const { pinia } = setup({ ...base, aiCategory: 'billing', aiConfidence: 0.6, aiProvider: 'local' })
    api.patch.mockResolvedValue({ ...base, aiCategory: 'technical', aiConfidence: 0.6, aiProvider: 'local' })
    const wrapper = mount(AiPanel, { global: { plugins: [pinia] } })
    await flushPromises()
    await wrapper.get('[data-testid="ai-category-edit"]').trigger('click')
    const select = wrapper.get('[data-testid="ai-category-select"]')
    expect(select.findAll('option').map((o) => o.text())).toEqual(['Billing', 'Technical'])
    expect(wrapper.get('[data-testid="ai-category-form"]').text()).toContain('teaches this account')
    await select.setValue('technical')
    await wrapper.get('[data-testid="ai-category-form"]').trigger('submit')
    await flushPromises()
    expect(api.patch).toHaveBeenCalledWith('/api/conversations/42', { category: 'technical' })
    expect(wrapper.get('[data-testid="ai-category"]').text()).toBe('Technical')
    expect(wrapper.get('[data-testid="ai-taught"]').text()).toContain('now an example of “technical”')
  })

  it('shows a refused correction plainly', async () => {
    const { pinia } = setup({ ...base, aiCategory: 'billing', aiProvider: 'local' })
    api.patch.mockRejectedValue(
      new ApiError(422, 'validation_failed', 'Some fields are invalid: category', {
        fields: { category: 'no such category' },
      }),
    )
    const wrapper = mount(AiPanel, { global: { plugins: [pinia] } })
    await flushPromises()
    await wrapper.get('[data-testid="ai-category-edit"]').trigger('click')
    await wrapper.get('[data-testid="ai-category-select"]').setValue('technical')
    await wrapper.get('[data-testid="ai-category-form"]').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toContain('Some fields are invalid: category')
    expect(wrapper.find('[data-testid="ai-category-select"]').exists()).toBe(true)
  })
})

describe('routing explanation', () => {
  beforeEach(() => Object.values(api).forEach((f) => f.mockReset()))

  it('explains why this agent: summary, winning rule, candidates with scores, who was left out', async () => {
    const { pinia } = setup({ ...base, assignedAgent: { id: 3, name: 'Aino' } })
    api.get.mockResolvedValue({
      conversationId: 42,
      strategy: 'load_balanced',
      assigneeId: 3,
      queuedSince: null,
      decisions: [
        {
          id: 2,
          decidedAt: new Date().toISOString(),
          trigger: 'requested',
          strategy: 'load_balanced',
          outcome: 'assigned',
          rule: 'spare_capacity',
          summary:
            'Assigned to Aino (load_balanced): most spare capacity. 2 eligible; left out: 1 not connected.',
          assignee: { id: 3, name: 'Aino' },
          routedOn: { category: 'billing', teamId: null, language: 'en' },
          candidates: [
            {
              rank: 1,
              userId: 3,
              name: 'Aino',
              openConversations: 1,
              maxConcurrent: 5,
              spareCapacity: 0.8,
              skillMatch: true,
              teamMatch: false,
              languageMatch: true,
              performance: 0.71,
              medianFirstResponseSeconds: 60,
              resolutionRate: 0.9,
              handledRecently: 4,
              lastAssignedAt: null,
            },
            {
              rank: 2,
              userId: 4,
              name: 'Ben',
              openConversations: 4,
              maxConcurrent: 5,
              spareCapacity: 0.2,
              skillMatch: true,
              teamMatch: false,
              languageMatch: false,
              performance: null,
              medianFirstResponseSeconds: null,
              resolutionRate: null,
              handledRecently: 0,
              lastAssignedAt: null,
            },
          ],
          excluded: { offline: 1 },
        },
        {
          id: 1,
          decidedAt: new Date().toISOString(),
          trigger: 'conversation_created',
          strategy: 'load_balanced',
          outcome: 'queued',
          rule: 'no_candidate',
          summary: 'No eligible agent; waiting in the queue.',
          assignee: null,
          routedOn: null,
          candidates: [],
          excluded: {},
        },
      ],
    })
    const wrapper = mount(RoutingPanel, { global: { plugins: [pinia] } })
    await flushPromises()
    expect(api.get).toHaveBeenCalledWith('/api/conversations/42/routing')
    expect(wrapper.get('[data-testid="routing-outcome"]').text()).toBe('Assigned to Aino')
    expect(wrapper.get('[data-testid="routing-rule"]').text()).toBe('Most spare capacity')
    expect(wrapper.get('[data-testid="routing-summary"]').text()).toContain('most spare capacity')
    const aino = wrapper.get('[data-testid="routing-candidate-3"]').text()
    expect(aino).toContain('80%')
    expect(aino).toContain('71%')
    expect(aino).toContain('skill, language')
    expect(wrapper.get('[data-testid="routing-candidate-4"]').text()).toContain('20%')
    // Who was left out is said once: the summary already names them.
    expect(wrapper.get('[data-testid="routing-summary"]').text()).toContain('left out: 1 not connected')
    expect(wrapper.find('[data-testid="routing-excluded"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('Earlier decisions (1)')
  })

  it('reloads when the assignee changes and says so when nothing was decided', async () => {
    const { pinia, conversation } = setup(base)
    api.get.mockResolvedValue({
      conversationId: 42,
      strategy: 'manual',
      assigneeId: null,
      queuedSince: null,
      decisions: [],
    })
    const wrapper = mount(RoutingPanel, { global: { plugins: [pinia] } })
    await flushPromises()
    expect(wrapper.get('[data-testid="routing-empty"]').text()).toContain('routed by hand')
    conversation.detail = { ...base, assignedAgent: { id: 9, name: 'Diego' } }
    await flushPromises()
    expect(api.get).toHaveBeenCalledTimes(2)
  })

  it('suggests an agent on request and assigns them with one click', async () => {
    const { pinia } = setup(base)
    api.get.mockImplementation(async (path: string) => {
      if (path === '/api/conversations/42/routing')
        return { conversationId: 42, strategy: 'manual', assigneeId: null, queuedSince: null, decisions: [] }
      if (path === '/api/conversations/42/routing/preview')
        return {
          conversationId: 42,
          strategy: 'manual',
          assigneeId: null,
          suggestedAgentId: 3,
          rule: 'spare_capacity',
          summary: 'Would go to Aino (load_balanced): most spare capacity. 2 eligible.',
          candidates: [
            { rank: 1, userId: 3, name: 'Aino', openConversations: 1, maxConcurrent: 5 },
            { rank: 2, userId: 4, name: 'Ben', openConversations: 4, maxConcurrent: 5 },
          ],
          excluded: {},
        }
      return { messages: [], nextCursor: null }
    })
    api.patch.mockResolvedValue({ ...base, assignedAgent: { id: 3, name: 'Aino' } })
    const wrapper = mount(RoutingPanel, { global: { plugins: [pinia] } })
    await flushPromises()
    expect(api.get).not.toHaveBeenCalledWith('/api/conversations/42/routing/preview')

    await wrapper.get('[data-testid="routing-suggest-button"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="routing-suggestion"]').text()).toContain('Would go to Aino')
    await wrapper.get('[data-testid="routing-assign-suggested"]').trigger('click')
    await flushPromises()
    expect(api.patch).toHaveBeenCalledWith('/api/conversations/42', { assigneeId: 3 })
    // Assigned now: the suggestion is gone.
    expect(wrapper.find('[data-testid="routing-suggest"]').exists()).toBe(false)
  })
})
