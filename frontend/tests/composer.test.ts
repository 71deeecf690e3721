import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('../src/api', async () => (await import('./support/mockApi')).apiModule())

import { api } from './support/mockApi'

import MessageComposer from '../src/components/MessageComposer.vue'
import { useConversationStore } from '../src/stores/conversation'
import { ApiError } from '../src/api/client'

function mountComposer() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const conversation = useConversationStore()
  conversation.id = 42
  const wrapper = mount(MessageComposer, { props: { conversationId: 42 }, global: { plugins: [pinia] } })
  return { wrapper, conversation }
}

describe('MessageComposer', () => {
  beforeEach(() => {
    Object.values(api).forEach((f) => f.mockReset())
  })

  it('expands /shortcut + Tab through the canned-response API', async () => {
    api.get.mockResolvedValue({
      id: 1,
      shortCode: 'thanks',
      content: 'Thanks for reaching out!',
      createdAt: '',
    })
    const { wrapper } = mountComposer()
    const textarea = wrapper.get('textarea')
    await textarea.setValue('Hi! /thanks')
    await textarea.trigger('keydown', { key: 'Tab' })
    await flushPromises()
    expect(api.get).toHaveBeenCalledWith('/api/canned-responses/shortcut/thanks')
    expect((textarea.element as HTMLTextAreaElement).value).toBe('Hi! Thanks for reaching out!')
  })

  it('says so when no canned response has the shortcut, leaving the text alone', async () => {
    api.get.mockRejectedValue(new ApiError(404, 'not_found', 'No canned response'))
    const { wrapper } = mountComposer()
    const textarea = wrapper.get('textarea')
    await textarea.setValue('/nope')
    await textarea.trigger('keydown', { key: 'Tab' })
    await flushPromises()
    expect((textarea.element as HTMLTextAreaElement).value).toBe('/nope')
    expect(wrapper.get('[data-testid="composer-hint"]').text()).toContain('/nope')
  })

  it('keeps the text when sending fails and retries with the same idempotency key', async () => {
    const sent = {
      id: 9,
      conversationId: 42,
      messageType: 'outgoing',
      private: false,
      senderType: 'agent',
      sender: null,
      content: 'Hello',
      createdAt: '2025-01-01T00:00:00Z',
    }
    api.post
      .mockRejectedValueOnce(new ApiError(503, 'unavailable', 'The database is busy, try again.'))
      .mockResolvedValueOnce(sent)
    const { wrapper, conversation } = mountComposer()
    const textarea = wrapper.get('textarea')
    await textarea.setValue('Hello')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect((textarea.element as HTMLTextAreaElement).value).toBe('Hello')
    expect(wrapper.get('[data-testid="send-error"]').text()).toContain('The database is busy, try again.')

    await wrapper.get('[data-testid="send-retry"]').trigger('click')
    await flushPromises()
    expect(api.post).toHaveBeenCalledTimes(2)
    const [firstPath, firstBody, firstHeaders] = api.post.mock.calls[0]!
    const [, , secondHeaders] = api.post.mock.calls[1]!
    expect(firstPath).toBe('/api/conversations/42/messages')
    expect(firstBody).toEqual({ content: 'Hello', private: false })
    expect(secondHeaders['Idempotency-Key']).toBe(firstHeaders['Idempotency-Key'])
    expect((textarea.element as HTMLTextAreaElement).value).toBe('')
    expect(wrapper.find('[data-testid="send-error"]').exists()).toBe(false)
    expect(conversation.messages.map((m) => m.id)).toEqual([9])
  })

  it('sends private notes as private', async () => {
    api.post.mockResolvedValue({
      id: 3,
      conversationId: 42,
      messageType: 'outgoing',
      private: true,
      senderType: 'agent',
      sender: null,
      content: 'n',
      createdAt: '',
    })
    const { wrapper } = mountComposer()
    await wrapper.get('[data-testid="mode-note"]').trigger('click')
    await wrapper.get('textarea').setValue('internal')
    await wrapper.get('textarea').trigger('keydown', { key: 'Enter', ctrlKey: true })
    await flushPromises()
    expect(api.post.mock.calls[0]![1]).toEqual({ content: 'internal', private: true })
  })
})
