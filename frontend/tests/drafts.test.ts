import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('../src/api', async () => (await import('./support/mockApi')).apiModule())

import { api } from './support/mockApi'

import ConversationPane from '../src/components/ConversationPane.vue'
import DraftPanel from '../src/components/DraftPanel.vue'
import { sameText, useDraftStore } from '../src/stores/drafts'
import { ApiError } from '../src/api/client'
import type { StoredDraft } from '../src/api/types'

const draft = (over: Partial<StoredDraft> = {}): StoredDraft => ({
  id: 7,
  conversationId: 42,
  messageId: 100,
  origin: 'pipeline',
  content: 'Hi,\n\nWe refund duplicate charges within 5 business days.\n\nBest regards',
  confidence: 0.77,
  reasoning: "Quoted from article 3 'Refunds'.",
  citedArticleIds: [3],
  provider: 'local',
  status: 'pending',
  ...over,
})

const detail = {
  id: 42,
  status: 'open',
  snoozedUntil: null,
  priority: 'high',
  subject: null,
  inbox: { id: 1, name: 'Web' },
  contact: { id: 5, name: 'Liisa', email: 'l@x.test' },
  assignedAgent: null,
  team: null,
  labels: [],
  aiCategory: 'billing',
  sentiment: 'frustrated',
  language: 'en',
  aiConfidence: 0.93,
  aiReasoning: 'Charged twice.',
  aiProvider: 'local',
  waitingSince: null,
  firstReplyAt: null,
  resolvedAt: null,
  lastMessageAt: null,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
}

function routeGets(drafts: StoredDraft[]) {
  api.get.mockImplementation(async (path: string) => {
    if (path === '/api/conversations/42') return detail
    if (path === '/api/conversations/42/messages') return { messages: [], nextCursor: null }
    if (path === '/api/ai/drafts') return { drafts }
    if (path === '/api/kb/articles/3') return { id: 3, title: 'Refunds for duplicate charges' }
    if (path === '/api/ai/categories') return { categories: [] }
    if (path === '/api/conversations/42/routing')
      return {
        conversationId: 42,
        strategy: 'load_balanced',
        assigneeId: null,
        queuedSince: null,
        decisions: [],
      }
    if (path === '/api/conversations') return { conversations: [], pagination: { total: 0 }, counts: {} }
    throw new ApiError(404, 'not_found', `unexpected GET ${path}`)
  })
}

const sent = (content: string) => ({
  id: 500,
  conversationId: 42,
  messageType: 'outgoing',
  private: false,
  senderType: 'agent',
  sender: null,
  content,
  createdAt: '2025-01-01T00:00:00Z',
})

function mountPane() {
  const pinia = createPinia()
  setActivePinia(pinia)
  return mount(ConversationPane, {
    props: { id: 42 },
    global: { plugins: [pinia], stubs: { RouterLink: RouterLinkStub } },
  })
}

describe('AI drafts in the conversation', () => {
  beforeEach(() => {
    Object.values(api).forEach((f) => f.mockReset())
  })

  it('shows the latest draft with confidence, reasoning and citations linking to the knowledge base', async () => {
    routeGets([draft({ id: 9, content: 'Newest draft' }), draft({ id: 7 })])
    const wrapper = mountPane()
    await flushPromises()
    expect(api.get).toHaveBeenCalledWith('/api/ai/drafts', { conversationId: 42 })
    const panel = wrapper.get('[data-testid="ai-draft"]')
    expect(panel.attributes('data-draft-id')).toBe('9')
    expect(wrapper.get('[data-testid="draft-content"]').text()).toBe('Newest draft')
    expect(wrapper.get('[data-testid="draft-confidence"]').text()).toContain('77%')
    expect(wrapper.get('[data-testid="draft-reasoning"]').text()).toContain("article 3 'Refunds'")
    const link = wrapper.getComponent(RouterLinkStub)
    expect(link.props('to')).toEqual({ name: 'knowledge', params: { id: 3 } })
    expect(link.text()).toBe('Refunds for duplicate charges')
  })

  it('insert → edit → send records the feedback as edited with the text sent', async () => {
    routeGets([draft()])
    api.post.mockImplementation(async (path: string, body: { content?: string }) => {
      if (path === '/api/conversations/42/messages') return sent(body.content ?? '')
      if (path === '/api/ai/drafts/7/feedback') return { ...draft(), status: 'edited' }
      throw new Error(path)
    })
    const wrapper = mountPane()
    await flushPromises()
    await wrapper.get('[data-testid="draft-insert"]').trigger('click')
    const textarea = wrapper.get('[data-testid="composer-input"]')
    expect((textarea.element as HTMLTextAreaElement).value).toBe(draft().content)
    expect(wrapper.find('[data-testid="draft-in-composer"]').exists()).toBe(true)

    const edited = draft().content.replace('5 business days', '3 business days')
    await textarea.setValue(edited)
    await wrapper.get('[data-testid="composer"]').trigger('submit')
    await flushPromises()

    expect(api.post).toHaveBeenCalledWith(
      '/api/conversations/42/messages',
      { content: edited, private: false },
      expect.anything(),
    )
    expect(api.post).toHaveBeenCalledWith('/api/ai/drafts/7/feedback', {
      outcome: 'edited',
      finalText: edited,
    })
    expect(wrapper.get('[data-testid="draft-status"]').text()).toBe('Sent after editing')
  })

  it('sending the draft unchanged records accepted; a private note records nothing', async () => {
    routeGets([draft()])
    api.post.mockImplementation(async (path: string, body: { content?: string; private?: boolean }) => {
      if (path === '/api/conversations/42/messages')
        return { ...sent(body.content ?? ''), private: body.private }
      if (path === '/api/ai/drafts/7/feedback') return { ...draft(), status: 'accepted' }
      throw new Error(path)
    })
    const wrapper = mountPane()
    await flushPromises()
    await wrapper.get('[data-testid="draft-insert"]').trigger('click')

    // A note first: not a reply, so no feedback yet.
    const textarea = wrapper.get('[data-testid="composer-input"]')
    const draftText = (textarea.element as HTMLTextAreaElement).value
    await wrapper.get('[data-testid="mode-note"]').trigger('click')
    await textarea.setValue('internal: checked the invoice')
    await wrapper.get('[data-testid="composer"]').trigger('submit')
    await flushPromises()
    expect(api.post.mock.calls.filter(([p]) => String(p).includes('/feedback'))).toHaveLength(0)

    await wrapper.get('[data-testid="mode-reply"]').trigger('click')
    await textarea.setValue(`${draftText}\n`)
    await wrapper.get('[data-testid="composer"]').trigger('submit')
    await flushPromises()
    expect(api.post).toHaveBeenCalledWith('/api/ai/drafts/7/feedback', {
      outcome: 'accepted',
      finalText: `${draftText}\n`,
    })
  })

  it('reject records rejected; regenerate shows the new draft', async () => {
    routeGets([draft()])
    api.post.mockImplementation(async (path: string) => {
      if (path === '/api/ai/drafts/7/feedback') return { ...draft(), status: 'rejected' }
      if (path === '/api/ai/drafts') return draft({ id: 8, origin: 'regenerated', content: 'Second try' })
      throw new Error(path)
    })
    const pinia = createPinia()
    setActivePinia(pinia)
    const store = useDraftStore()
    await store.open(42)
    const wrapper = mount(DraftPanel, { global: { plugins: [pinia], stubs: { RouterLink: RouterLinkStub } } })
    await wrapper.get('[data-testid="draft-reject"]').trigger('click')
    await flushPromises()
    expect(api.post).toHaveBeenCalledWith('/api/ai/drafts/7/feedback', { outcome: 'rejected' })
    expect(wrapper.get('[data-testid="draft-status"]').text()).toBe('Rejected')
    expect(wrapper.find('[data-testid="draft-insert"]').exists()).toBe(false)

    await wrapper.get('[data-testid="draft-regenerate"]').trigger('click')
    await flushPromises()
    expect(api.post).toHaveBeenCalledWith('/api/ai/drafts', { conversationId: 42 })
    expect(wrapper.get('[data-testid="draft-content"]').text()).toBe('Second try')
    expect(wrapper.find('[data-testid="draft-insert"]').exists()).toBe(true)
  })

  it('shows an API failure plainly', async () => {
    routeGets([draft()])
    api.post.mockRejectedValue(new ApiError(422, 'no_customer_message', 'The customer has not written yet.'))
    const pinia = createPinia()
    setActivePinia(pinia)
    await useDraftStore().open(42)
    const wrapper = mount(DraftPanel, { global: { plugins: [pinia], stubs: { RouterLink: RouterLinkStub } } })
    await wrapper.get('[data-testid="draft-regenerate"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="draft-error"]').text()).toBe('The customer has not written yet.')
  })

  it('takes live ai:draft events for the open conversation only, without duplicates', async () => {
    routeGets([])
    setActivePinia(createPinia())
    const store = useDraftStore()
    await store.open(42)
    expect(store.state).toBe('none')
    const event = {
      conversationId: 42,
      messageId: 100,
      draftId: 11,
      origin: 'pipeline',
      content: 'Live draft',
      confidence: 0.8,
      reasoning: null,
      citedArticleIds: [3],
      provider: 'local',
    }
    store.receive({ ...event, conversationId: 41, draftId: 12 })
    store.receive(event)
    store.receive(event)
    expect(store.drafts.map((d) => d.id)).toEqual([11])
    expect(store.latest?.content).toBe('Live draft')
    await flushPromises()
    expect(store.titles[3]).toBe('Refunds for duplicate charges')
  })

  it('catches up on a newer draft without a loading state (polling while the socket is down)', async () => {
    routeGets([draft()])
    setActivePinia(createPinia())
    const store = useDraftStore()
    await store.open(42)
    routeGets([draft({ id: 8, content: 'Newer' }), draft()])
    const refreshing = store.refresh()
    expect(store.state).toBe('ready')
    await refreshing
    expect(store.latest?.id).toBe(8)
    expect(store.drafts.map((d) => d.id)).toEqual([8, 7])
  })

  it('treats surrounding whitespace as unchanged', () => {
    expect(sameText('Hi\r\nthere\n', 'Hi\nthere')).toBe(true)
    expect(sameText('Hi there', 'Hi  there')).toBe(false)
  })
})
