import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('../src/api', async () => (await import('./support/mockApi')).apiModule(true))

import { api } from './support/mockApi'

import {
  conversationIdOf,
  POLL_MS,
  setSocketFactory,
  useRealtimeStore,
  type LiveSocket,
} from '../src/stores/realtime'
import { useConversationStore } from '../src/stores/conversation'
import { useInboxStore } from '../src/stores/inbox'

class FakeSocket implements LiveSocket {
  connected = false
  handlers = new Map<string, ((...args: unknown[]) => void)[]>()
  emitted: unknown[][] = []
  on(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler])
  }
  emit(event: string, ...args: unknown[]) {
    this.emitted.push([event, ...args])
  }
  disconnect() {
    this.connected = false
  }
  fire(event: string, ...args: unknown[]) {
    if (event === 'connect') this.connected = true
    this.handlers.get(event)?.forEach((h) => h(...args))
  }
}

const page = {
  conversations: [],
  pagination: { total: 0, page: 1, pageSize: 50 },
  counts: { mine: 0, unassigned: 0, all: 0 },
}

describe('realtime store', () => {
  let socket: FakeSocket
  let auth: Record<string, unknown> | null

  beforeEach(() => {
    vi.useFakeTimers()
    setActivePinia(createPinia())
    Object.values(api).forEach((f) => f.mockReset())
    api.get.mockImplementation(async (path: string) =>
      path === '/api/conversations' ? page : { messages: [], nextCursor: null },
    )
    socket = new FakeSocket()
    setSocketFactory((_url, authFn) => {
      auth = authFn()
      return socket
    })
  })

  afterEach(() => {
    useRealtimeStore().stop()
    setSocketFactory(null)
    vi.useRealTimers()
  })

  it('connects with the token and account, and appends live messages to the open timeline', async () => {
    const realtime = useRealtimeStore()
    const conversation = useConversationStore()
    conversation.id = 5
    realtime.start(1, 77)
    expect(auth).toEqual({ token: 'tok', account_id: 77 })
    socket.fire('connect')
    expect(realtime.mode).toBe('live')
    socket.fire('message:new', {
      conversationId: 5,
      message: {
        id: 11,
        conversationId: 5,
        messageType: 'incoming',
        private: false,
        senderType: 'contact',
        sender: null,
        content: 'hi',
        createdAt: '',
      },
    })
    socket.fire('message:new', {
      conversationId: 6,
      message: { id: 12, conversationId: 6, messageType: 'incoming', content: 'other' },
    })
    expect(conversation.messages.map((m) => m.id)).toEqual([11])
    await vi.advanceTimersByTimeAsync(300)
    expect(api.get).toHaveBeenCalledWith('/api/conversations', expect.anything())
  })

  it('falls back to polling the list every 10 s when the socket cannot connect', async () => {
    const realtime = useRealtimeStore()
    const inbox = useInboxStore()
    const fetchList = vi.spyOn(inbox, 'fetchList')
    realtime.start(1, 77)
    socket.fire('connect_error', new Error('xhr poll error'))
    expect(realtime.mode).toBe('polling')
    await vi.advanceTimersByTimeAsync(POLL_MS)
    expect(fetchList).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(POLL_MS)
    expect(fetchList).toHaveBeenCalledTimes(2)
    fetchList.mockClear()
    socket.fire('connect')
    expect(realtime.mode).toBe('live')
    await vi.advanceTimersByTimeAsync(POLL_MS * 2)
    expect(fetchList).toHaveBeenCalledTimes(1) // only the catch-up on reconnect
  })

  it('polls when the socket stays silent (no server)', async () => {
    const realtime = useRealtimeStore()
    realtime.start(1, 77)
    await vi.advanceTimersByTimeAsync(4_000)
    expect(realtime.mode).toBe('polling')
  })

  it("shows other agents' typing, not our own, and emits our typing throttled", () => {
    const realtime = useRealtimeStore()
    realtime.start(1, 77)
    socket.fire('connect')
    socket.fire('agent:typing', { conversationId: 5, userId: 2, name: 'Diego', typing: true })
    socket.fire('agent:typing', { conversationId: 5, userId: 1, name: 'Me', typing: true })
    expect(realtime.typersIn(5).map((t) => t.name)).toEqual(['Diego'])
    socket.fire('agent:typing', { conversationId: 5, userId: 2, typing: false })
    expect(realtime.typersIn(5)).toEqual([])

    realtime.emitTyping(5)
    realtime.emitTyping(5)
    expect(socket.emitted).toEqual([['agent:typing', { conversationId: 5, typing: true }]])
    vi.advanceTimersByTime(4_000)
    expect(socket.emitted[1]).toEqual(['agent:typing', { conversationId: 5, typing: false }])
  })

  it('reads the conversation id from the usual payload shapes', () => {
    expect(conversationIdOf({ conversationId: 3 })).toBe(3)
    expect(conversationIdOf({ conversation_id: '4' })).toBe(4)
    expect(conversationIdOf({ message: { conversationId: 5 } })).toBe(5)
    expect(conversationIdOf({ conversation: { id: 6 } })).toBe(6)
    expect(conversationIdOf(null)).toBeNull()
  })
})
