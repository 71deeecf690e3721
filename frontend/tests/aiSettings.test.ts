import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('../src/api', async () => (await import('./support/mockApi')).apiModule())

import { api } from './support/mockApi'

import AiSettingsView from '../src/views/admin/AiSettingsView.vue'
import { useAuthStore } from '../src/stores/auth'
import { ApiError } from '../src/api/client'
import type { AiCategory, AiSettings } from '../src/api/types'

const settings: AiSettings = {
  provider: null,
  effectiveProvider: 'local',
  confidenceThreshold: 0.85,
  languages: [],
  effectiveLanguages: ['en', 'fi', 'sv'],
  policies: '',
  availableProviders: ['local', 'anthropic'],
  availableLanguages: ['en', 'fi', 'sv'],
}

const billing: AiCategory = {
  id: 1,
  name: 'billing',
  description: 'Invoices and refunds',
  teamId: 2,
  examples: [
    { id: 1, text: 'I was charged twice', source: 'seed', messageId: null },
    { id: 2, text: 'Minulta veloitettiin kahdesti', source: 'correction', messageId: 99 },
  ],
  updatedAt: '',
}

function mountView(role = 'admin') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().role = role
  api.get.mockImplementation(async (path: string) => {
    if (path === '/api/ai/settings') return settings
    if (path === '/api/ai/categories') return { categories: [billing] }
    if (path === '/api/teams')
      return { teams: [{ id: 2, name: 'Billing team', description: null, memberCount: 1, createdAt: '' }] }
    if (path === '/api/agents') return { agents: [] }
    if (path === '/api/labels') return { labels: [] }
    if (path === '/api/ai/stats')
      return {
        classified: 10,
        corrected: 1,
        correctedRate: 0.1,
        autoAssigned: 6,
        corrections: 1,
        manualClassifications: 0,
      }
    if (path === '/api/ai/drafts/stats')
      return {
        drafts: 4,
        withFeedback: 4,
        accepted: 2,
        edited: 1,
        rejected: 1,
        acceptanceRate: 0.5,
        editedRate: 0.25,
        rejectedRate: 0.25,
        meanEditDistance: 0.1,
      }
    throw new Error(path)
  })
  return mount(AiSettingsView, { global: { plugins: [pinia] } })
}

describe('AI settings page', () => {
  beforeEach(() => Object.values(api).forEach((f) => f.mockReset()))

  it('shows the settings, figures and categories with descriptions, team and examples', async () => {
    const wrapper = mountView()
    await flushPromises()
    expect((wrapper.get('[data-testid="ai-settings-threshold"]').element as HTMLInputElement).value).toBe(
      '0.85',
    )
    expect(wrapper.get('[data-testid="stat-classified"]').text()).toBe('10')
    expect(wrapper.get('[data-testid="stat-acceptance"]').text()).toBe('50%')
    const row = wrapper.get('[data-testid="category-billing"]').text()
    expect(row).toContain('Invoices and refunds')
    expect(row).toContain('Team Billing team')
    expect(row).toContain('2 examples (1 from agents')
  })

  it('saves provider, threshold, languages (default first) and policies', async () => {
    api.put.mockImplementation(async (_p: string, body: Partial<AiSettings>) => ({ ...settings, ...body }))
    const wrapper = mountView()
    await flushPromises()
    await wrapper.get('[data-testid="ai-settings-provider"]').setValue('anthropic')
    await wrapper.get('[data-testid="ai-settings-threshold"]').setValue('0.9')
    const boxes = wrapper.findAll('[data-testid="ai-settings-languages"] input')
    await boxes[0]!.setValue(true) // en
    await boxes[1]!.setValue(true) // fi
    await wrapper.get('#ai-default-language').setValue('fi')
    await wrapper.get('[data-testid="ai-settings-policies"]').setValue('Never promise refunds.')
    await wrapper.get('[data-testid="ai-settings-save"]').trigger('submit')
    await flushPromises()
    expect(api.put).toHaveBeenCalledWith('/api/ai/settings', {
      provider: 'anthropic',
      confidenceThreshold: 0.9,
      languages: ['fi', 'en'],
      policies: 'Never promise refunds.',
    })
    expect(wrapper.text()).toContain('Settings saved.')
  })

  it('shows validation errors plainly, next to the field', async () => {
    api.put.mockRejectedValue(
      new ApiError(422, 'validation_failed', 'Some fields are invalid: confidenceThreshold', {
        fields: { confidenceThreshold: 'must be between 0 and 1' },
      }),
    )
    const wrapper = mountView()
    await flushPromises()
    await wrapper.get('[data-testid="ai-settings-threshold"]').setValue('1.5')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid="ai-settings-error"]').text()).toBe(
      'Some fields are invalid: confidenceThreshold',
    )
    expect(wrapper.get('[data-testid="ai-settings-threshold-help"]').text()).toBe(
      'Threshold must be between 0 and 1.',
    )
    expect(wrapper.get('[data-testid="ai-settings-threshold"]').attributes('aria-invalid')).toBe('true')
  })

  it('adds a category, showing a refused name plainly first', async () => {
    api.post
      .mockRejectedValueOnce(
        new ApiError(422, 'validation_failed', 'Some fields are invalid: name', {
          fields: { name: "must be lowercase letters, digits, '-' or '_', starting with a letter or digit" },
        }),
      )
      .mockResolvedValueOnce({
        id: 5,
        name: 'shipping',
        description: 'Deliveries',
        teamId: 2,
        examples: [],
        updatedAt: '',
      })
    const wrapper = mountView()
    await flushPromises()
    await wrapper.get('[data-testid="cat-new-name"]').setValue('Shipping!')
    await wrapper.get('[data-testid="cat-new-description"]').setValue('Deliveries')
    await wrapper.get('[data-testid="cat-new-team"]').setValue('2')
    await wrapper
      .get('[data-testid="cat-new-examples"]')
      .setValue('Where is my parcel?\n\nIt never arrived\n')
    await wrapper.get('[data-testid="cat-new-form"]').trigger('submit')
    await flushPromises()
    expect(api.post).toHaveBeenLastCalledWith('/api/ai/categories', {
      name: 'Shipping!',
      description: 'Deliveries',
      teamId: 2,
      examples: ['Where is my parcel?', 'It never arrived'],
    })
    expect(wrapper.get('#cat-new-name-help').text()).toContain('Name must be lowercase letters')
    expect(wrapper.get('[data-testid="cat-new-error"]').text()).toBe('Some fields are invalid: name')

    await wrapper.get('[data-testid="cat-new-name"]').setValue('shipping')
    await wrapper.get('[data-testid="cat-new-form"]').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid="category-notice"]').text()).toBe('Category “shipping” added.')
    expect(wrapper.find('[data-testid="category-shipping"]').exists()).toBe(true)
  })

  it('edits a category keeping agents’ corrections out of the editable examples, and deletes one', async () => {
    api.patch.mockResolvedValue({ ...billing, description: 'Money matters' })
    api.del.mockResolvedValue(undefined)
    vi.spyOn(window, 'confirm').mockReturnValue(true)
    const wrapper = mountView()
    await flushPromises()
    await wrapper.get('[data-testid="category-edit-billing"]').trigger('click')
    expect((wrapper.get('[data-testid="cat-1-examples"]').element as HTMLTextAreaElement).value).toBe(
      'I was charged twice',
    )
    await wrapper.get('[data-testid="cat-1-description"]').setValue('Money matters')
    await wrapper.get('[data-testid="cat-1-form"]').trigger('submit')
    await flushPromises()
    expect(api.patch).toHaveBeenCalledWith('/api/ai/categories/1', {
      name: 'billing',
      description: 'Money matters',
      teamId: 2,
      examples: ['I was charged twice'],
    })
    expect(wrapper.get('[data-testid="category-billing"]').text()).toContain('Money matters')

    await wrapper.get('[data-testid="category-delete-billing"]').trigger('click')
    await flushPromises()
    expect(api.del).toHaveBeenCalledWith('/api/ai/categories/1')
    expect(wrapper.find('[data-testid="category-billing"]').exists()).toBe(false)
  })

  it('is read-only for agents', async () => {
    const wrapper = mountView('agent')
    await flushPromises()
    expect(wrapper.find('[data-testid="ai-settings-save"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="cat-new-form"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="category-edit-billing"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('Only admins and owners can change these.')
  })
})
