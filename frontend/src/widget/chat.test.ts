import { beforeEach, describe, expect, it, vi } from 'vitest'
import { type ChatMessage, PublicInboxApi } from './api'
import { ChatSession } from './chat'
import { loadSession, saveSession } from './storage'

const message = (id: number, content: string, messageType = 'incoming'): ChatMessage => ({
  id,
  messageType,
  senderType: messageType === 'incoming' ? 'contact' : 'user',
  senderName: messageType === 'incoming' ? null : 'Alex',
  content,
  createdAt: '2026-01-01T00:00:00Z',
})

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

/** A fake server: records each request and answers from a queue of handlers. */
function fakeFetch(...answers: Array<() => Response | Promise<Response>>) {
  const calls: Array<{ url: string; method: string; headers: Record<string, string>; body: unknown }> = []
  const fetchImpl = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({
      url: String(url),
      method: init?.method ?? 'GET',
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    })
    const answer = answers.shift()
    if (!answer) throw new Error(`unexpected request ${url}`)
    return answer()
  })
  return { calls, fetchImpl: fetchImpl as unknown as typeof fetch }
}

function session(fetchImpl: typeof fetch) {
  let n = 0
  const api = new PublicInboxApi('https://help.test', 'inb_1', fetchImpl)
  return new ChatSession(api, localStorage, 'inb_1', { name: 'Jane' }, () => `key-${++n}`)
}

describe('ChatSession', () => {
  beforeEach(() => localStorage.clear())

  it('first message opens a contact session and starts the conversation; the next is sent into it', async () => {
    const { calls, fetchImpl } = fakeFetch(
      () => json(201, { contactToken: 'tok', contact: {} }),
      () => json(201, { conversationId: 9, message: message(100, 'Hello') }),
      () => json(201, message(101, 'Still there?')),
    )
    const chat = session(fetchImpl)
    await chat.send('  Hello  ')
    expect(calls[0]).toMatchObject({
      url: 'https://help.test/api/public/inboxes/inb_1/contacts',
      body: { name: 'Jane' },
    })
    expect(calls[1]).toMatchObject({
      url: 'https://help.test/api/public/inboxes/inb_1/conversations',
      body: { content: 'Hello' },
      headers: { Authorization: 'Bearer tok' },
    })
    expect(loadSession(localStorage, 'inb_1')).toEqual({ contactToken: 'tok', conversationId: 9 })

    await chat.send('Still there?')
    expect(calls[2]?.url).toBe('https://help.test/api/public/inboxes/inb_1/conversations/9/messages')
    expect(chat.messages.map((m) => m.id)).toEqual([100, 101])
    expect(chat.pending).toEqual([])
  })

  it('two quick messages start one conversation, not two', async () => {
    const { calls, fetchImpl } = fakeFetch(
      () => json(201, { contactToken: 'tok' }),
      () => json(201, { conversationId: 9, message: message(100, 'one') }),
      () => json(201, message(101, 'two')),
    )
    const chat = session(fetchImpl)
    await Promise.all([chat.send('one'), chat.send('two')])
    expect(calls.map((c) => c.url.replace('https://help.test/api/public/inboxes/inb_1', ''))).toEqual([
      '/contacts',
      '/conversations',
      '/conversations/9/messages',
    ])
  })

  it('a failed send keeps the text with a plain error, and a retry reuses its idempotency key', async () => {
    saveSession(localStorage, 'inb_1', { contactToken: 'tok', conversationId: 9 })
    const { calls, fetchImpl } = fakeFetch(
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => json(201, message(101, 'Where is my order?')),
    )
    const chat = session(fetchImpl)
    await chat.send('Where is my order?')
    expect(chat.pending).toHaveLength(1)
    const failed = chat.pending[0]!
    expect(failed).toMatchObject({ state: 'failed', content: 'Where is my order?' })
    expect(failed.error).toMatch(/Could not reach us/)

    await chat.retry(failed.localId)
    expect(chat.pending).toEqual([])
    expect(chat.messages.map((m) => m.content)).toEqual(['Where is my order?'])
    expect(calls[0]?.headers['Idempotency-Key']).toBeTruthy()
    expect(calls[1]?.headers['Idempotency-Key']).toBe(calls[0]?.headers['Idempotency-Key'])
  })

  it('a rejected token is forgotten so the retry opens a new session', async () => {
    saveSession(localStorage, 'inb_1', { contactToken: 'old', conversationId: 9 })
    const { calls, fetchImpl } = fakeFetch(
      () => json(401, { error: { code: 'unauthorized' } }),
      () => json(201, { contactToken: 'new' }),
      () => json(201, { conversationId: 12, message: message(200, 'hi') }),
    )
    const chat = session(fetchImpl)
    await chat.send('hi')
    expect(chat.pending[0]?.error).toMatch(/expired/)
    expect(loadSession(localStorage, 'inb_1')).toBeNull()
    await chat.retry(chat.pending[0]!.localId)
    expect(calls.map((c) => c.url.split('/inb_1')[1])).toEqual([
      '/conversations/9/messages',
      '/contacts',
      '/conversations',
    ])
    expect(loadSession(localStorage, 'inb_1')).toEqual({ contactToken: 'new', conversationId: 12 })
  })

  it('resumes a saved conversation with its history', async () => {
    saveSession(localStorage, 'inb_1', { contactToken: 'tok', conversationId: 9 })
    const { calls, fetchImpl } = fakeFetch(() =>
      json(200, { messages: [message(100, 'Hello'), message(102, 'Hi Jane', 'outgoing')], nextCursor: null }),
    )
    const chat = session(fetchImpl)
    await chat.resume()
    expect(calls[0]?.url).toBe(
      'https://help.test/api/public/inboxes/inb_1/conversations/9/messages?limit=100',
    )
    expect(chat.messages.map((m) => m.content)).toEqual(['Hello', 'Hi Jane'])
  })

  it('live agent replies: only this conversation, no duplicates; typing clears on the reply', async () => {
    saveSession(localStorage, 'inb_1', { contactToken: 'tok', conversationId: 9 })
    const chat = session(fakeFetch().fetchImpl)
    chat.setAgentTyping(9, true)
    chat.setAgentTyping(10, false)
    expect(chat.agentTyping).toBe(true)
    const reply = { conversationId: 9, messageId: 5, content: 'On it', createdAt: '2026-01-01T00:00:00Z' }
    chat.receiveAgentReply(reply)
    chat.receiveAgentReply(reply)
    chat.receiveAgentReply({ ...reply, conversationId: 10, messageId: 6 })
    expect(chat.messages).toHaveLength(1)
    expect(chat.messages[0]).toMatchObject({ id: 5, messageType: 'outgoing', content: 'On it' })
    expect(chat.agentTyping).toBe(false)
  })

  it("a live reply is shown at once, then completed with the agent's name from the API", async () => {
    saveSession(localStorage, 'inb_1', { contactToken: 'tok', conversationId: 9 })
    const { calls, fetchImpl } = fakeFetch(
      () => json(200, { messages: [message(4, 'Hello')] }),
      () => json(200, { messages: [message(5, 'On it', 'outgoing')] }),
    )
    const chat = session(fetchImpl)
    await chat.resume()
    chat.receiveAgentReply({
      conversationId: 9,
      messageId: 5,
      content: 'On it',
      createdAt: '2026-01-01T00:00:00Z',
    })
    expect(chat.messages.at(-1)).toMatchObject({ id: 5, senderName: null })
    await vi.waitFor(() => expect(chat.messages.at(-1)?.senderName).toBe('Alex'))
    expect(calls[1]?.url).toMatch(/\/conversations\/9\/messages\?limit=100&after=4$/)
    expect(chat.messages).toHaveLength(2)
  })

  it('says so in plain words when the inbox does not exist', async () => {
    const { fetchImpl } = fakeFetch(() => json(404, { error: { code: 'not_found' } }))
    const chat = session(fetchImpl)
    await chat.send('hello')
    expect(chat.pending[0]).toMatchObject({ state: 'failed', error: 'This chat is not available right now.' })
  })
})
