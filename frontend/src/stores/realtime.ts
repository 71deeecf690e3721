import { defineStore } from 'pinia'
import { ref } from 'vue'
import { io, type Socket } from 'socket.io-client'
import { tokenStore } from '../api'
import type { AiClassificationEvent, AiDraftEvent, Message } from '../api/types'
import { useConversationStore } from './conversation'
import { useDraftStore } from './drafts'
import { useInboxStore } from './inbox'

export type LiveMode = 'off' | 'connecting' | 'live' | 'polling'

export interface Typer {
  userId: number | null
  name: string
  until: number
}

export interface RoutingSuggestion {
  teamId: number | null
  agentId: number | null
}

type Payload = Record<string, unknown>

/** Minimal surface of a socket.io client socket, so tests can inject a fake. */
export interface LiveSocket {
  connected: boolean
  on(event: string, handler: (...args: unknown[]) => void): unknown
  emit(event: string, ...args: unknown[]): unknown
  disconnect(): unknown
}

export type SocketFactory = (url: string, auth: () => Record<string, unknown>) => LiveSocket

const defaultFactory: SocketFactory = (url, auth) =>
  io(url || undefined, {
    auth: (cb) => cb(auth()),
    transports: ['websocket', 'polling'],
    reconnectionDelay: 2000,
    reconnectionDelayMax: 30000,
    timeout: 5000,
  }) as Socket as unknown as LiveSocket

let socketFactory: SocketFactory = defaultFactory
export function setSocketFactory(factory: SocketFactory | null): void {
  socketFactory = factory ?? defaultFactory
}

export const POLL_MS = 10_000
const CONNECT_GRACE_MS = 4_000
const TYPING_TTL_MS = 6_000

function num(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value)
  return null
}

/** The conversation an event is about, whatever the payload's exact shape. */
export function conversationIdOf(data: unknown): number | null {
  if (!data || typeof data !== 'object') return null
  const d = data as Payload
  const nested = (key: string) => (d[key] && typeof d[key] === 'object' ? (d[key] as Payload) : null)
  return (
    num(d.conversationId) ??
    num(d.conversation_id) ??
    num(nested('message')?.conversationId) ??
    num(nested('conversation')?.id) ??
    null
  )
}

function messageOf(data: Payload): Message | null {
  const candidate = (data.message && typeof data.message === 'object' ? data.message : data) as Payload
  if (
    num(candidate.id) !== null &&
    typeof candidate.content === 'string' &&
    typeof candidate.messageType === 'string'
  )
    return candidate as unknown as Message
  return null
}

/**
 * Real-time updates: a socket.io connection authenticated with the access token and account; while it is not
 * connected, the list (and the open timeline) are polled every 10 s instead.
 */
export const useRealtimeStore = defineStore('realtime', () => {
  const mode = ref<LiveMode>('off')
  const typing = ref<Record<number, Typer[]>>({})
  const presence = ref<Record<number, string>>({})
  const suggestions = ref<Record<number, RoutingSuggestion>>({})
  let socket: LiveSocket | null = null
  let pollTimer: ReturnType<typeof setInterval> | null = null
  let graceTimer: ReturnType<typeof setTimeout> | null = null
  let me: number | null = null

  function startPolling(): void {
    if (mode.value === 'off') return
    mode.value = 'polling'
    if (pollTimer) return
    pollTimer = setInterval(() => void poll(), POLL_MS)
  }

  function stopPolling(): void {
    if (pollTimer) clearInterval(pollTimer)
    pollTimer = null
  }

  async function poll(): Promise<void> {
    const inbox = useInboxStore()
    const conversation = useConversationStore()
    await Promise.all([
      inbox.fetchList(),
      conversation.loadNewer().catch(() => undefined),
      // AI results (classification on the detail, drafts) without their socket events.
      conversation.reloadDetail().catch(() => undefined),
      useDraftStore().refresh(),
    ])
  }

  function start(userId: number, accountId: number): void {
    stop()
    me = userId
    mode.value = 'connecting'
    const url = import.meta.env.VITE_WS_URL ?? ''
    try {
      socket = socketFactory(url, () => ({ token: tokenStore.get()?.accessToken, account_id: accountId }))
    } catch {
      startPolling()
      return
    }
    socket.on('connect', () => {
      mode.value = 'live'
      stopPolling()
      // Catch up on anything missed while disconnected.
      void poll()
    })
    socket.on('connect_error', () => startPolling())
    socket.on('disconnect', () => startPolling())
    graceTimer = setTimeout(() => {
      if (!socket?.connected) startPolling()
    }, CONNECT_GRACE_MS)

    const inbox = useInboxStore()
    const conversation = useConversationStore()
    const onMessage = (raw: unknown) => {
      const data = (raw ?? {}) as Payload
      inbox.scheduleRefresh()
      const cid = conversationIdOf(data)
      if (cid === null || cid !== conversation.id) return
      const message = messageOf(data)
      if (message) conversation.addMessages([message])
      else void conversation.loadNewer().catch(() => undefined)
      clearTyping(cid)
    }
    socket.on('message:new', onMessage)
    socket.on('message:sent', onMessage)
    const onConversation = (raw: unknown) => {
      inbox.scheduleRefresh()
      const cid = conversationIdOf(raw)
      if (cid !== null && cid === conversation.id) {
        void conversation.reloadDetail().catch(() => undefined)
        void conversation.loadNewer().catch(() => undefined)
      }
    }
    socket.on('conversation:updated', onConversation)
    socket.on('conversation:assigned', onConversation)
    socket.on('ai:classification', (raw: unknown) => {
      const data = (raw ?? {}) as Payload
      const c = (
        data.classification && typeof data.classification === 'object' ? data.classification : data
      ) as Payload
      const cid = conversationIdOf(data)
      if (cid !== null && cid === conversation.id) {
        conversation.applyClassification({
          ...(c as unknown as AiClassificationEvent),
          conversationId: cid,
          confidence: num(c.confidence),
        })
      }
      onConversation(raw)
      if (cid === null) return
      const teamId = num(c.suggested_team_id) ?? num(c.suggestedTeamId)
      const agentId = num(c.suggested_agent_id) ?? num(c.suggestedAgentId)
      if (teamId !== null || agentId !== null)
        suggestions.value = { ...suggestions.value, [cid]: { teamId, agentId } }
    })
    socket.on('ai:draft', (raw: unknown) => {
      const data = (raw ?? {}) as Payload
      const cid = conversationIdOf(data)
      const draftId = num(data.draftId) ?? num(data.id)
      if (cid === null || draftId === null || typeof data.content !== 'string') return
      useDraftStore().receive({
        ...(data as unknown as AiDraftEvent),
        conversationId: cid,
        draftId,
        confidence: typeof data.confidence === 'number' ? data.confidence : 0,
        citedArticleIds: Array.isArray(data.citedArticleIds)
          ? data.citedArticleIds.map(num).filter((n): n is number => n !== null)
          : [],
      })
    })
    socket.on('agent:typing', (raw: unknown) => {
      const data = (raw ?? {}) as Payload
      const cid = conversationIdOf(data)
      if (cid === null) return
      const userId = num(data.userId) ?? num(data.agentId) ?? num(data.user_id)
      if (userId !== null && userId === me) return
      const name = String(data.name ?? data.agentName ?? data.userName ?? 'Someone')
      const others = (typing.value[cid] ?? []).filter((t) => t.userId !== userId && t.until > Date.now())
      if (data.typing !== false) others.push({ userId, name, until: Date.now() + TYPING_TTL_MS })
      typing.value = { ...typing.value, [cid]: others }
    })
    socket.on('agent:presence', (raw: unknown) => {
      const data = (raw ?? {}) as Payload
      const userId = num(data.userId) ?? num(data.agentId)
      const status = data.status ?? data.availability ?? data.presence
      if (userId !== null && typeof status === 'string')
        presence.value = { ...presence.value, [userId]: status }
    })
  }

  function stop(): void {
    stopPolling()
    if (graceTimer) clearTimeout(graceTimer)
    graceTimer = null
    socket?.disconnect()
    socket = null
    mode.value = 'off'
  }

  function clearTyping(cid: number): void {
    if (typing.value[cid]?.length) typing.value = { ...typing.value, [cid]: [] }
  }

  function typersIn(cid: number, now: number = Date.now()): Typer[] {
    return (typing.value[cid] ?? []).filter((t) => t.until > now)
  }

  let lastTypingSent = 0
  let typingOff: ReturnType<typeof setTimeout> | null = null
  /** Called on every keystroke; sends `agent:typing` at most every 3 s, and `typing: false` after 4 s idle. */
  function emitTyping(conversationId: number, isTyping = true): void {
    if (!socket?.connected) return
    if (typingOff) clearTimeout(typingOff)
    typingOff = null
    if (!isTyping) {
      lastTypingSent = 0
      socket.emit('agent:typing', { conversationId, typing: false })
      return
    }
    if (Date.now() - lastTypingSent > 3000) {
      lastTypingSent = Date.now()
      socket.emit('agent:typing', { conversationId, typing: true })
    }
    typingOff = setTimeout(() => emitTyping(conversationId, false), 4000)
  }

  return { mode, typing, presence, suggestions, start, stop, poll, typersIn, emitTyping }
})
