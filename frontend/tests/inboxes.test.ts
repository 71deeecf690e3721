import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('../src/api', async () => (await import('./support/mockApi')).apiModule())

import { api } from './support/mockApi'

import InboxesView from '../src/views/admin/InboxesView.vue'
import { ApiError } from '../src/api/client'
import { useAuthStore } from '../src/stores/auth'
import type { Inbox } from '../src/api/reports'

const web: Inbox = {
  id: 1,
  name: 'Website',
  channelType: 'api',
  publicId: 'inb_0123456789abcdef01234567',
  routingStrategy: 'load_balanced',
  teamId: null,
  teamName: null,
  conversationCount: 0,
  createdAt: '2026-03-01T00:00:00Z',
}
const used: Inbox = { ...web, id: 2, name: 'Email', publicId: 'inb_used', conversationCount: 3 }

function mountView(role: 'admin' | 'agent') {
  const pinia = createPinia()
  setActivePinia(pinia)
  const auth = useAuthStore()
  vi.spyOn(auth, 'isAdmin', 'get').mockReturnValue(role === 'admin')
  return mount(InboxesView, { global: { plugins: [pinia] } })
}

function routes(inboxes: Inbox[]) {
  api.get.mockImplementation((path: string) =>
    Promise.resolve(
      path === '/api/teams'
        ? { teams: [{ id: 7, name: 'Billing', description: '', memberCount: 0, createdAt: '' }] }
        : { inboxes, pagination: { total: inboxes.length, page: 1, pageSize: 100 } },
    ),
  )
}

describe('InboxesView', () => {
  beforeEach(() => {
    Object.values(api).forEach((f) => f.mockReset())
  })

  it('lists inboxes with their public id and an integration snippet for this origin', async () => {
    routes([web, used])
    const wrapper = mountView('admin')
    await flushPromises()
    expect(wrapper.findAll('[data-testid="inbox-row"]')).toHaveLength(2)
    expect(wrapper.get('[data-testid="inbox-public-id"]').text()).toBe(web.publicId)
    const snippet = wrapper.get('[data-testid="inbox-snippet"]').text()
    expect(snippet).toContain(`${window.location.origin}/api/public/inboxes/${web.publicId}/contacts`)
    expect(snippet).toContain('/conversations')
    // An inbox with conversations cannot be deleted.
    const deletes = wrapper.findAll('button').filter((b) => b.text() === 'Delete')
    expect(deletes[1]?.attributes('disabled')).toBeDefined()
  })

  it('creates an inbox with routing and team, then selects it', async () => {
    routes([web])
    api.post.mockResolvedValue({ ...web, id: 3, name: 'Apps', publicId: 'inb_new' })
    const wrapper = mountView('admin')
    await flushPromises()
    await wrapper.get('#new-inbox-name').setValue('Apps')
    await wrapper.get('#new-inbox-strategy').setValue('round_robin')
    await wrapper.get('#new-inbox-team').setValue('7')
    routes([web, { ...web, id: 3, name: 'Apps', publicId: 'inb_new' }])
    await wrapper.get('[data-testid="inbox-create"]').trigger('submit')
    await flushPromises()
    expect(api.post).toHaveBeenCalledWith('/api/inboxes', {
      name: 'Apps',
      routingStrategy: 'round_robin',
      teamId: 7,
    })
    expect(wrapper.get('[data-testid="inbox-public-id"]').text()).toBe('inb_new')
  })

  it('edits an inbox, clearing its team', async () => {
    routes([{ ...web, teamId: 7, teamName: 'Billing' }])
    api.patch.mockResolvedValue(web)
    const wrapper = mountView('admin')
    await flushPromises()
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Edit')!
      .trigger('click')
    await wrapper.get('#edit-inbox-name').setValue('Web')
    await wrapper.get('#edit-inbox-team').setValue('')
    await wrapper.get('[data-testid="inbox-edit"]').trigger('submit')
    await flushPromises()
    expect(api.patch).toHaveBeenCalledWith('/api/inboxes/1', {
      name: 'Web',
      routingStrategy: 'load_balanced',
      teamId: null,
    })
  })

  it('shows a refused delete plainly', async () => {
    routes([web])
    api.del.mockRejectedValue(
      new ApiError(409, 'inbox_in_use', 'This inbox has 1 conversation and cannot be deleted.'),
    )
    vi.spyOn(window, 'confirm').mockReturnValue(true)
    const wrapper = mountView('admin')
    await flushPromises()
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Delete')!
      .trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="inbox-error"]').text()).toContain('cannot be deleted')
  })

  it('agents see inboxes but no create, edit or delete controls', async () => {
    routes([web])
    const wrapper = mountView('agent')
    await flushPromises()
    expect(wrapper.find('[data-testid="inbox-create"]').exists()).toBe(false)
    expect(wrapper.findAll('button').some((b) => b.text() === 'Edit' || b.text() === 'Delete')).toBe(false)
    expect(wrapper.find('[data-testid="inbox-snippet"]').exists()).toBe(true)
  })
})
